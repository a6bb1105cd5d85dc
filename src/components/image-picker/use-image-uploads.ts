import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { uploadImage } from '../../services/api'
import { toApiCallError } from '../../services/api-error'

export interface ImageSlot {
  key: string
  /** Local path, shown at once. */
  path: string
  percent: number
  /** Set when uploaded: what the form saves. */
  fileId?: string
  /** The uploaded picture's address (a cover shows it after saving). */
  url?: string
  /** The upload failed, and why (the server's reason when it refused the file). */
  error?: string
  /** A network failure can be retried; a refused file (too large, not an image) must be replaced. */
  retryable?: boolean
}

/** Refusals no retry can change: the member has to pick another picture. */
const REFUSALS = new Set(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'INVALID_INPUT'])

/** What a failed upload says on its tile, and whether trying again can help. */
export function describeUploadError(err: unknown): { error: string; retryable: boolean } {
  const error = toApiCallError(err)
  return { error: error.message, retryable: !REFUSALS.has(error.code) }
}

/**
 * Each picked picture uploads at once with its own progress; a failed one can be
 * retried or removed. With max 1 (a cover) a new pick replaces the old one.
 */
export function useImageUploads(max: number) {
  const [slots, setSlots] = useState<ImageSlot[]>([])
  const seq = useRef(0)

  const update = (key: string, change: Partial<ImageSlot>) => setSlots((all) => all.map((slot) => (slot.key === key ? { ...slot, ...change } : slot)))

  const upload = async (key: string, path: string) => {
    update(key, { percent: 0, error: undefined })
    try {
      const { fileId, url } = await uploadImage(path, (percent) => update(key, { percent }))
      update(key, { percent: 100, fileId, url })
    } catch (err) {
      // A removed slot simply stays removed: update() finds nothing to change.
      update(key, describeUploadError(err))
    }
  }

  const add = (paths: string[]) => {
    const added = paths.map((path) => ({ key: `p${++seq.current}`, path, percent: 0 }))
    setSlots((all) => (max === 1 ? added.slice(-1) : all.concat(added).slice(0, max)))
    for (const slot of max === 1 ? added.slice(-1) : added) void upload(slot.key, slot.path)
  }

  /** The system picker for as many as there is room for (one for a cover, which it replaces). */
  const pick = async () => {
    const room = max === 1 ? 1 : max - slots.length
    if (room <= 0) return
    try {
      const res = await Taro.chooseImage({ count: Math.min(9, room), sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      add(res.tempFilePaths.slice(0, room))
    } catch {
      // Cancelled: nothing to do.
    }
  }

  const retry = (key: string) => {
    const slot = slots.find((s) => s.key === key)
    if (slot) void upload(key, slot.path)
  }

  const remove = (key: string) => setSlots((all) => all.filter((slot) => slot.key !== key))

  return {
    max,
    slots,
    add,
    pick,
    retry,
    remove,
    uploading: slots.some((s) => !s.fileId && !s.error),
    failed: slots.some((s) => Boolean(s.error)),
    fileIds: slots.flatMap((s) => (s.fileId ? [s.fileId] : []))
  }
}

export type ImageUploads = ReturnType<typeof useImageUploads>
