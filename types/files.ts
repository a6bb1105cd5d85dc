/** What the upload endpoint (dev host) or cloud storage (WeChat) hands back for one file. */
export interface UploadedFile {
  /** Stable id to store in documents: local://<name> locally, cloud://… on CloudBase. */
  fileId: string
  /** URL the app can display right away. */
  url: string
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
  size: number
}

/** A document uploaded for a circle post (PDF), recognised by its bytes. */
export interface UploadedDocument {
  fileId: string
  /** The name the member's file had, shown beside the size. */
  name: string
  url: string
  contentType: 'application/pdf'
  size: number
}
