import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { uploadImage } from '../../../services/api'
import { showError } from '../../../services/show-error'

export interface CoverUpload {
  /** Local path shown at once, before the upload finishes. */
  preview: string
  percent: number
  /** Set when the upload is done: what the event saves. */
  fileId?: string
}

/** Picks and uploads a cover with progress; a newer pick supersedes an older upload. */
export function useCoverUpload() {
  const [upload, setUpload] = useState<CoverUpload | null>(null)
  const latest = useRef(0)

  const pick = async () => {
    let filePath: string | undefined
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      filePath = res.tempFilePaths[0]
    } catch {
      return // cancelled
    }
    if (!filePath) return
    const attempt = ++latest.current
    const isCurrent = () => attempt === latest.current
    setUpload({ preview: filePath, percent: 0 })
    try {
      const { fileId } = await uploadImage(filePath, (percent) => {
        if (isCurrent()) setUpload((u) => (u ? { ...u, percent } : u))
      })
      if (isCurrent()) setUpload({ preview: filePath, percent: 100, fileId })
    } catch (err) {
      if (!isCurrent()) return
      setUpload(null)
      showError(err)
    }
  }

  const uploading = upload !== null && upload.fileId === undefined
  return { upload, uploading, pick }
}
