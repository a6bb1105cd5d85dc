import Taro from '@tarojs/taro'
import type { CompletionReport } from '../../../types/completion'
import { POSTER_WIDTH, drawPoster, posterHeight, type PosterImages } from './poster'

// Turning the poster into an image file, per platform. WeChat: the page's
// type="2d" canvas → Taro.canvasToTempFilePath → saveImageToPhotosAlbum (a
// refused album scope leads to the settings). H5: an off-screen <canvas> →
// toDataURL → a download through an <a download> link.

export const POSTER_CANVAS_ID = 'completion-poster-canvas'
/** Pixels per layout px: a 1500 px wide image, sharp on phones. */
const SCALE = 2
const isH5 = process.env.TARO_ENV === 'h5'

export interface RenderedPoster {
  /** A data URL (H5) or a temp file path (WeChat): what <Image> shows and what is saved. */
  src: string
  height: number
}

type ImageLoader = (src: string) => Promise<CanvasImageSource | null>

function loadH5Image(src: string): Promise<CanvasImageSource | null> {
  return new Promise((resolve) => {
    const image = new Image()
    // Photos from cloud storage are cross-origin: asked for with CORS so the canvas stays exportable.
    if (!src.startsWith('data:') && !src.startsWith(location.origin) && /^https?:/.test(src)) image.crossOrigin = 'anonymous'
    const timer = setTimeout(() => resolve(null), 8000)
    image.onload = () => {
      clearTimeout(timer)
      resolve(image)
    }
    image.onerror = () => {
      clearTimeout(timer)
      resolve(null)
    }
    image.src = src
  })
}

interface WeappCanvas {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
  createImage(): { src: string; width: number; height: number; onload: () => void; onerror: () => void }
}

/** WeChat's canvas image: a data URL (the invite's mini-program code) is written to a file first. */
function weappLoader(canvas: WeappCanvas): ImageLoader {
  let written = 0
  return (src) =>
    new Promise((resolve) => {
      let path = src
      const data = /^data:image\/(\w+)(?:\+xml)?;base64,(.*)$/.exec(src)
      if (data) {
        try {
          path = `${Taro.env.USER_DATA_PATH}/completion-poster-${Date.now()}-${written++}.${data[1] === 'jpeg' ? 'jpg' : data[1]}`
          Taro.getFileSystemManager().writeFileSync(path, data[2], 'base64')
        } catch {
          resolve(null)
          return
        }
      }
      const image = canvas.createImage()
      const timer = setTimeout(() => resolve(null), 8000)
      image.onload = () => {
        clearTimeout(timer)
        resolve(image as unknown as CanvasImageSource)
      }
      image.onerror = () => {
        clearTimeout(timer)
        resolve(null)
      }
      image.src = path
    })
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

async function loadImages(report: CompletionReport, load: ImageLoader, withPhotos: boolean, withQr: boolean): Promise<PosterImages> {
  const [before, after, qr] = await Promise.all([
    withPhotos && report.before ? load(report.before.url) : null,
    withPhotos && report.after ? load(report.after.url) : null,
    withQr && report.qrImage ? load(report.qrImage) : null
  ])
  return { before, after, qr }
}

function paint(canvas: { width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D | null }, report: CompletionReport, images: PosterImages): number {
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('无法绘制海报')
  const height = Math.ceil(posterHeight(ctx, report, images))
  canvas.width = POSTER_WIDTH * SCALE
  canvas.height = height * SCALE
  // Resizing resets the context's state.
  ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0)
  drawPoster(ctx, report, images)
  return height
}

/** Draws the report's poster and answers it as an image. */
export async function renderPoster(report: CompletionReport): Promise<RenderedPoster> {
  if (isH5) {
    const canvas = document.createElement('canvas')
    // A picture that refused CORS would taint the canvas (toDataURL throws): drawn again without pictures, then without the code.
    for (const [withPhotos, withQr] of [
      [true, true],
      [false, true],
      [false, false]
    ] as const) {
      const height = paint(canvas, report, await loadImages(report, loadH5Image, withPhotos, withQr))
      try {
        return { src: canvas.toDataURL('image/png'), height }
      } catch {
        // tainted: try with less
      }
    }
    throw new Error('海报生成失败，请稍后再试')
  }
  const canvas = await weappCanvas()
  const height = paint(canvas, report, await loadImages(report, weappLoader(canvas), true, true))
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: POSTER_WIDTH * SCALE, destHeight: height * SCALE })
  return { src: tempFilePath, height }
}

/** H5: the poster downloads as a PNG through an <a download> link. */
export function downloadPoster(poster: RenderedPoster, fileName: string): void {
  const link = document.createElement('a')
  link.href = poster.src
  link.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

export type SaveOutcome = 'saved' | 'denied' | 'cancelled'

/** WeChat: the poster into the phone's album. 'denied' when the album scope was refused (the page then offers the settings). */
export async function savePosterToAlbum(poster: RenderedPoster): Promise<SaveOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: poster.src })
    return 'saved'
  } catch (err) {
    const message = (err as { errMsg?: string } | undefined)?.errMsg ?? String(err)
    if (/auth|authorize|permission|privacy/i.test(message)) return 'denied'
    if (/cancel/i.test(message)) return 'cancelled'
    console.error('[saveImageToPhotosAlbum]', message)
    // eslint-disable-next-line preserve-caught-error -- the member sees the Chinese message; WeChat's errMsg is logged above
    throw new Error('保存失败，请稍后再试')
  }
}

/** After a refusal: WeChat's settings page, where 保存到相册 can be switched on. Answers whether it is on now. */
export async function openAlbumSettings(): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '保存海报需要允许访问你的相册，请在设置中打开「添加到相册」。', confirmText: '去设置', cancelText: '暂不' })
  if (!confirm) return false
  const { authSetting } = await Taro.openSetting()
  return authSetting['scope.writePhotosAlbum'] === true
}
