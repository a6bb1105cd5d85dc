// wxacode.getUnlimited through 云调用: the scene carries the invite code (at most
// 32 characters of the allowed set; ours are 6), the page reads it on launch.
// The image comes back as a binary body (CommOpenApiResp.respData, image/jpeg or
// image/png); a refusal comes back as JSON with an errcode and is thrown.
import { INVITE_PAGE, type MiniCodes } from '../../ports/mini-codes'
import { callOpenApi, OPENAPI_WXACODE_UNLIMITED, type CompatibleOpenApiTransport } from './wechat-openapi'

export class WechatMiniCodes implements MiniCodes {
  constructor(
    private readonly api: CompatibleOpenApiTransport,
    private readonly envVersion = 'release'
  ) {}

  shareUrl(code: string): string {
    return `${INVITE_PAGE}?invite=${code}`
  }

  async inviteImage(code: string): Promise<string> {
    const res = await callOpenApi(this.api, OPENAPI_WXACODE_UNLIMITED, { scene: code, page: INVITE_PAGE, check_path: false, env_version: this.envVersion, width: 430 })
    if (res.kind !== 'binary') throw new Error(`wxacode.getUnlimited answered JSON instead of an image: ${JSON.stringify(res.data).slice(0, 200)}`)
    const type = /^image\/[a-z]+$/.test(res.contentType) ? res.contentType : 'image/png'
    return `data:${type};base64,${res.buffer.toString('base64')}`
  }
}
