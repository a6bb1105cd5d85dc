// CSV for spreadsheets, one encoding for every sheet the host downloads (the
// attendee list, the background exports). UTF-8 with a BOM so Excel reads the
// Chinese; CRLF line ends; a cell that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) is prefixed with ' so it
// stays text; a cell with a comma, a quote or a line break is quoted.

export const BOM = '\ufeff'
export const CRLF = '\r\n'

export type CsvValue = string | number | boolean | null | undefined

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One line, with its CRLF. */
export function csvLine(cells: CsvValue[]): string {
  return cells.map(csvCell).join(',') + CRLF
}

/** A whole sheet: BOM, header, rows. */
export function csvDocument(header: string[], rows: CsvValue[][]): string {
  return BOM + csvLine(header) + rows.map(csvLine).join('')
}

/** Fen as yuan with two decimals (1234 → 12.34). */
export const yuan = (fen: number) => (fen / 100).toFixed(2)
