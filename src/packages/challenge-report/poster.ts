import type { CompletionReport } from '../../../types/completion'
import { colors } from '../../styles/tokens'
import { drawCover, font, gradientGround, roundRect, textLine, wrap, type Ctx } from '../../components/play-poster/draw'

// The completion poster, drawn on a 2D canvas (WeChat's type="2d" canvas or an
// H5 <canvas>; both speak the same CanvasRenderingContext2D): a certificate
// (who completed what, in how many days), the calendar of days done, the
// member's before/after photos, a testimonial (the host's 点评 or the member's
// own words) and the invitation (QR or mini-program code and invite code, as
// the invite poster shows them). Layout in px at a 750 width.

export const POSTER_WIDTH = 750

/** The images the poster shows, already loaded (null: left out). */
export interface PosterImages {
  before: CanvasImageSource | null
  after: CanvasImageSource | null
  qr: CanvasImageSource | null
}

const CARD_X = 40
const CARD_W = POSTER_WIDTH - CARD_X * 2
const INNER_X = CARD_X + 40
const INNER_W = CARD_W - 80

/** Cells of the day grid: size and columns for the challenge's length. */
function gridOf(days: number): { cols: number; cell: number; gap: number; rows: number } {
  const cols = days <= 7 ? days : days <= 42 ? 7 : Math.ceil(Math.sqrt(days * 1.6))
  const gap = days <= 42 ? 10 : 4
  const cell = Math.min(64, Math.floor((INNER_W - gap * (cols - 1)) / cols))
  return { cols, cell, gap, rows: Math.ceil(days / cols) }
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const at = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000)
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`
}

const dots = (date: string) => date.replace(/-/g, '.')

/** The testimonial: the host's latest 点评 with words, else the member's own. */
export function testimonialOf(report: CompletionReport): { text: string; by: string } | null {
  const review = report.reviews.find((r) => r.comment)
  if (review) return { text: review.comment, by: `主理人点评${review.grade ? ` · ${review.grade}` : ''}` }
  if (report.quote) return { text: report.quote, by: `${report.member.nickname}的打卡感言` }
  return null
}

/** The poster's height for this report (measured with the context's fonts; the canvas is sized before drawing). */
export function posterHeight(ctx: Ctx, report: CompletionReport, images: PosterImages): number {
  return posterBody(ctx, report, images, false)
}

/** Draws the poster; answers its height. */
export function drawPoster(ctx: Ctx, report: CompletionReport, images: PosterImages): number {
  return posterBody(ctx, report, images, true)
}

/** One pass that measures or draws, so the height and the drawing never disagree. */
function posterBody(ctx: Ctx, report: CompletionReport, images: PosterImages, draw: boolean): number {
  const grid = gridOf(report.days)
  const photos = [
    images.before && report.before ? { image: images.before, label: `第 ${report.before.dayNumber || 1} 天` } : null,
    images.after && report.after ? { image: images.after, label: `第 ${report.after.dayNumber || report.daysDone} 天` } : null
  ].filter((p): p is { image: CanvasImageSource; label: string } => p !== null)
  const testimonial = testimonialOf(report)

  // Heights first (the background needs the total).
  const HEAD = 200
  const gridH = grid.rows * grid.cell + (grid.rows - 1) * grid.gap
  let y = HEAD + 60 // card content starts
  const nameY = y
  y += 56
  const titleY = y
  y += 100
  const statsY = y
  y += 130
  const gridY = y
  y += gridH + 50
  const photosY = y
  const photoSize = photos.length === 2 ? (INNER_W - 30) / 2 : 300
  if (photos.length > 0) y += photoSize + 60
  const quoteY = y
  let quoteLines: string[] = []
  if (testimonial) {
    ctx.font = font(28)
    quoteLines = wrap(ctx, `“${testimonial.text}”`, INNER_W - 48, 4)
  }
  const quoteH = testimonial ? 48 + quoteLines.length * 42 + 44 : 0
  if (testimonial) y += quoteH + 40
  const inviteY = y
  y += 220
  const cardBottom = y
  const height = cardBottom + 50
  if (!draw) return height

  // Background: brand gradient with the certificate's heading.
  gradientGround(ctx, POSTER_WIDTH, height, colors.brand, colors.brandStrong)
  textLine(ctx, report.communityName, POSTER_WIDTH / 2, 70, colors.brandPale, 26)
  textLine(ctx, '挑 战 完 成 证 书', POSTER_WIDTH / 2, 150, colors.surface, 60, true)

  // The card.
  ctx.fillStyle = colors.surface
  roundRect(ctx, CARD_X, HEAD, CARD_W, cardBottom - HEAD, 32)
  ctx.fill()
  ctx.strokeStyle = colors.gold
  ctx.lineWidth = 3
  roundRect(ctx, CARD_X + 14, HEAD + 14, CARD_W - 28, cardBottom - HEAD - 28, 24)
  ctx.stroke()

  textLine(ctx, report.member.nickname, POSTER_WIDTH / 2, nameY + 20, colors.text, 40, true)
  ctx.fillStyle = colors.text2
  ctx.font = font(30)
  const title = wrap(ctx, `完成了「${report.challengeTitle}」`, INNER_W, 1)[0] ?? ''
  ctx.fillText(title, POSTER_WIDTH / 2, titleY + 26)
  textLine(ctx, `${dots(report.startDate)} – ${dots(report.endDate)} · 共 ${report.days} 天`, POSTER_WIDTH / 2, titleY + 68, colors.text3, 24)

  // The numbers.
  const stats: Array<[string, string]> = [
    [String(report.daysDone), '打卡天数'],
    [String(report.longestStreak), '最长连续'],
    [String(report.makeupDays), '补卡天数']
  ]
  stats.forEach(([value, label], i) => {
    const x = INNER_X + (INNER_W / 3) * (i + 0.5)
    textLine(ctx, value, x, statsY + 50, colors.brand, 56, true)
    textLine(ctx, label, x, statsY + 90, colors.text3, 24)
  })

  // The days: done, made up (补), missed.
  const done = new Map(report.doneDays.map((d) => [d.date, d.makeup]))
  const gridW = grid.cols * grid.cell + (grid.cols - 1) * grid.gap
  const gridX = (POSTER_WIDTH - gridW) / 2
  for (let i = 0; i < report.days; i++) {
    const date = addDays(report.startDate, i)
    const x = gridX + (i % grid.cols) * (grid.cell + grid.gap)
    const cy = gridY + Math.floor(i / grid.cols) * (grid.cell + grid.gap)
    const makeup = done.get(date)
    ctx.fillStyle = makeup === undefined ? colors.border2 : makeup ? colors.orange : colors.brand
    roundRect(ctx, x, cy, grid.cell, grid.cell, Math.min(12, grid.cell / 4))
    ctx.fill()
    if (grid.cell >= 40) {
      textLine(ctx, makeup ? '补' : String(Number(date.slice(8))), x + grid.cell / 2, cy + grid.cell * 0.62, makeup === undefined ? colors.text4 : colors.surface, Math.round(grid.cell * 0.36), true)
    }
  }

  // Before and after.
  if (photos.length > 0) {
    const rowW = photos.length * photoSize + (photos.length - 1) * 30
    photos.forEach((photo, i) => {
      const x = (POSTER_WIDTH - rowW) / 2 + i * (photoSize + 30)
      drawCover(ctx, photo.image, x, photosY, photoSize, photoSize)
      textLine(ctx, photos.length === 2 ? `${i === 0 ? '开始' : '完成'} · ${photo.label}` : photo.label, x + photoSize / 2, photosY + photoSize + 38, colors.text2, 24)
    })
  }

  // The testimonial.
  if (testimonial) {
    ctx.fillStyle = colors.brandFaint
    roundRect(ctx, INNER_X, quoteY, INNER_W, quoteH, 20)
    ctx.fill()
    ctx.textAlign = 'left'
    ctx.fillStyle = colors.text
    ctx.font = font(28)
    quoteLines.forEach((line, i) => ctx.fillText(line, INNER_X + 24, quoteY + 56 + i * 42))
    ctx.textAlign = 'right'
    textLine(ctx, `—— ${testimonial.by}`, INNER_X + INNER_W - 24, quoteY + quoteH - 22, colors.text3, 22)
    ctx.textAlign = 'center'
  }

  // The invitation: the code to scan and the invite code to type.
  ctx.strokeStyle = colors.border2
  ctx.lineWidth = 2
  ctx.setLineDash([10, 8])
  ctx.beginPath()
  ctx.moveTo(INNER_X, inviteY)
  ctx.lineTo(INNER_X + INNER_W, inviteY)
  ctx.stroke()
  ctx.setLineDash([])
  const qrSize = 160
  const qrX = INNER_X
  const qrY = inviteY + 30
  if (images.qr) {
    ctx.fillStyle = colors.surface
    ctx.fillRect(qrX, qrY, qrSize, qrSize)
    ctx.drawImage(images.qr, qrX, qrY, qrSize, qrSize)
  }
  const textX = images.qr ? qrX + qrSize + 32 : INNER_X
  ctx.textAlign = 'left'
  ctx.fillStyle = colors.text
  ctx.font = font(30, true)
  ctx.fillText(wrap(ctx, `加入${report.communityName}`, INNER_W - (textX - INNER_X), 1)[0] ?? '', textX, qrY + 44)
  textLine(ctx, images.qr ? '扫码和我一起打卡挑战' : '打开小程序，输入邀请码加入', textX, qrY + 86, colors.text2, 24)
  textLine(ctx, `邀请码 ${report.inviteCode}`, textX, qrY + 134, colors.warnStrong, 26, true)
  ctx.textAlign = 'center'
  return height
}
