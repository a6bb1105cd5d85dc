import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import { formatFen } from '../../utils/format'
import { progressLine, progressPercent } from '../../services/bargain'
import type { BargainView } from '../../../types/bargain'

// The bargain's poster (砍价海报): drawn on a canvas like the completion
// report's (packages/challenge-report), for saving and posting where a share
// card cannot go: what is bargained, the price now, the progress, 帮我砍一刀.
// WeChat: the page's type="2d" canvas → a temp file → the album. H5: an
// off-screen <canvas> → a data URL, downloaded as a PNG.

const CANVAS_ID = 'bargain-poster-canvas'
const WIDTH = 375
const HEIGHT = 560
const SCALE = 2
const isH5 = process.env.TARO_ENV === 'h5'

/** The poster's colours, read from the token sheet at run time (no colour is written here). */
function tokens(): { danger: string; dangerStrong: string; paper: string; warmPaper: string; text: string; muted: string; track: string } {
  const fallback = { danger: 'red', dangerStrong: 'firebrick', paper: 'white', warmPaper: 'ivory', text: 'black', muted: 'gray', track: 'mistyrose' }
  if (!isH5) return fallback
  const css = getComputedStyle(document.documentElement)
  const read = (name: string, other: string) => css.getPropertyValue(name).trim() || other
  return {
    danger: read('--danger', fallback.danger),
    dangerStrong: read('--danger-strong', fallback.dangerStrong),
    paper: read('--surface', fallback.paper),
    warmPaper: read('--warn-faint', fallback.warmPaper),
    text: read('--text', fallback.text),
    muted: read('--text-3', fallback.muted),
    track: read('--danger-faint', fallback.track)
  }
}

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  if (line) lines.push(line)
  return lines.slice(0, 2)
}

/** A rounded rectangle path (arcTo: WeChat's older canvas has no roundRect). */
function rounded(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

function draw(ctx: CanvasRenderingContext2D, bargain: BargainView): void {
  const c = tokens()
  const font = (size: number, weight = 'normal') => `${weight} ${size}px "PingFang SC", "WenQuanYi Micro Hei", sans-serif`
  ctx.fillStyle = c.danger
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.fillStyle = c.paper
  ctx.font = font(44, 'bold')
  ctx.fillText('帮我砍一刀', 28, 78)
  ctx.font = font(16)
  ctx.fillText(`${bargain.starterNickname || '我'} 正在砍价，好友每人一刀`, 30, 110)
  // The card
  ctx.fillStyle = c.paper
  rounded(ctx, 20, 136, WIDTH - 40, 330, 16)
  ctx.fill()
  ctx.fillStyle = c.text
  ctx.font = font(20, 'bold')
  wrap(ctx, bargain.title, WIDTH - 88).forEach((line, i) => ctx.fillText(line, 44, 180 + i * 28))
  ctx.fillStyle = c.muted
  ctx.font = font(14)
  ctx.fillText(bargain.itemName.slice(0, 22), 44, 240)
  ctx.fillStyle = c.danger
  ctx.font = font(16)
  ctx.fillText('现价', 44, 296)
  ctx.font = font(40, 'bold')
  ctx.fillText(formatFen(bargain.priceFen), 84, 300)
  ctx.fillStyle = c.muted
  ctx.font = font(14)
  ctx.fillText(`原价 ${formatFen(bargain.startFen)} · 底价 ${formatFen(bargain.floorFen)}`, 44, 330)
  // Progress
  ctx.fillStyle = c.track
  rounded(ctx, 44, 352, WIDTH - 88, 14, 7)
  ctx.fill()
  ctx.fillStyle = c.danger
  rounded(ctx, 44, 352, Math.max(14, ((WIDTH - 88) * progressPercent(bargain)) / 100), 14, 7)
  ctx.fill()
  ctx.fillStyle = c.dangerStrong
  ctx.font = font(16, 'bold')
  ctx.fillText(progressLine(bargain), 44, 396)
  ctx.fillStyle = c.muted
  ctx.font = font(13)
  ctx.fillText(`已有 ${bargain.cuts} 位好友帮砍，最多 ${bargain.cutsTotal} 刀到底价`, 44, 428)
  // Footer
  ctx.fillStyle = c.warmPaper
  ctx.font = font(15, 'bold')
  ctx.fillText('打开小程序「我的 → 砍价」，帮我砍一刀', 28, 510)
}

async function render(bargain: BargainView): Promise<string> {
  if (isH5) {
    const canvas = document.createElement('canvas')
    canvas.width = WIDTH * SCALE
    canvas.height = HEIGHT * SCALE
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('无法绘制海报')
    ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0)
    draw(ctx, bargain)
    return canvas.toDataURL('image/png')
  }
  const canvas = await new Promise<{ width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D }>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: { width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D } } | null>) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error('海报画布还没有准备好，请稍后再试'))
      })
  })
  canvas.width = WIDTH * SCALE
  canvas.height = HEIGHT * SCALE
  const ctx = canvas.getContext('2d')
  ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0)
  draw(ctx, bargain)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: WIDTH * SCALE, destHeight: HEIGHT * SCALE })
  return tempFilePath
}

export default function BargainPoster({ bargain }: { bargain: BargainView }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    // After the page has painted: WeChat's canvas node exists only then.
    const timer = setTimeout(() => {
      render(bargain).then(setSrc, (err: unknown) => {
        console.error('[bargain poster]', err)
        setFailed(true)
      })
    }, 50)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawn again when the price moves
  }, [bargain.id, bargain.cuts])

  const save = async () => {
    if (!src) return
    if (isH5) {
      const link = document.createElement('a')
      link.href = src
      link.download = `${bargain.title}-砍价海报.png`
      document.body.appendChild(link)
      link.click()
      link.remove()
      return
    }
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: src })
      void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      void Taro.showToast({ title: '保存失败，请在设置中允许保存到相册', icon: 'none' })
    }
  }

  return (
    <View className='card bg-poster'>
      {isH5 ? null : <Canvas type='2d' id={CANVAS_ID} className='bg-poster-canvas' />}
      {src ? (
        // The poster's own proportions (375 × 560) held by the frame, so it shows whole on every platform.
        <View className='bg-poster-frame'>
          <Image className='bg-poster-image' src={src} mode='aspectFit' showMenuByLongpress />
        </View>
      ) : (
        <Text className='bg-muted'>{failed ? '海报生成失败，请稍后再试' : '海报生成中…'}</Text>
      )}
      <Button className={`btn btn-primary bg-card-action bg-poster-save ${src ? '' : 'btn-disabled'}`} disabled={!src || undefined} onClick={() => void save()}>
        保存海报
      </Button>
    </View>
  )
}
