import { formatFen } from '../../utils/format'
import { colors } from '../../styles/tokens'

// Drawing helpers for the canvas posters (the growth plays' and the completion
// poster): fonts, wrapped text, rounded cards, pictures, progress bars and the
// plays' shared layout (a heading on the play's colour, a white card with what
// is sold and its price, a footer). A canvas cannot read CSS variables, so the
// colours come from src/styles/tokens.ts.

export type Ctx = CanvasRenderingContext2D

const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
export const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT}`

/** Lines of at most `width` px, at most `max` lines (the last ends in … when cut). */
export function wrap(ctx: Ctx, text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text.replace(/\s+/g, ' ').trim())) {
    const next = line + ch
    if (ctx.measureText(next).width > width && line) {
      if (lines.length === max - 1) return [...lines, `${line.slice(0, -1)}…`]
      lines.push(line)
      line = ch
    } else line = next
  }
  return line ? [...lines, line] : lines
}

/** A line of words in one colour and size (the canvas keeps its alignment and baseline). */
export function textLine(ctx: Ctx, text: string, x: number, y: number, color: string, size: number, bold = false): void {
  ctx.fillStyle = color
  ctx.font = font(size, bold)
  ctx.fillText(text, x, y)
}

/** A centred poster's ground: a two-colour gradient over the whole canvas (top to bottom, or corner to corner); text centred on it. */
export function gradientGround(ctx: Ctx, width: number, height: number, from: string, to: string, diagonal = false): void {
  const bg = ctx.createLinearGradient(0, 0, diagonal ? width : 0, height)
  bg.addColorStop(0, from)
  bg.addColorStop(1, to)
  ctx.fillStyle = bg
  ctx.fillRect(0, 0, width, height)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
}

/** A rounded rectangle path (arcTo: WeChat's older canvas has no roundRect). */
export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/** A filled rounded card. */
export function fillCard(ctx: Ctx, x: number, y: number, w: number, h: number, r: number, fill: string): void {
  ctx.fillStyle = fill
  roundRect(ctx, x, y, w, h, r)
  ctx.fill()
}

/** An image cropped to fill the box (as mode='aspectFill'), with rounded corners. */
export function drawCover(ctx: Ctx, image: CanvasImageSource, x: number, y: number, w: number, h: number, r = 16): void {
  const source = image as { width: number; height: number }
  const sw = source.width || w
  const sh = source.height || h
  const scale = Math.max(w / sw, h / sh)
  const cw = w / scale
  const ch = h / scale
  ctx.save()
  roundRect(ctx, x, y, w, h, r)
  ctx.clip()
  ctx.drawImage(image, (sw - cw) / 2, (sh - ch) / 2, cw, ch, x, y, w, h)
  ctx.restore()
}

/** A progress bar: the track, then the filled part (at least a round end). */
export function progressBar(ctx: Ctx, x: number, y: number, w: number, percent: number, h = 14): void {
  fillCard(ctx, x, y, w, h, h / 2, colors.dangerFaint)
  fillCard(ctx, x, y, Math.max(h, (w * Math.min(100, Math.max(0, percent))) / 100), h, h / 2, colors.danger)
}

/** A label then the price in ¥ (fen), on one baseline. */
export function drawPrice(ctx: Ctx, label: string, fen: number, x: number, y: number, color: string = colors.danger): void {
  ctx.fillStyle = color
  ctx.font = font(16)
  ctx.fillText(label, x, y - 4)
  const after = x + ctx.measureText(label).width + 8
  ctx.font = font(40, true)
  ctx.fillText(formatFen(fen), after, y)
}

/** The plays' posters: 375 × 560 layout px. */
export const PLAY_POSTER = { width: 375, height: 560 } as const
/** Where a play's own part goes in the card (between the price line and the card's bottom). */
export const PLAY_BODY = { x: 44, width: PLAY_POSTER.width - 88, top: 320, bottom: 450 } as const

export interface PlayPosterFrame {
  /** Big words on the play's colour: 帮我砍一刀, 3 人拼团, 限时秒杀. */
  heading: string
  /** The line under it: who invites and why. */
  subline: string
  /** What is on sale (two lines at most). */
  title: string
  /** The plan's, seat's or item's own name. */
  itemName?: string
  /** The price line: 现价 ¥9.90; left out when null. */
  price: { label: string; fen: number } | null
  /** How to find it: 打开小程序 → 我的 → 砍价 … */
  footer: string
  /** The background; the plays' red by default. */
  background?: string
}

/** The frame every play's poster shares; the play draws its own part inside PLAY_BODY afterwards. */
export function drawPlayFrame(ctx: Ctx, frame: PlayPosterFrame): void {
  const { width, height } = PLAY_POSTER
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = frame.background ?? colors.danger
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = colors.surface
  ctx.font = font(44, true)
  ctx.fillText(frame.heading, 28, 78)
  ctx.font = font(16)
  ctx.fillText(wrap(ctx, frame.subline, width - 56, 1)[0] ?? '', 30, 110)
  fillCard(ctx, 20, 136, width - 40, 330, 16, colors.surface)
  ctx.fillStyle = colors.text
  ctx.font = font(20, true)
  wrap(ctx, frame.title, width - 88, 2).forEach((line, i) => ctx.fillText(line, 44, 180 + i * 28))
  if (frame.itemName) {
    ctx.fillStyle = colors.text3
    ctx.font = font(14)
    ctx.fillText(wrap(ctx, frame.itemName, width - 88, 1)[0] ?? '', 44, 240)
  }
  if (frame.price) drawPrice(ctx, frame.price.label, frame.price.fen, 44, 300)
  ctx.fillStyle = colors.warnFaint
  ctx.font = font(15, true)
  ctx.fillText(wrap(ctx, frame.footer, width - 56, 1)[0] ?? '', 28, 510)
}

/** A muted line inside the card (原价 …, 已有 N 位好友 …). */
export function mutedLine(ctx: Ctx, text: string, x: number, y: number, size = 14): void {
  textLine(ctx, text, x, y, colors.text3, size)
}

/** A strong line in the play's deep red (the progress words). */
export function strongLine(ctx: Ctx, text: string, x: number, y: number, size = 16): void {
  textLine(ctx, text, x, y, colors.dangerStrong, size, true)
}
