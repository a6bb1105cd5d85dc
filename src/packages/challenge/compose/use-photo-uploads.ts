import { useRef, useState } from 'react'
import { uploadImage } from '../../../services/api'
import { toApiCallError } from '../../../services/api-error'

export interface PhotoSlot {
  key: string
  /** Local path, shown at once. */
  path: string
  percent: number
  /** Set when uploaded: what the check-in saves. */
  fileId?: string
  /** The upload failed, and why (the server's reason when it refused the file). */
  error?: string
  /** A network failure can be retried; a refused file (too large, not an image) must be replaced. */
  retryable?: boolean
}

/** Refusals no retry can change: the member has to pick another picture. */
const REFUSALS = new Set(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'INVALID_INPUT'])

/** Each picked photo uploads at once with its own progress; a failed one can be retried or removed. */
export function usePhotoUploads() {
  const [slots, setSlots] = useState<PhotoSlot[]>([])
  const seq = useRef(0)

  const update = (key: string, change: Partial<PhotoSlot>) =>
    setSlots((all) => all.map((slot) => (slot.key === key ? { ...slot, ...change } : slot)))

  const upload = async (key: string, path: string) => {
    update(key, { percent: 0, error: undefined })
    try {
      const { fileId } = await uploadImage(path, (percent) => update(key, { percent }))
      update(key, { percent: 100, fileId })
    } catch (err) {
      // A removed slot simply stays removed: update() finds nothing to change.
      const error = toApiCallError(err)
      update(key, { error: error.message, retryable: !REFUSALS.has(error.code) })
    }
  }

  const add = (paths: string[]) => {
    const added = paths.map((path) => ({ key: `p${++seq.current}`, path, percent: 0 }))
    setSlots((all) => all.concat(added))
    for (const slot of added) void upload(slot.key, slot.path)
  }

  const retry = (key: string) => {
    const slot = slots.find((s) => s.key === key)
    if (slot) void upload(key, slot.path)
  }

  const remove = (key: string) => setSlots((all) => all.filter((slot) => slot.key !== key))

  return {
    slots,
    add,
    retry,
    remove,
    uploading: slots.some((s) => !s.fileId && !s.error),
    failed: slots.some((s) => Boolean(s.error)),
    fileIds: slots.flatMap((s) => (s.fileId ? [s.fileId] : []))
  }
}
