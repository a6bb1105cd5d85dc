import Taro from '@tarojs/taro'

// A poster drawn to an image, per platform, and saved. WeChat: the page's
// type="2d" canvas (found by id) sized at SCALE pixels per layout px →
// Taro.canvasToTempFilePath → saveImageToPhotosAlbum (a refused
// scope.writePhotosAlbum leads to the settings). H5: an off-screen <canvas> →
// toDataURL → a download through an <a download> link.

/** Pixels per layout px: sharp on phones. */
export const SCALE = 2
export const isH5 = process.env.TARO_ENV === 'h5'

/** A canvas as both platforms give it: an H5 <canvas> or WeChat's type="2d" node. */
export interface PosterCanvas {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D | null
}

export interface WeappCanvas extends PosterCanvas {
  getContext(kind: '2d'): CanvasRenderingContext2D
  createImage(): { src: string; width: number; height: number; onload: () => void; onerror: () => void }
}

/** WeChat's <Canvas type='2d' id={canvasId}> node; it exists only after the page has painted. */
export function weappCanvas(canvasId: string): Promise<WeappCanvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: WeappCanvas } | null>) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error('海报画布还没有准备好，请稍后再试'))
      })
  })
}

/** H5: an off-screen canvas. */
export function h5Canvas(): PosterCanvas {
  return document.createElement('canvas')
}

/**
 * Sizes the canvas for a `width` × `height` layout at SCALE and draws (resizing resets the
 * context, so the transform is set after). Answers the context.
 */
export function setUpCanvas(canvas: PosterCanvas, width: number, height: number): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('无法绘制海报')
  canvas.width = Math.ceil(width * SCALE)
  canvas.height = Math.ceil(height * SCALE)
  ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0)
  return ctx
}

/** The drawn canvas as an image: a data URL (H5) or a temp file path (WeChat). */
export async function canvasImage(canvas: PosterCanvas, width: number, height: number): Promise<string> {
  if (isH5) return (canvas as HTMLCanvasElement).toDataURL('image/png')
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: Math.ceil(width * SCALE), destHeight: Math.ceil(height * SCALE) })
  return tempFilePath
}

/** A fixed-size poster drawn and answered as an image (the plays' posters). */
export async function renderPoster(canvasId: string, width: number, height: number, draw: (ctx: CanvasRenderingContext2D) => void): Promise<string> {
  const canvas = isH5 ? h5Canvas() : await weappCanvas(canvasId)
  draw(setUpCanvas(canvas, width, height))
  return canvasImage(canvas, width, height)
}

/** H5: the poster downloads as a PNG through an <a download> link. */
export function downloadPoster(src: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = src
  link.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

export type SaveOutcome = 'saved' | 'denied' | 'cancelled'

/** WeChat: the poster into the phone's album. 'denied' when the album scope was refused (then offer the settings). */
export async function savePosterToAlbum(src: string): Promise<SaveOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src })
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

/** After a refusal: WeChat's settings page, where 添加到相册 can be switched on. Answers whether it is on now. */
export async function openAlbumSettings(): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '保存海报需要允许访问你的相册，请在设置中打开「添加到相册」。', confirmText: '去设置', cancelText: '暂不' })
  if (!confirm) return false
  const { authSetting } = await Taro.openSetting()
  return authSetting['scope.writePhotosAlbum'] === true
}

/** The whole save: H5 downloads; WeChat saves to the album, a refusal leads to the settings and one more try. Toasts the outcome. */
export async function savePoster(src: string, fileName: string): Promise<void> {
  if (isH5) {
    downloadPoster(src, fileName)
    return
  }
  try {
    let outcome = await savePosterToAlbum(src)
    if (outcome === 'denied' && (await openAlbumSettings())) outcome = await savePosterToAlbum(src)
    if (outcome === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' })
  } catch (err) {
    void Taro.showToast({ title: err instanceof Error ? err.message : '保存失败，请稍后再试', icon: 'none' })
  }
}
