// Whether a check-in's text runs past the lines the card shows, worked out from
// the text itself so WeChat and H5 agree without measuring the rendered node
// (a mini-program cannot read a node's scroll height).

/** Lines a card in a list shows before 全文 (index.css .checkin-card-text-clamp). */
export const CLAMP_LINES = 5

/**
 * The text column in em of the card's 30px font: 750 design px less the page's
 * and the card's 32px side padding. Both scale with the screen, so this holds
 * on every phone.
 */
const LINE_EM = (750 - 4 * 32) / 30

/** Chinese, Japanese, Korean, full-width forms and emoji take a whole em; Latin letters, digits and spaces a little over half. */
function widthEm(text: string): number {
  let width = 0
  for (const ch of text) width += ch.codePointAt(0)! < 0x1100 ? 0.6 : 1
  return width
}

/** Lines the text wraps to (the card breaks anywhere: word-break: break-all). */
export function estimatedLines(text: string): number {
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(widthEm(paragraph) / LINE_EM)), 0)
}

export function overflowsClamp(text: string): boolean {
  return estimatedLines(text) > CLAMP_LINES
}
