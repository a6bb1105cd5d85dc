// wxacode.getUnlimited through 云调用: the scene carries the invite code (at most
// 32 characters of the allowed set; ours are 6), the page reads it on launch.
import { INVITE_PAGE, type MiniCodes } from '../../ports/mini-codes'

export interface WxOpenApiBufferCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>
}

export class WechatMiniCodes implements MiniCodes {
  constructor(private readonly api: WxOpenApiBufferCaller, private readonly envVersion = 'release') {}

  shareUrl(code: string): string {
    return `${INVITE_PAGE}?invite=${code}`
  }

  async inviteImage(code: string): Promise<string> {
    const res = await this.api.callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      requestData: { scene: code, page: INVITE_PAGE, check_path: false, env_version: this.envVersion, width: 430 }
    })
    const body = res.result
    if (Buffer.isBuffer(body)) return `data:image/png;base64,${body.toString('base64')}`
    const parsed = typeof body === 'string' ? JSON.parse(body) : body
    throw new Error(`getwxacodeunlimit failed: ${JSON.stringify(parsed).slice(0, 200)}`)
  }
}
