import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiResult, ErrorCode } from '../../types/result'

export class BodyTooLargeError extends Error {}

/**
 * Reads the body up to `limit` bytes. Past it, the rest is drained (so the
 * keep-alive connection stays usable for the answer) up to a hard cap, beyond
 * which the connection is cut.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit * 8) {
      req.destroy()
      break
    }
    if (size <= limit) chunks.push(chunk as Buffer)
  }
  if (size > limit) throw new BodyTooLargeError()
  return Buffer.concat(chunks)
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const body: ApiResult<never> = { ok: false, error: { code, message } }
  sendJson(res, status, body)
}
