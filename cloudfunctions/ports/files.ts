// Member-uploaded files (avatars now, check-in photos next). Locally the dev host
// stores them on disk; in WeChat the app uploads to CloudBase storage itself.
import type { UploadedDocument, UploadedFile } from '../../types/files'

export type ImageType = UploadedFile['contentType']
/** Documents members may download from a circle post (sniffed by bytes). */
export type DocumentType = UploadedDocument['contentType']

export interface Files {
  /** Keeps the bytes and records who uploaded them (local adapter; CloudBase uploads go client → storage). */
  save(ownerOpenid: string, bytes: Buffer, contentType: ImageType): Promise<UploadedFile>
  /** Whether this member may attach this file id to their own content. */
  isUsableBy(fileId: string, openid: string): Promise<boolean>
  /** Whether this member may attach all these file ids (one lookup for a whole check-in's photos). */
  allUsableBy(fileIds: string[], openid: string): Promise<boolean>
  /** A URL the app can display. */
  urlFor(fileId: string): string
  /** A stored file's bytes (the photo integrity job hashes them), or null when it is gone. CloudBase: downloadFile (a temporary link, then the bytes). */
  read(fileId: string): Promise<Buffer | null>
  /** Keeps a finished export (a CSV the host downloads) under exports/; answers its file id. Writing the same name again replaces it. */
  saveExport(name: string, bytes: Buffer): Promise<string>
  /** Links to download export files, in the order asked ('' for a file that is gone). CloudBase: temporary URLs (getTempFileURL), one request for all. */
  downloadUrls(fileIds: string[]): Promise<string[]>
  /** Keeps a document (a PDF for a circle post) the dev host received; its type was sniffed from the bytes. */
  saveDocument(ownerOpenid: string, bytes: Buffer, contentType: DocumentType, name: string): Promise<UploadedDocument>
  /**
   * The documents this member uploaded (in the order asked; one lookup locally), as its bytes say: type and size; null when it is not theirs,
   * not a document we accept, or over MAX_DOCUMENT_BYTES. CloudBase: reads the file's bytes once.
   */
  documentsInfo(fileIds: string[], openid: string): Promise<Array<{ contentType: DocumentType; size: number } | null>>
}

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/** Recognises a document by its first bytes (PDF: `%PDF-`), never by its name. */
export function sniffDocumentType(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf'
  return null
}

/** Recognises an image by its first bytes, never by its name. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}
