import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { uploadImage } from './upload'
import { showError } from './show-error'

export interface ImageUpload {
  /** Local path shown at once, before the upload finishes. */
  preview: string
  percent: number
  /** Set when the upload is done: the file id the form saves. */
  fileId?: string
}

/** Picks and uploads one picture (a cover, an item image) with progress; a newer pick supersedes an older upload. */
export function useImageUpload() {
  const [upload, setUpload] = useState<ImageUpload | null>(null)
  const latest = useRef(0)

  const pick = async () => {
    let path: string | undefined
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      path = res.tempFilePaths[0]
    } catch {
      return // cancelled
    }
    if (!path) return
    const attempt = ++latest.current
    const isCurrent = () => attempt === latest.current
    const preview = path
    setUpload({ preview, percent: 0 })
    try {
      const { fileId } = await uploadImage(preview, (percent) => {
        if (isCurrent()) setUpload((u) => (u ? { ...u, percent } : u))
      })
      if (isCurrent()) setUpload({ preview, percent: 100, fileId })
    } catch (err) {
      if (!isCurrent()) return
      setUpload(null)
      showError(err)
    }
  }

  const uploading = upload !== null && upload.fileId === undefined
  return { upload, uploading, pick }
}
