// 商家转账 (transfer to a member's WeChat balance) through the WeChat Pay v3
// adapter's real request code: requests signed with the merchant key and
// checked by an independent implementation (wechatpay-axios-plugin), answers
// signed with a platform key. The answers are fixtures in the shape WeChat's
// documentation gives for 发起转账 (POST /v3/fund-app/mch-transfer/transfer-bills)
// and 商户单号查询转账单 (GET …/transfer-bills/out-bill-no/{out_bill_no}).
import { generateKeyPairSync } from 'node:crypto'
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import { FrozenClock } from '../../cloudfunctions/ports/clock'
import { TransferRefusedError } from '../../cloudfunctions/ports/payments'
import { WechatPayV3, type HttpRequest, type HttpResponse } from '../../cloudfunctions/adapters/wechatpay/wechatpay-v3'
import { rsaSign, signatureMessage } from '../../cloudfunctions/adapters/wechatpay/v3-crypto'
import { outBillNoFor } from '../../cloudfunctions/domain/deposits/deposit-doc'

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

const merchant = keyPair()
const platform = keyPair()
const NOW = Date.parse('2026-11-30T00:05:00+08:00')
const clock = new FrozenClock(NOW)
const SERIAL = 'PUB_KEY_ID_0112300001092025'
const config = {
  appid: 'wx1234567890abcdef',
  mchid: '1230000109',
  serialNo: 'MERCHANTSERIAL01',
  privateKeyPem: merchant.privatePem,
  apiV3Key: '0123456789abcdef0123456789abcdef',
  platformKeys: { [SERIAL]: platform.publicPem },
  notifyUrl: 'https://example.invalid/pay/notify'
}

function signed(status: number, body: object): HttpResponse {
  const text = JSON.stringify(body)
  const ts = String(Math.floor(NOW / 1000))
  const nonceStr = 'TRANSFERNONCE001'
  return {
    status,
    body: text,
    headers: { 'wechatpay-timestamp': ts, 'wechatpay-nonce': nonceStr, 'wechatpay-serial': SERIAL, 'wechatpay-signature': rsaSign(signatureMessage(ts, nonceStr, text), platform.privatePem) }
  }
}

/** api.mch.weixin.qq.com as far as transfers go: checks the request's signature like WeChat, then answers with the fixture. */
function fakeWechat(answer: (req: HttpRequest) => HttpResponse) {
  const seen: HttpRequest[] = []
  const transport = async (req: HttpRequest) => {
    seen.push(req)
    const auth = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(req.headers.authorization)
    const fields = Object.fromEntries([...(auth?.[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    const path = req.url.replace('https://api.mch.weixin.qq.com', '')
    if (!auth || fields.mchid !== config.mchid || !Rsa.verify(Formatter.joinedByLineFeed(req.method, path, fields.timestamp, fields.nonce_str, req.body), fields.signature, merchant.publicPem)) {
      return signed(401, { code: 'SIGN_ERROR', message: '签名错误' })
    }
    return answer(req)
  }
  return { transport, seen }
}

const OUT_BILL_NO = outBillNoFor('challenge-1', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')
const request = {
  outBillNo: OUT_BILL_NO,
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  amountFen: 334,
  remark: '押金挑战奖池分成',
  sceneReport: [
    { infoType: '活动名称', infoContent: '「3 天早起」押金挑战' },
    { infoType: '奖励说明', infoContent: '完成挑战，平分未完成者的押金' }
  ]
}

// 发起转账's 200 answer (WeChat's example fields: out_bill_no, transfer_bill_no, create_time, state, package_info).
const CREATED = {
  out_bill_no: OUT_BILL_NO,
  transfer_bill_no: '1330000071100999991182020050700019480001',
  create_time: '2026-11-30T00:05:00+08:00',
  state: 'WAIT_USER_CONFIRM',
  package_info: 'affffddafdfafddffda=='
}

// 商户单号查询转账单's 200 answer after the member confirmed.
const QUERIED = {
  mch_id: config.mchid,
  out_bill_no: OUT_BILL_NO,
  transfer_bill_no: '1330000071100999991182020050700019480001',
  appid: config.appid,
  state: 'SUCCESS',
  transfer_amount: 334,
  transfer_remark: '押金挑战奖池分成',
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  create_time: '2026-11-30T00:05:00+08:00',
  update_time: '2026-11-30T00:06:00+08:00'
}

test('the out_bill_no is 商户单号-shaped (digits and letters, ≤ 32) and the same for the same challenge and member', () => {
  expect(OUT_BILL_NO).toMatch(/^[0-9A-Za-z]{1,32}$/)
  expect(outBillNoFor('challenge-1', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')).toBe(OUT_BILL_NO)
  expect(outBillNoFor('challenge-1', 'another')).not.toBe(OUT_BILL_NO)
})

test('发起转账: a signed POST to /v3/fund-app/mch-transfer/transfer-bills with the documented body; WAIT_USER_CONFIRM carries the package for wx.requestMerchantTransfer', async () => {
  const server = fakeWechat(() => signed(200, CREATED))
  const pay = new WechatPayV3(config, clock, server.transport)
  await expect(pay.transfer(request)).resolves.toEqual({ status: 'WAIT_USER_CONFIRM', transferBillNo: CREATED.transfer_bill_no, amountFen: 334, packageInfo: 'affffddafdfafddffda==' })
  expect(server.seen[0]).toMatchObject({ method: 'POST', url: 'https://api.mch.weixin.qq.com/v3/fund-app/mch-transfer/transfer-bills' })
  expect(JSON.parse(server.seen[0].body)).toEqual({
    appid: config.appid,
    out_bill_no: OUT_BILL_NO,
    transfer_scene_id: '1000',
    openid: request.openid,
    transfer_amount: 334,
    transfer_remark: '押金挑战奖池分成',
    notify_url: config.notifyUrl,
    user_recv_perception: '活动奖励',
    transfer_scene_report_infos: [
      { info_type: '活动名称', info_content: '「3 天早起」押金挑战' },
      { info_type: '奖励说明', info_content: '完成挑战，平分未完成者的押金' }
    ]
  })
})

test('the same out_bill_no sent twice is the same transfer: WeChat answers the first bill (the adapter never changes the number)', async () => {
  const server = fakeWechat(() => signed(200, { ...CREATED, state: 'SUCCESS', package_info: undefined }))
  const pay = new WechatPayV3(config, clock, server.transport)
  const first = await pay.transfer(request)
  const second = await pay.transfer(request)
  expect(second).toEqual(first)
  expect(server.seen.map((r) => JSON.parse(r.body).out_bill_no)).toEqual([OUT_BILL_NO, OUT_BILL_NO])
})

test('商户单号查询转账单: GET …/transfer-bills/out-bill-no/{out_bill_no}; SUCCESS, FAIL with its reason, and 404 NOT_FOUND when WeChat never received it', async () => {
  let answer = signed(200, QUERIED)
  const server = fakeWechat(() => answer)
  const pay = new WechatPayV3(config, clock, server.transport)
  await expect(pay.queryTransfer(OUT_BILL_NO)).resolves.toEqual({ status: 'SUCCESS', transferBillNo: QUERIED.transfer_bill_no, amountFen: 334 })
  expect(server.seen[0]).toMatchObject({ method: 'GET', url: `https://api.mch.weixin.qq.com/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${OUT_BILL_NO}`, body: '' })
  answer = signed(200, { ...QUERIED, state: 'FAIL', fail_reason: 'PAYEE_ACCOUNT_ABNORMAL' })
  await expect(pay.queryTransfer(OUT_BILL_NO)).resolves.toMatchObject({ status: 'FAIL', failReason: 'PAYEE_ACCOUNT_ABNORMAL' })
  answer = signed(200, { ...QUERIED, state: 'CANCELLED' })
  await expect(pay.queryTransfer(OUT_BILL_NO)).resolves.toMatchObject({ status: 'CANCELLED' })
  answer = signed(404, { code: 'NOT_FOUND', message: '记录不存在' })
  await expect(pay.queryTransfer(OUT_BILL_NO)).resolves.toEqual({ status: 'NOT_FOUND', transferBillNo: '', amountFen: 0 })
})

test('errors: a 4xx is WeChat refusing this request (TransferRefusedError); 429 and 5xx may have been accepted and are asked about later', async () => {
  let answer = signed(400, { code: 'PARAM_ERROR', message: '需传入转账场景报备信息，请检查' })
  const pay = new WechatPayV3(config, clock, fakeWechat(() => answer).transport)
  await expect(pay.transfer(request)).rejects.toBeInstanceOf(TransferRefusedError)
  answer = signed(403, { code: 'NOT_ENOUGH', message: '商户余额不足' })
  await expect(pay.transfer(request)).rejects.toMatchObject({ code: 'NOT_ENOUGH' })
  answer = signed(429, { code: 'FREQUENCY_LIMITED', message: '频率超限' })
  await expect(pay.transfer(request)).rejects.not.toBeInstanceOf(TransferRefusedError)
  answer = signed(500, { code: 'SYSTEM_ERROR', message: '系统错误' })
  await expect(pay.transfer(request)).rejects.not.toBeInstanceOf(TransferRefusedError)
})

test('an answer not signed by the platform is not trusted', async () => {
  const forged = fakeWechat(() => ({ ...signed(200, CREATED), body: JSON.stringify({ ...CREATED, state: 'SUCCESS' }) }))
  await expect(new WechatPayV3(config, clock, forged.transport).transfer(request)).rejects.toThrow()
})
