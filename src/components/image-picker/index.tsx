import { Image, View, Text } from '@tarojs/components'
import ProgressBar from '../progress-bar'
import type { ImageSlot, ImageUploads } from './use-image-uploads'
import './index.css'

export { useImageUploads, describeUploadError, type ImageSlot, type ImageUploads } from './use-image-uploads'

type ImagePickerProps =
  | {
      /** Square tiles with a tile to add more, up to uploads.max. */
      mode: 'grid'
      uploads: ImageUploads
    }
  | {
      /** One wide picture: the saved one (url) until a new one is picked. */
      mode: 'cover'
      uploads: ImageUploads
      url: string
      /** Forget the saved picture (移除). */
      onRemoveSaved: () => void
      placeholder?: string
    }
  | {
      /** A small picture beside its label and state, for forms (a cover, an item image). */
      mode: 'thumb'
      uploads: ImageUploads
      url: string
      label?: string
      shape?: 'wide' | 'square'
      /** What the empty state asks for (点击上传，建议 16:9 横图). */
      emptyHint: string
      /** Said once the new picture is up (封面已上传，保存后生效). */
      doneHint: string
      /** The form refused the field: a red frame. */
      invalid?: boolean
      /** The page's own class on the picture, also a hook for journeys. */
      boxClassName?: string
    }

/**
 * Pictures that upload as soon as they are picked (useImageUploads), with progress;
 * a failure says why on the picture (图片超过 10MB, 只支持 JPG、PNG、WebP…) and offers
 * 点击重试 only when a retry can work.
 */
export default function ImagePicker(props: ImagePickerProps) {
  if (props.mode === 'grid') return <Grid uploads={props.uploads} />
  if (props.mode === 'cover') return <Cover {...props} />
  return <Thumb {...props} />
}

function Grid({ uploads }: { uploads: ImageUploads }) {
  const { slots, max } = uploads
  return (
    <View className='photo-picker'>
      {slots.map((slot) => (
        <View key={slot.key} className='photo-picker-cell'>
          <View className='photo-picker-tile'>
            <Image className='photo-picker-img' src={slot.path} mode='aspectFill' />
            {!slot.fileId && !slot.error ? (
              <View className='photo-picker-veil abs-fill col'>
                <Text className='photo-picker-percent'>{Math.round(slot.percent)}%</Text>
                <View className='photo-picker-bar'>
                  <ProgressBar percent={slot.percent} />
                </View>
              </View>
            ) : null}
            <Failure slot={slot} prefix='photo-picker' onRetry={uploads.retry} />
            {slot.fileId ? <View className='photo-picker-done' /> : null}
            <View className='photo-picker-remove row' onClick={() => uploads.remove(slot.key)}>
              <Text>×</Text>
            </View>
          </View>
        </View>
      ))}
      {slots.length < max ? (
        <View className='photo-picker-cell'>
          <View
            className='photo-picker-tile photo-picker-add col'
            onClick={() => {
              void uploads.pick()
            }}>
            <View className='photo-picker-plus' />
            <Text className='photo-picker-add-text text-faint'>
              {slots.length}/{max}
            </Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}

function Cover({ uploads, url, onRemoveSaved, placeholder = '上传封面（建议 16:9）' }: { uploads: ImageUploads; url: string; onRemoveSaved: () => void; placeholder?: string }) {
  const slot = uploads.slots[0]
  const shown = slot?.path ?? url
  const busy = slot !== undefined && !slot.fileId && !slot.error
  const remove = () => {
    if (slot) uploads.remove(slot.key)
    onRemoveSaved()
  }
  return (
    <View className='cover-picker'>
      <View
        className='cover-picker-box'
        onClick={() => {
          if (!slot?.error) void uploads.pick()
        }}>
        {shown ? (
          <Image className='cover-picker-img' src={shown} mode='aspectFill' />
        ) : (
          <View className='cover-picker-empty col'>
            <View className='cover-picker-plus' />
            <Text className='cover-picker-empty-text text-desc'>{placeholder}</Text>
          </View>
        )}
        {busy ? (
          <View className='cover-picker-veil abs-fill col'>
            <Text className='cover-picker-percent'>上传中 {Math.round(slot.percent)}%</Text>
            <View className='cover-picker-bar'>
              <ProgressBar percent={slot.percent} />
            </View>
          </View>
        ) : null}
        {slot ? <Failure slot={slot} prefix='cover-picker' onRetry={uploads.retry} /> : null}
      </View>
      {shown && !busy ? (
        <View className='cover-picker-actions'>
          <Text
            className='cover-picker-link text-link'
            onClick={() => {
              void uploads.pick()
            }}>
            更换
          </Text>
          <Text className='cover-picker-link text-link cover-picker-remove' onClick={remove}>
            移除
          </Text>
        </View>
      ) : null}
    </View>
  )
}

function Thumb({ uploads, url, label, shape = 'wide', emptyHint, doneHint, invalid, boxClassName }: Extract<ImagePickerProps, { mode: 'thumb' }>) {
  const slot = uploads.slots[0]
  const shown = slot?.path ?? url
  const busy = slot !== undefined && !slot.fileId && !slot.error
  return (
    <View className='image-thumb row'>
      <View
        className={`image-thumb-box row image-thumb-${shape} ${invalid ? 'image-thumb-invalid form-field-invalid' : ''} ${boxClassName ?? ''}`}
        onClick={() => {
          void uploads.pick()
        }}>
        {shown ? <Image className='image-thumb-img' src={shown} mode='aspectFill' /> : <Text className='image-thumb-plus'>＋</Text>}
        {slot?.error ? <View className='image-thumb-failed abs-fill' /> : null}
      </View>
      <View className='image-thumb-status fill-col'>
        {label ? <Text className='image-thumb-label text-body'>{label}</Text> : null}
        {busy ? (
          <View className='image-thumb-progress col'>
            <ProgressBar percent={slot.percent} />
            <Text className='image-thumb-hint text-meta'>上传中 {Math.round(slot.percent)}%</Text>
          </View>
        ) : slot?.error ? (
          <View className='image-thumb-progress col'>
            <Text className='image-thumb-error text-error'>{slot.error}</Text>
            <Text
              className='image-thumb-retry text-accent'
              onClick={() => {
                if (slot.retryable) uploads.retry(slot.key)
                else void uploads.pick()
              }}>
              {slot.retryable ? '点击重试' : '换一张'}
            </Text>
          </View>
        ) : (
          <Text className='image-thumb-hint text-meta'>{slot?.fileId ? doneHint : shown ? '点击图片更换' : emptyHint}</Text>
        )}
      </View>
    </View>
  )
}

/** Why the upload failed, over the picture; a tap retries when that can help. */
function Failure({ slot, prefix, onRetry }: { slot: ImageSlot; prefix: 'photo-picker' | 'cover-picker'; onRetry: (key: string) => void }) {
  if (!slot.error) return null
  return (
    <View
      className={`${prefix}-veil ${prefix}-failed abs-fill col`}
      onClick={(e) => {
        e.stopPropagation()
        if (slot.retryable) onRetry(slot.key)
      }}>
      <Text className={prefix === 'photo-picker' ? 'photo-picker-failed-text' : 'cover-picker-error'}>{slot.error}</Text>
      {slot.retryable ? <Text className={`${prefix}-retry ${prefix === 'photo-picker' ? 'pill-badge' : ''}`}>点击重试</Text> : null}
    </View>
  )
}
