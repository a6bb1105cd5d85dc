// Subscribe messages through 云调用 (subscribeMessage.send) with CloudBase's
// built-in credentials: no access_token handling here.
import { NotifyError, type Notifier, type SubscribeMessage } from '../../ports/notifier'
import { callOpenApi, OPENAPI_SUBSCRIBE_SEND, WxOpenApiError, type CompatibleOpenApiTransport } from './wechat-openapi'

// errcodes that will never succeed on retry: the member has not (or no longer) authorised
// this template, a bad openid, or data that does not fit the template; -604101 (the
// function may not call the API) needs a redeploy, not a retry in a minute.
const PERMANENT = new Set([43101, 40003, 40037, 47003, 41030, -604101])

export class WechatNotifier implements Notifier {
  constructor(
    private readonly api: CompatibleOpenApiTransport,
    private readonly templates: Record<string, string>,
    private readonly miniprogramState = 'formal'
  ) {}

  async send(message: SubscribeMessage): Promise<void> {
    const templateId = this.templates[message.template]
    if (!templateId) throw new NotifyError(`no WeChat template id configured for "${message.template}"`, true)
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]))
    try {
      await callOpenApi(this.api, OPENAPI_SUBSCRIBE_SEND, { touser: message.openid, template_id: templateId, page: message.page, data, miniprogram_state: this.miniprogramState, lang: 'zh_CN' })
    } catch (error) {
      if (error instanceof WxOpenApiError) throw new NotifyError(`subscribeMessage.send errcode ${error.errcode}: ${error.message}`, PERMANENT.has(error.errcode))
      throw new NotifyError(`subscribeMessage.send failed: ${(error as Error).message}`, false)
    }
  }
}
