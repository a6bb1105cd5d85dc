import Taro from '@tarojs/taro'
import type { GiftCardView } from '../../../types/gift'
import { colors } from '../../styles/tokens'
import { formatFen } from '../../utils/format'

// The gift card's poster, drawn on a 2D canvas (WeChat's type="2d" canvas or an
// H5 <canvas>, the same CanvasRenderingContext2D), as the completion poster is
// (packages/challenge-report, copied in small: subpackages share no code): who
// gives what, the words, and how to claim. 750 px wide.

export const POSTER_CANVAS_ID = 'gift-poster-canvas'
const WIDTH = 750
const HEIGHT = 1000
const SCALE = 2
const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT}`

type Ctx = CanvasRenderingContext2D

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/** At most `max` lines of `width` px (the last ends in … when cut). */
function wrap(ctx: Ctx, text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text.trim())) {
    if (ctx.measureText(line + ch).width > width && line) {
      if (lines.length === max - 1) return [...lines, `${line.slice(0, -1)}…`]
      lines.push(line)
      line = ch
    } else line += ch
  }
  return line ? [...lines, line] : lines
}

export function drawGiftPoster(ctx: Ctx, card: GiftCardView): void {
  const bg = ctx.createLinearGradient(0, 0, WIDTH, HEIGHT)
  bg.addColorStop(0, colors.orange)
  bg.addColorStop(1, colors.danger)
  ctx.fillStyle = bg
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = colors.surface
  ctx.font = font(30)
  ctx.fillText(`${card.buyerName || '好友'} 送你一份心意`, WIDTH / 2, 110)
  ctx.font = font(56, true)
  ctx.fillText('会员礼品卡', WIDTH / 2, 190)

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
  ctx.fillStyle = colors.text2
  ctx.font = font(32)
  ctx.fillText(`${card.planName} · ${card.days} 天会员`, WIDTH / 2, y + 370)
  ctx.fillStyle = colors.danger
  ctx.font = font(30, true)
  ctx.fillText(`价值 ${formatFen(card.priceFen)}`, WIDTH / 2, y + 420)
  if (card.message) {
    ctx.fillStyle = colors.text3
    ctx.font = font(28)
    wrap(ctx, `“${card.message}”`, w - 100, 1).forEach((line) => ctx.fillText(line, WIDTH / 2, y + 475))
  }

  ctx.fillStyle = colors.surface
  ctx.font = font(32, true)
  ctx.fillText('先到先得 · 第一位领取的朋友获得会员', WIDTH / 2, 850)
  ctx.font = font(26)
  ctx.fillText('打开小程序里的分享链接即可领取，30 天内有效', WIDTH / 2, 910)
}

interface WeappCanvas {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
}

function weappCanvas(): Promise<WeappCanvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: WeappCanvas } | null>) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error('海报画布还没有准备好，请稍后再试'))
      })
  })
}

function paint(canvas: { width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D | null }, card: GiftCardView): void {
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('无法绘制海报')
  canvas.width = WIDTH * SCALE
  canvas.height = HEIGHT * SCALE
  ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0)
  drawGiftPoster(ctx, card)
}

/** The poster as an image: a data URL (H5) or a temp file (WeChat). */
export async function renderGiftPoster(card: GiftCardView): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas')
    paint(canvas, card)
    return canvas.toDataURL('image/png')
  }
  const canvas = await weappCanvas()
  paint(canvas, card)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: WIDTH * SCALE, destHeight: HEIGHT * SCALE })
  return tempFilePath
}

/** Saves the poster: the album in WeChat (a refused scope leads to the settings), a download in H5. */
export async function saveGiftPoster(src: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = src
    link.download = '会员礼品卡.png'
    link.click()
    return
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src })
    void Taro.showToast({ title: '已保存到相册', icon: 'success' })
  } catch (err) {
    const message = (err as { errMsg?: string } | undefined)?.errMsg ?? ''
    if (message.includes('auth')) void Taro.openSetting()
    else if (!message.includes('cancel')) void Taro.showToast({ title: '保存失败，请稍后再试', icon: 'none' })
  }
}
