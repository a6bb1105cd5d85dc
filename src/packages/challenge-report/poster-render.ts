import Taro from '@tarojs/taro'
import type { CompletionReport } from '../../../types/completion'
import { POSTER_WIDTH, drawPoster, posterHeight, type PosterImages } from './poster'
import {
  canvasImage,
  downloadPoster as downloadKitPoster,
  h5Canvas,
  isH5,
  openAlbumSettings,
  savePosterToAlbum as saveKitPoster,
  setUpCanvas,
  weappCanvas,
  type PosterCanvas,
  type SaveOutcome,
  type WeappCanvas
} from '../../components/play-poster/render'

// Turning the poster into an image file, per platform, with the play-poster kit. WeChat: the page's
// type="2d" canvas → Taro.canvasToTempFilePath → saveImageToPhotosAlbum (a
// refused album scope leads to the settings). H5: an off-screen <canvas> →
// toDataURL → a download through an <a download> link.

export const POSTER_CANVAS_ID = 'completion-poster-canvas'

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

async function loadImages(report: CompletionReport, load: ImageLoader, withPhotos: boolean, withQr: boolean): Promise<PosterImages> {
  const [before, after, qr] = await Promise.all([
    withPhotos && report.before ? load(report.before.url) : null,
    withPhotos && report.after ? load(report.after.url) : null,
    withQr && report.qrImage ? load(report.qrImage) : null
  ])
  return { before, after, qr }
}

function paint(canvas: PosterCanvas, report: CompletionReport, images: PosterImages): number {
  // Measured first with the context's fonts; the canvas is sized before drawing.
  const height = Math.ceil(posterHeight(setUpCanvas(canvas, POSTER_WIDTH, 1), report, images))
  drawPoster(setUpCanvas(canvas, POSTER_WIDTH, height), report, images)
  return height
}

/** Draws the report's poster and answers it as an image. */
export async function renderPoster(report: CompletionReport): Promise<RenderedPoster> {
  if (isH5) {
    const canvas = h5Canvas()
    // A picture that refused CORS would taint the canvas (toDataURL throws): drawn again without pictures, then without the code.
    for (const [withPhotos, withQr] of [
      [true, true],
      [false, true],
      [false, false]
    ] as const) {
      const height = paint(canvas, report, await loadImages(report, loadH5Image, withPhotos, withQr))
      try {
        return { src: await canvasImage(canvas, POSTER_WIDTH, height), height }
      } catch {
        // tainted: try with less
      }
    }
    throw new Error('海报生成失败，请稍后再试')
  }
  const canvas = await weappCanvas(POSTER_CANVAS_ID)
  const height = paint(canvas, report, await loadImages(report, weappLoader(canvas), true, true))
  return { src: await canvasImage(canvas, POSTER_WIDTH, height), height }
}

/** H5: the poster downloads as a PNG through an <a download> link. */
export function downloadPoster(poster: RenderedPoster, fileName: string): void {
  downloadKitPoster(poster.src, fileName)
}

/** WeChat: the poster into the phone's album. 'denied' when the album scope was refused (the page then offers the settings). */
export function savePosterToAlbum(poster: RenderedPoster): Promise<SaveOutcome> {
  return saveKitPoster(poster.src)
}

export { openAlbumSettings }
