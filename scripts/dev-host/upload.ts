// POST /upload: a raw image body or multipart/form-data with a `file` field
// (what Taro.uploadFile sends in H5). The type is decided by the bytes, and the
// whole image must hold together (adapters/local/image-check.ts).
import type { IncomingMessage } from 'node:http'
import { MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES, sniffDocumentType, type DocumentType, type ImageType } from '../../cloudfunctions/ports/files'
import { AppError } from '../../cloudfunctions/platform/app-error'
import { checkImage } from '../../cloudfunctions/adapters/local/image-check'
import { readBody } from './http-utils'

const MULTIPART_OVERHEAD = 64 * 1024

/** What the member reads when a picture is refused; no retry can change these answers. */
export const UPLOAD_MESSAGES = {
  tooLarge: '图片超过 10MB，请压缩后再传',
  unsupported: '只支持 JPG、PNG、WebP 格式的图片',
  damaged: '图片已损坏或不完整，请换一张'
} as const

export async function readUploadedImage(req: IncomingMessage): Promise<{ bytes: Buffer; contentType: ImageType }> {
  const raw = await readBody(req, MAX_IMAGE_BYTES + MULTIPART_OVERHEAD)
  let bytes = raw
  const contentTypeHeader = req.headers['content-type'] ?? ''
  if (contentTypeHeader.startsWith('multipart/form-data')) {
    // Node's own fetch Request parses multipart; no extra dependency needed.
    const form = await new Request('http://local/upload', { method: 'POST', headers: { 'content-type': contentTypeHeader }, body: new Uint8Array(raw) }).formData()
    const file = form.get('file')
    if (!file || typeof file === 'string') throw new AppError('INVALID_INPUT', '没有收到文件', 'file')
    bytes = Buffer.from(await file.arrayBuffer())
  }
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '没有收到文件', 'file')
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge)
  const image = checkImage(bytes)
  if (!image.ok) throw new AppError('UNSUPPORTED_MEDIA', UPLOAD_MESSAGES[image.reason])
  return { bytes, contentType: image.contentType }
}

/** What the member reads when a document is refused. */
export const DOCUMENT_MESSAGES = {
  tooLarge: '文件超过 20MB，请压缩后再传',
  unsupported: '目前只支持 PDF 文件'
} as const

/**
 * POST /upload/document: multipart/form-data with a `file` field (H5's <input type=file>), or a raw
 * body with the name in `x-file-name` (URI-encoded). The type is decided by the bytes (PDF).
 */
export async function readUploadedDocument(req: IncomingMessage): Promise<{ bytes: Buffer; contentType: DocumentType; name: string }> {
  const raw = await readBody(req, MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD)
  let bytes = raw
  let name = ''
  const header = req.headers['x-file-name']
  if (typeof header === 'string') name = safeName(header)
  const contentTypeHeader = req.headers['content-type'] ?? ''
  if (contentTypeHeader.startsWith('multipart/form-data')) {
    const form = await new Request('http://local/upload', { method: 'POST', headers: { 'content-type': contentTypeHeader }, body: new Uint8Array(raw) }).formData()
    const file = form.get('file')
    if (!file || typeof file === 'string') throw new AppError('INVALID_INPUT', '没有收到文件', 'file')
    bytes = Buffer.from(await file.arrayBuffer())
    name = name || file.name
  }
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '没有收到文件', 'file')
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', DOCUMENT_MESSAGES.tooLarge)
  const contentType = sniffDocumentType(bytes)
  if (!contentType) throw new AppError('UNSUPPORTED_MEDIA', DOCUMENT_MESSAGES.unsupported)
  return { bytes, contentType, name: (name || '文件.pdf').slice(0, 80) }
}

function safeName(encoded: string): string {
  try {
    return [...decodeURIComponent(encoded)]
      .filter((c) => c >= ' ' && c !== '/' && c !== '\\')
      .join('')
      .trim()
  } catch {
    return ''
  }
}
