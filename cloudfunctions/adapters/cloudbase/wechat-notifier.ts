// Subscribe messages through WeChat's open API, called from the cloud function
// with CloudBase's built-in credentials (云调用): no access_token handling here.
import { NotifyError, type Notifier, type SubscribeMessage } from '../../ports/notifier'

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: any }>
}

// errcodes that will never succeed on retry: the member has not (or no longer) authorised
// this template, a bad openid, or data that does not fit the template.
const PERMANENT = new Set([43101, 40003, 40037, 47003, 41030])

export class WechatNotifier implements Notifier {
  constructor(private readonly api: WxOpenApiCaller, private readonly templates: Record<string, string>, private readonly miniprogramState = 'formal') {}

  async send(message: SubscribeMessage): Promise<void> {
    const templateId = this.templates[message.template]
    if (!templateId) throw new NotifyError(`no WeChat template id configured for "${message.template}"`, true)
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]))
    const res = await this.api.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: { touser: message.openid, template_id: templateId, page: message.page, data, miniprogram_state: this.miniprogramState, lang: 'zh_CN' }
    })
    const result = typeof res.result === 'string' ? JSON.parse(res.result) : res.result
    const errcode = Number(result?.errcode ?? 0)
    if (errcode !== 0) throw new NotifyError(`subscribeMessage.send errcode ${errcode}: ${result?.errmsg ?? ''}`, PERMANENT.has(errcode))
  }
}
