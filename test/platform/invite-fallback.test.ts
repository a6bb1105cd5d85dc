// 我的邀请 when WeChat cannot make the mini-program code (a -604101, an outage):
// the page still loads, with the text code and no QR image.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import type { MiniCodes } from '../../cloudfunctions/ports/mini-codes'
import { WxOpenApiError } from '../../cloudfunctions/adapters/cloudbase/wechat-openapi'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

test('a failed wxacode.getUnlimited leaves the invite info whole, with an empty qrImage', async () => {
  const failing: MiniCodes = {
    shareUrl: (code) => `pages/feed/index?invite=${code}`,
    inviteImage: async () => {
      throw new WxOpenApiError('wxacode.getUnlimited', -604101, 'system error')
    }
  }
  Object.assign(runtime, { miniCodes: failing })
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
  const info = ok(await call('leaderboard', 'myInvite', {}, 'o_a'))
  quiet.mockRestore()
  expect(info.qrImage).toBe('')
  expect(info.code).toMatch(/^[A-Za-z0-9]{6}$/)
  expect(info.shareUrl).toBe(`pages/feed/index?invite=${info.code}`)
})
