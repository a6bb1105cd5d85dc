// The nickname rule, one copy for the member function (domain/members/schemas.ts)
// and the profile form. Plain code-point arithmetic, no Unicode property
// escapes: it must run the same in Node 18 (CloudBase), WeChat's JS engines and
// old WebViews, and stay small in the app bundle.
//
// - Every well-formed emoji sequence is welcome: ZWJ sequences (🏃‍♀️ 👩‍💻 👨‍👩‍👧‍👦),
//   skin tones (👍🏽), flags (🇨🇳), subdivision flags (🏴 + tags), keycaps, variation selectors.
// - Refused: lone surrogates (text no screen can show), control and format
//   characters that hide inside a name (zero-width space, bidi overrides, BOM,
//   soft hyphen, a ZWJ between letters…), and a name with nothing visible in it.
// - Length is counted as a reader sees it: an emoji sequence or a flag is one character.

export const NICKNAME_MAX = 20

export const NICKNAME_MESSAGES = {
  length: `昵称需为 1–${NICKNAME_MAX} 个字`,
  malformed: '昵称包含无法显示的字符',
  invisible: '昵称不能包含不可见字符',
  blank: '昵称不能只有空白或不可见字符'
} as const

const ZWJ = 0x200d
const CANCEL_TAG = 0xe007f

const isHighSurrogate = (u: number) => u >= 0xd800 && u <= 0xdbff
const isLowSurrogate = (u: number) => u >= 0xdc00 && u <= 0xdfff
const between = (cp: number, from: number, to: number) => cp >= from && cp <= to

/** Code points, with a lone surrogate kept as its own (invalid) unit; null marks one. */
function codePoints(text: string): Array<number | null> {
  const out: Array<number | null> = []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (isHighSurrogate(unit) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      out.push((unit - 0xd800) * 0x400 + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000)
      i++
    } else if (isHighSurrogate(unit) || isLowSurrogate(unit)) {
      out.push(null)
    } else {
      out.push(unit)
    }
  }
  return out
}

/** Whether the text is well-formed UTF-16 (String.prototype.isWellFormed, which Node 18 lacks). */
export function isWellFormedText(text: string): boolean {
  return codePoints(text).every((cp) => cp !== null)
}

/** Pictographs that start or continue an emoji sequence (a superset of Extended_Pictographic's blocks). */
function isPictographic(cp: number): boolean {
  return (
    cp === 0x00a9 ||
    cp === 0x00ae ||
    cp === 0x203c ||
    cp === 0x2049 ||
    cp === 0x2122 ||
    cp === 0x2139 ||
    between(cp, 0x2190, 0x21ff) ||
    between(cp, 0x2300, 0x23ff) ||
    cp === 0x24c2 ||
    between(cp, 0x25a0, 0x27bf) ||
    between(cp, 0x2900, 0x297f) ||
    between(cp, 0x2b00, 0x2bff) ||
    cp === 0x3030 ||
    cp === 0x303d ||
    cp === 0x3297 ||
    cp === 0x3299 ||
    (between(cp, 0x1f000, 0x1faff) && !isSkinTone(cp) && !isRegionalIndicator(cp)) ||
    between(cp, 0x1fc00, 0x1fffd)
  )
}

const isSkinTone = (cp: number) => between(cp, 0x1f3fb, 0x1f3ff)
const isRegionalIndicator = (cp: number) => between(cp, 0x1f1e6, 0x1f1ff)
const isVariationSelector = (cp: number) => between(cp, 0xfe00, 0xfe0f) || between(cp, 0xe0100, 0xe01ef)
const isTag = (cp: number) => between(cp, 0xe0020, 0xe007f)
/** Combining marks that extend the character before them (accents, the keycap's enclosing mark). */
const isCombining = (cp: number) => between(cp, 0x0300, 0x036f) || between(cp, 0x1ab0, 0x1aff) || between(cp, 0x1dc0, 0x1dff) || between(cp, 0x20d0, 0x20ff) || between(cp, 0xfe20, 0xfe2f)

/** Controls (C0, DEL, C1) and line/paragraph separators: never part of a name. */
const isControl = (cp: number) => cp <= 0x1f || between(cp, 0x7f, 0x9f) || cp === 0x2028 || cp === 0x2029

/** Unicode's format characters (General_Category Cf): invisible, and able to reorder or hide what follows. */
export function isFormatCharacter(cp: number): boolean {
  return (
    cp === 0x00ad ||
    between(cp, 0x0600, 0x0605) ||
    cp === 0x061c ||
    cp === 0x06dd ||
    cp === 0x070f ||
    cp === 0x0890 ||
    cp === 0x0891 ||
    cp === 0x08e2 ||
    cp === 0x180e ||
    between(cp, 0x200b, 0x200f) ||
    between(cp, 0x202a, 0x202e) ||
    between(cp, 0x2060, 0x2064) ||
    between(cp, 0x2066, 0x206f) ||
    cp === 0xfeff ||
    between(cp, 0xfff9, 0xfffb) ||
    cp === 0x110bd ||
    cp === 0x110cd ||
    between(cp, 0x13430, 0x1343f) ||
    between(cp, 0x1bca0, 0x1bca3) ||
    between(cp, 0x1d173, 0x1d17a) ||
    cp === 0xe0001 ||
    isTag(cp)
  )
}

/** Letters and symbols that render as nothing (Hangul fillers, braille blank, invisible joiners). */
const BLANK_LOOKING = new Set([0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x2800, 0x3164, 0xffa0, 0x1d159])

function isWhitespace(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || cp === 0x1680 || between(cp, 0x2000, 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000
}

/** What a reader sees as a mark on the screen. */
function isVisible(cp: number): boolean {
  return !isWhitespace(cp) && !isControl(cp) && !isFormatCharacter(cp) && !isVariationSelector(cp) && !isCombining(cp) && !BLANK_LOOKING.has(cp)
}

/** Why this (already trimmed) nickname cannot be used, or null when it can. */
export function nicknameProblem(text: string): string | null {
  const cps = codePoints(text)
  if (cps.some((cp) => cp === null)) return NICKNAME_MESSAGES.malformed
  const points = cps as number[]
  for (let i = 0; i < points.length; i++) {
    const cp = points[i]
    if (cp === ZWJ) {
      // Only inside an emoji sequence: after a pictograph (its skin tone or VS16 may come between) and before another.
      const before = previousBase(points, i)
      if (before === null || !isPictographic(before) || !isPictographic(points[i + 1] ?? -1)) return NICKNAME_MESSAGES.invisible
      continue
    }
    if (isTag(cp)) {
      // A subdivision flag: 🏴 followed by tag letters and closed by CANCEL TAG.
      const start = tagSequenceStart(points, i)
      if (start === null) return NICKNAME_MESSAGES.invisible
      let end = i
      while (end < points.length && isTag(points[end]) && points[end] !== CANCEL_TAG) end++
      if (points[end] !== CANCEL_TAG) return NICKNAME_MESSAGES.invisible
      i = end
      continue
    }
    if (isControl(cp) || isFormatCharacter(cp)) return NICKNAME_MESSAGES.invisible
  }
  if (!points.some(isVisible)) return NICKNAME_MESSAGES.blank
  return null
}

/** The code point a ZWJ at i joins onto, skipping the skin tone or variation selector that may follow a pictograph. */
function previousBase(points: number[], i: number): number | null {
  let j = i - 1
  while (j >= 0 && (isVariationSelector(points[j]) || isSkinTone(points[j]))) j--
  return j >= 0 ? points[j] : null
}

/** The black flag 🏴 a run of tags at i belongs to, or null when the tags stand alone. */
function tagSequenceStart(points: number[], i: number): number | null {
  return i > 0 && points[i - 1] === 0x1f3f4 ? i - 1 : null
}

/**
 * Characters as a reader counts them: an emoji sequence (ZWJ-joined, with skin
 * tones, variation selectors, tags or a keycap) is one, a flag's pair of regional
 * indicators is one, an accent belongs to its letter. Counted on the trimmed text.
 */
export function nicknameLength(raw: string): number {
  const points = codePoints(raw.trim())
  let count = 0
  let pendingIndicator = false
  for (let i = 0; i < points.length; i++) {
    const cp = points[i]
    if (cp === null) {
      count++
      pendingIndicator = false
      continue
    }
    const joined = i > 0 && points[i - 1] === ZWJ
    if (cp === ZWJ || joined || isVariationSelector(cp) || isTag(cp) || isCombining(cp) || (isSkinTone(cp) && i > 0)) continue
    if (isRegionalIndicator(cp)) {
      if (pendingIndicator) {
        pendingIndicator = false
        continue
      }
      pendingIndicator = true
    } else {
      pendingIndicator = false
    }
    count++
  }
  return count
}

/** The profile form's and the server's verdict on a raw nickname: null, or the message to show. */
export function nicknameError(raw: string): string | null {
  const text = raw.trim()
  if (text === '') return NICKNAME_MESSAGES.length
  const problem = nicknameProblem(text)
  if (problem) return problem
  const length = nicknameLength(text)
  return length < 1 || length > NICKNAME_MAX ? NICKNAME_MESSAGES.length : null
}
