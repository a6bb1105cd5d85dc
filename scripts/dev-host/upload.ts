// POST /upload: a raw image body or multipart/form-data with a `file` field
// (what Taro.uploadFile sends in H5). The type is decided by the bytes.
import type { IncomingMessage } from 'node:http'
import { MAX_IMAGE_BYTES, sniffImageType } from '../../cloudfunctions/ports/files'
import { AppError } from '../../cloudfunctions/platform/app-error'
import { readBody } from './http-utils'

const MULTIPART_OVERHEAD = 64 * 1024

export async function readUploadedImage(req: IncomingMessage): Promise<{ bytes: Buffer; contentType: NonNullable<ReturnType<typeof sniffImageType>> }> {
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
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '图片不能超过 10 MB')
  const contentType = sniffImageType(bytes)
  if (!contentType) throw new AppError('UNSUPPORTED_MEDIA', '只支持 JPG、PNG、WebP 格式的图片')
  return { bytes, contentType }
}
