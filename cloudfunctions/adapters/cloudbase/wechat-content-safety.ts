// WeChat content security through 云调用: msgSecCheck v2 for text (synchronous),
// mediaCheckAsync v2 for images (the verdict arrives by message push, handled by
// the mediaCheck function).
import type { ContentSafety, ImageVerdict, TextVerdict } from '../../ports/content-safety'
import type { WxOpenApiCaller } from './wechat-notifier'

function resultOf(res: { result?: unknown }): Record<string, any> {
  return (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) ?? {}
}

export class WechatContentSafety implements ContentSafety {
  constructor(private readonly api: WxOpenApiCaller, private readonly tempUrl: (fileIds: string[]) => Promise<string[]>) {}

  async checkText(text: string, openid: string): Promise<TextVerdict> {
    if (!text.trim()) return { ok: true }
    const result = resultOf(await this.api.callWxOpenApi({
      apiName: '/wxa/msg_sec_check',
      requestData: { content: text, version: 2, scene: 3, openid }
    }))
    if (Number(result.errcode ?? 0) !== 0) throw new Error(`msgSecCheck errcode ${result.errcode}: ${result.errmsg ?? ''}`)
    // suggest: pass | review | risky. Review is let through here; hosts moderate reports.
    return result.result?.suggest === 'risky' ? { ok: false, reason: '内容未通过安全检测' } : { ok: true }
  }

  async checkImages(fileIds: string[], openid: string): Promise<ImageVerdict> {
    if (fileIds.length === 0) return { status: 'pass' }
    const urls = await this.tempUrl(fileIds)
    const traces: Array<{ fileId: string; traceId: string }> = []
    for (const [i, fileId] of fileIds.entries()) {
      const result = resultOf(await this.api.callWxOpenApi({
        apiName: '/wxa/media_check_async',
        requestData: { media_url: urls[i], media_type: 2, version: 2, scene: 3, openid }
      }))
      if (Number(result.errcode ?? 0) !== 0) throw new Error(`mediaCheckAsync errcode ${result.errcode}: ${result.errmsg ?? ''}`)
      traces.push({ fileId, traceId: String(result.trace_id) })
    }
    return { status: 'pending', traces }
  }
}
