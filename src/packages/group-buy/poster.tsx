import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import { formatFen } from '../../utils/format'
import { progressLine } from '../../services/group-buy'
import type { GroupView } from '../../../types/group-buy'

// The group's poster (拼团海报): drawn on a canvas like the completion report's
// (packages/challenge-report), for saving and posting where a share card
// cannot go: what the group buys, the group price, the seats (filled and
// empty), 还差 N 人. WeChat: the page's type="2d" canvas → a temp file → the
// album. H5: an off-screen <canvas> → a data URL, downloaded as a PNG.

const CANVAS_ID = 'group-buy-poster-canvas'
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

function rounded(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

function draw(ctx: CanvasRenderingContext2D, group: GroupView, now: number): void {
  const c = tokens()
  const font = (size: number, weight = 'normal') => `${weight} ${size}px "PingFang SC", "WenQuanYi Micro Hei", sans-serif`
  ctx.fillStyle = c.danger
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.fillStyle = c.paper
  ctx.font = font(44, 'bold')
  ctx.fillText(`${group.size} 人拼团`, 28, 78)
  ctx.font = font(16)
  ctx.fillText(`${group.leaderName || '我'} 邀你一起拼，人满全员开通`, 30, 110)
  ctx.fillStyle = c.paper
  rounded(ctx, 20, 136, WIDTH - 40, 330, 16)
  ctx.fill()
  ctx.fillStyle = c.text
  ctx.font = font(20, 'bold')
  wrap(ctx, group.title, WIDTH - 88).forEach((line, i) => ctx.fillText(line, 44, 180 + i * 28))
  ctx.fillStyle = c.muted
  ctx.font = font(14)
  ctx.fillText(group.itemName.slice(0, 22), 44, 240)
  ctx.fillStyle = c.danger
  ctx.font = font(16)
  ctx.fillText('拼团价', 44, 296)
  ctx.font = font(40, 'bold')
  ctx.fillText(formatFen(group.priceFen), 100, 300)
  if (group.originalFen > group.priceFen) {
    ctx.fillStyle = c.muted
    ctx.font = font(14)
    ctx.fillText(`原价 ${formatFen(group.originalFen)}`, 44, 330)
  }
  // The seats: filled ones in red with the member's initial, empty ones as rings.
  const r = 16
  const gap = Math.min(44, (WIDTH - 88 - 2 * r) / Math.max(1, group.size - 1))
  for (let n = 0; n < group.size; n++) {
    const member = group.members.find((m) => m.n === n && m.paid)
    const x = 44 + r + n * gap
    ctx.beginPath()
    ctx.arc(x, 370, r, 0, Math.PI * 2)
    if (member) {
      ctx.fillStyle = c.danger
      ctx.fill()
      ctx.fillStyle = c.paper
      ctx.font = font(14, 'bold')
      ctx.fillText(Array.from(member.name)[0] ?? '拼', x - 7, 375)
    } else {
      ctx.strokeStyle = c.track
      ctx.lineWidth = 3
      ctx.stroke()
    }
  }
  ctx.fillStyle = c.dangerStrong
  ctx.font = font(16, 'bold')
  ctx.fillText(progressLine(group, now).slice(0, 22), 44, 420)
  ctx.fillStyle = c.warmPaper
  ctx.font = font(15, 'bold')
  ctx.fillText('打开小程序 → 我的 → 拼团，找到这个团参团', 28, 510)
}

async function render(group: GroupView, now: number): Promise<string> {
  if (isH5) {
    const canvas = document.createElement('canvas')
    canvas.width = WIDTH * SCALE
    canvas.height = HEIGHT * SCALE
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('无法绘制海报')
    ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0)
    draw(ctx, group, now)
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
  draw(ctx, group, now)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: WIDTH * SCALE, destHeight: HEIGHT * SCALE })
  return tempFilePath
}

export default function GroupPoster({ group, now }: { group: GroupView; now: number }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    // After the page has painted: WeChat's canvas node exists only then.
    const timer = setTimeout(() => {
      render(group, now).then(setSrc, (err: unknown) => {
        console.error('[group-buy poster]', err)
        setFailed(true)
      })
    }, 50)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawn again when a seat is paid or the group ends
  }, [group.id, group.paidCount, group.phase])

  const save = async () => {
    if (!src) return
    if (isH5) {
      const link = document.createElement('a')
      link.href = src
      link.download = `${group.title}-拼团海报.png`
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
    <View className='card gb-poster'>
      {isH5 ? null : <Canvas type='2d' id={CANVAS_ID} className='gb-poster-canvas' />}
      {src ? <Image className='gb-poster-image' src={src} mode='widthFix' /> : <Text className='gb-muted'>{failed ? '海报生成失败，请稍后再试' : '海报生成中…'}</Text>}
      <Button className={`btn btn-primary gb-card-action gb-poster-save ${src ? '' : 'btn-disabled'}`} disabled={!src || undefined} onClick={() => void save()}>
        保存海报
      </Button>
    </View>
  )
}
