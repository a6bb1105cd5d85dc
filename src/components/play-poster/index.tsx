import { useEffect, useState } from 'react'
import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import { isH5, renderPoster, savePoster } from './render'
import './index.css'

export * from './draw'
export * from './render'

interface PlayPosterProps {
  /** The WeChat canvas's id (unique on the page). */
  canvasId: string
  /** Layout px (the image is drawn at SCALE). */
  width: number
  height: number
  draw: (ctx: CanvasRenderingContext2D) => void
  /** Saved as `${fileName}.png`. */
  fileName: string
  /** Drawn again when one of these changes. */
  redrawOn: ReadonlyArray<string | number | boolean | null | undefined>
  /** The play's own class prefix (bg-poster …): adds `${prefix}`, `-image`, `-save` for its styles and tests. */
  prefix?: string
  /** Shows 收起 beside 保存海报. */
  onClose?: () => void
}

/** A play's poster card: drawn on a canvas, shown as an image (long-press to share in WeChat), with 保存海报. */
export default function PlayPoster({ canvasId, width, height, draw, fileName, redrawOn, prefix, onClose }: PlayPosterProps) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const cls = (part: string) => `play-poster${part}${prefix ? ` ${prefix}${part}` : ''}`
  useEffect(() => {
    setFailed(false)
    // After the page has painted: WeChat's canvas node exists only then.
    const timer = setTimeout(() => {
      renderPoster(canvasId, width, height, draw).then(setSrc, (err: unknown) => {
        console.error(`[${canvasId}]`, err)
        setFailed(true)
      })
    }, 50)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what redraws it
  }, redrawOn)

  return (
    <View className={`card ${cls('')}`}>
      {isH5 ? null : <Canvas type='2d' id={canvasId} className='play-poster-canvas' style={{ width: `${width}px`, height: `${height}px` }} />}
      {src ? (
        // The poster's own proportions held by the frame, so it shows whole on every platform.
        <View className='play-poster-frame' style={{ paddingTop: `${((height / width) * 100).toFixed(2)}%` }}>
          <Image className={cls('-image')} src={src} mode='aspectFit' showMenuByLongpress />
        </View>
      ) : (
        <Text className='play-poster-note text-meta'>{failed ? '海报生成失败，请稍后再试' : '海报生成中…'}</Text>
      )}
      <View className='play-poster-actions row'>
        {onClose ? (
          <Button className={`btn btn-ghost ${cls('-close')}`} onClick={onClose}>
            收起
          </Button>
        ) : null}
        <Button className={`btn btn-primary ${cls('-save')} ${src ? '' : 'btn-disabled'}`} disabled={!src || undefined} onClick={() => src && void savePoster(src, fileName)}>
          保存海报
        </Button>
      </View>
    </View>
  )
}
