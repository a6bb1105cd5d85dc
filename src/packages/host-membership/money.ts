// Hosts type prices in yuan; the contract is integer fen. Parsed from the
// digits, never through floating point (19.9 * 100 is 1989.9999…), and rounded
// half up at the third decimal: 19.995 → 2000 fen.
const YUAN = /^(\d{1,9})(?:\.(\d*))?$|^\.(\d+)$/

export function yuanToFen(text: string): number | null {
  const match = YUAN.exec(text.trim())
  if (!match) return null
  const whole = Number(match[1] ?? '0')
  const decimals = (match[2] ?? match[3] ?? '').padEnd(3, '0')
  let fen = whole * 100 + Number(decimals.slice(0, 2))
  if (Number(decimals[2]) >= 5) fen += 1
  return fen
}

/** For an input field: 9900 → "99", 1990 → "19.90". */
export function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100)
  const cents = fen % 100
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`
}
