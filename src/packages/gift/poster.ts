import type { GiftCardView } from '../../../types/gift'
import { colors } from '../../styles/tokens'
import { formatFen } from '../../utils/format'
import { font, gradientGround, roundRect, textLine, wrap, type Ctx } from '../../components/play-poster/draw'
import { renderPoster, savePoster } from '../../components/play-poster/render'

// The gift card's poster, drawn with the play-poster kit (the WeChat type="2d"
// canvas or an H5 off-screen <canvas>): who gives what, the words, and how to
// claim. 750 px wide.

export const POSTER_CANVAS_ID = 'gift-poster-canvas'
const WIDTH = 750
const HEIGHT = 1000

export function drawGiftPoster(ctx: Ctx, card: GiftCardView): void {
  gradientGround(ctx, WIDTH, HEIGHT, colors.orange, colors.danger, true)
  textLine(ctx, `${card.buyerName || '好友'} 送你一份心意`, WIDTH / 2, 110, colors.surface, 30)
  textLine(ctx, '会员礼品卡', WIDTH / 2, 190, colors.surface, 56, true)

  // The card: a ribbon across a white card, then what it gives.
  const x = 70
  const y = 250
  const w = WIDTH - 140
  const h = 520
  roundRect(ctx, x, y, w, h, 32)
  ctx.fillStyle = colors.surface
  ctx.fill()
  ctx.fillStyle = colors.danger
  ctx.fillRect(x, y + 150, w, 26)
  ctx.fillRect(WIDTH / 2 - 13, y, 26, 176)
  ctx.beginPath()
  ctx.arc(WIDTH / 2, y + 163, 40, 0, Math.PI * 2)
  ctx.fillStyle = colors.gold
  ctx.fill()
  ctx.fillStyle = colors.text
  ctx.font = font(44, true)
  wrap(ctx, card.circleName, w - 80, 2).forEach((line, i) => ctx.fillText(line, WIDTH / 2, y + 260 + i * 54))
  textLine(ctx, `${card.planName} · ${card.days} 天会员`, WIDTH / 2, y + 370, colors.text2, 32)
  textLine(ctx, `价值 ${formatFen(card.priceFen)}`, WIDTH / 2, y + 420, colors.danger, 30, true)
  if (card.message) {
    ctx.fillStyle = colors.text3
    ctx.font = font(28)
    wrap(ctx, `“${card.message}”`, w - 100, 1).forEach((line) => ctx.fillText(line, WIDTH / 2, y + 475))
  }

  textLine(ctx, '先到先得 · 第一位领取的朋友获得会员', WIDTH / 2, 850, colors.surface, 32, true)
  textLine(ctx, '打开小程序里的分享链接即可领取，30 天内有效', WIDTH / 2, 910, colors.surface, 26)
}

/** The poster as an image: a data URL (H5) or a temp file (WeChat). */
export function renderGiftPoster(card: GiftCardView): Promise<string> {
  return renderPoster(POSTER_CANVAS_ID, WIDTH, HEIGHT, (ctx) => drawGiftPoster(ctx, card))
}

/** Saves the poster: the album in WeChat (a refused scope leads to the settings), a download in H5. */
export function saveGiftPoster(src: string): Promise<void> {
  return savePoster(src, '会员礼品卡')
}
