import { useRef, useState } from 'react'
import { uploadImage } from '../../services/api'
import { showError } from '../../services/show-error'

export interface AvatarUpload {
  /** Local path shown at once, before the upload finishes. */
  preview: string
  percent: number
  /** Set when the upload is done: what updateProfile saves. */
  fileId?: string
}

/** Uploads a chosen image with progress; a newer choice supersedes an older upload. */
export function useAvatarUpload() {
  const [upload, setUpload] = useState<AvatarUpload | null>(null)
  const latest = useRef(0)

  const start = async (filePath: string) => {
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
  return { upload, uploading, start }
}
