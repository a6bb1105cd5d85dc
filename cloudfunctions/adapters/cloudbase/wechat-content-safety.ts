// WeChat content security through 云调用: msgSecCheck v2 for text (synchronous),
// mediaCheckAsync v2 for images (the verdict arrives by message push, handled by
// the mediaCheck function). A failure to check (outage, -604101, timeout) throws:
// the call sites hold the post for review (see domain/checkin/post-checkin.ts).
import type { ContentSafety, ImageVerdict, TextVerdict } from '../../ports/content-safety'
import { callOpenApi, OPENAPI_MEDIA_CHECK_ASYNC, OPENAPI_MSG_SEC_CHECK, type CompatibleOpenApiTransport } from './wechat-openapi'

export class WechatContentSafety implements ContentSafety {
  constructor(
    private readonly api: CompatibleOpenApiTransport,
    private readonly tempUrl: (fileIds: string[]) => Promise<string[]>
  ) {}

  async checkText(text: string, openid: string): Promise<TextVerdict> {
    if (!text.trim()) return { ok: true }
    const res = await callOpenApi(this.api, OPENAPI_MSG_SEC_CHECK, { content: text, version: 2, scene: 3, openid })
    if (res.kind !== 'json') throw new Error('msgSecCheck answered a non-JSON body')
    // suggest: pass | review | risky. Review is let through here; hosts moderate reports.
    return res.data.result?.suggest === 'risky' ? { ok: false, reason: '内容未通过安全检测' } : { ok: true }
  }

  async checkImages(fileIds: string[], openid: string): Promise<ImageVerdict> {
    if (fileIds.length === 0) return { status: 'pass' }
    const urls = await this.tempUrl(fileIds)
    const traces: Array<{ fileId: string; traceId: string }> = []
    for (const [i, fileId] of fileIds.entries()) {
      const res = await callOpenApi(this.api, OPENAPI_MEDIA_CHECK_ASYNC, { media_url: urls[i], media_type: 2, version: 2, scene: 3, openid })
      const traceId = res.kind === 'json' ? res.data.trace_id : undefined
      if (typeof traceId !== 'string' || !traceId) throw new Error('mediaCheckAsync answered no trace_id')
      traces.push({ fileId, traceId })
    }
    return { status: 'pending', traces }
  }
}
