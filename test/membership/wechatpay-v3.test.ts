// WeChat Pay API v3 through our real signing and verification code, with keys
// generated for the test: requests signed with the merchant key (checked by an
// independent implementation), responses and notifies signed with a platform
// key, resources encrypted with the APIv3 key.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
// An independent, maintained v3 implementation, used only to cross-check ours.
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { FrozenClock } from '../../cloudfunctions/ports/clock'
import { InvalidNotifyError, RefundRefusedError } from '../../cloudfunctions/ports/payments'
import { WechatPayV3, type HttpRequest, type HttpResponse } from '../../cloudfunctions/adapters/wechatpay/wechatpay-v3'
import { encryptResource, rsaSign, signatureMessage } from '../../cloudfunctions/adapters/wechatpay/v3-crypto'

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

const merchant = keyPair()
const platform = keyPair()
const APIV3_KEY = randomBytes(16).toString('hex')
const NOW = Date.parse('2026-11-23T10:00:00+08:00')
const clock = new FrozenClock(NOW)
const config = {
  appid: 'wx1234567890abcdef',
  mchid: '1230000109',
  serialNo: 'MERCHANTSERIAL01',
  privateKeyPem: merchant.privatePem,
  apiV3Key: APIV3_KEY,
  platformKeys: { PUB_KEY_ID_0112300001092025: platform.publicPem },
  notifyUrl: 'https://example.invalid/pay/notify'
}

function signedResponse(status: number, body: object | '', serial = 'PUB_KEY_ID_0112300001092025'): HttpResponse {
  const text = body === '' ? '' : JSON.stringify(body)
  const ts = String(Math.floor(clock.now() / 1000))
  const nonceStr = 'RESPONSENONCE123'
  return {
    status,
    body: text,
    headers: { 'wechatpay-timestamp': ts, 'wechatpay-nonce': nonceStr, 'wechatpay-serial': serial, 'wechatpay-signature': rsaSign(signatureMessage(ts, nonceStr, text), platform.privatePem) }
  }
}

/** A stand-in for api.mch.weixin.qq.com that checks each request's signature like WeChat does. */
function fakeWechat(answer: (req: HttpRequest) => HttpResponse) {
  const seen: HttpRequest[] = []
  const transport = async (req: HttpRequest) => {
    seen.push(req)
    const auth = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(req.headers.authorization)
    if (!auth) return signedResponse(401, { code: 'SIGN_ERROR', message: 'no auth' })
    const fields = Object.fromEntries([...auth[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    const path = req.url.replace('https://api.mch.weixin.qq.com', '')
    const message = Formatter.joinedByLineFeed(req.method, path, fields.timestamp, fields.nonce_str, req.body)
    if (fields.mchid !== config.mchid || fields.serial_no !== config.serialNo || !Rsa.verify(message, fields.signature, merchant.publicPem)) {
      return signedResponse(401, { code: 'SIGN_ERROR', message: 'bad signature' })
    }
    return answer(req)
  }
  return { transport, seen }
}

describe('requests and responses', () => {
  test('prepay signs the request, the server checks it, and paySign verifies for requestPayment', async () => {
    const server = fakeWechat(() => signedResponse(200, { prepay_id: 'wx201410272009395522657a690389285100' }))
    const pay = new WechatPayV3(config, clock, server.transport)
    const params = await pay.prepay({ outTradeNo: 'M20261123100000abc', description: '减脂训练营·月卡', amountFen: 9900, payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', expiresAt: NOW + 1800_000 })
    const sent = JSON.parse(server.seen[0].body)
    expect(sent).toMatchObject({
      appid: config.appid,
      mchid: config.mchid,
      out_trade_no: 'M20261123100000abc',
      amount: { total: 9900, currency: 'CNY' },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      time_expire: '2026-11-23T10:30:00+08:00'
    })
    expect(params).toMatchObject({ provider: 'wechat', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' })
    if (params.provider !== 'wechat') throw new Error('expected wechat params')
    expect(Rsa.verify(Formatter.joinedByLineFeed(config.appid, params.timeStamp, params.nonceStr, params.package), params.paySign, merchant.publicPem)).toBe(true)
  })

  test('a response not signed by the platform is not trusted', async () => {
    const forged = fakeWechat(() => ({ ...signedResponse(200, { prepay_id: 'x' }), headers: { ...signedResponse(200, { prepay_id: 'y' }).headers } }))
    await expect(new WechatPayV3(config, clock, forged.transport).prepay({ outTradeNo: 'M1', description: 'd', amountFen: 1, payerOpenid: 'o', expiresAt: NOW })).rejects.toBeInstanceOf(
      InvalidNotifyError
    )
  })

  test('query, close and refund use the v3 paths and bodies', async () => {
    const server = fakeWechat((req) => {
      if (req.url.includes('/close')) return signedResponse(204, '')
      if (req.url.includes('/refunds')) return signedResponse(200, { status: 'PROCESSING', out_refund_no: 'M1-R' })
      return signedResponse(200, { trade_state: 'SUCCESS', transaction_id: '4200000001', amount: { total: 9900 }, appid: config.appid, mchid: config.mchid, payer: { openid: 'o1' } })
    })
    const pay = new WechatPayV3(config, clock, server.transport)
    expect(await pay.query('M1')).toEqual({ state: 'SUCCESS', transactionId: '4200000001', amountFen: 9900, appid: config.appid, mchid: config.mchid, payerOpenid: 'o1' })
    await pay.close('M1')
    expect(await pay.refund({ outTradeNo: 'M1', outRefundNo: 'M1-R', refundFen: 500, totalFen: 9900, reason: '会员申请退款' })).toBe('PROCESSING')
    expect(server.seen.map((r) => `${r.method} ${r.url.replace('https://api.mch.weixin.qq.com', '')}`)).toEqual([
      'GET /v3/pay/transactions/out-trade-no/M1?mchid=1230000109',
      'POST /v3/pay/transactions/out-trade-no/M1/close',
      'POST /v3/refund/domestic/refunds'
    ])
    expect(JSON.parse(server.seen[2].body)).toMatchObject({ out_trade_no: 'M1', out_refund_no: 'M1-R', amount: { refund: 500, total: 9900, currency: 'CNY' } })
  })
})

describe('refunds: a final no, a timeout, and asking where one stands', () => {
  test('a 4xx refund answer is a RefundRefusedError; 429 and 5xx are not (the refund may still happen)', async () => {
    let answer = signedResponse(403, { code: 'NOT_ENOUGH', message: '基本账户余额不足，请充值后重新发起' })
    const pay = new WechatPayV3(config, clock, fakeWechat(() => answer).transport)
    const request = { outTradeNo: 'M1', outRefundNo: 'M1-R', refundFen: 100, totalFen: 9900, reason: '会员申请退款' }
    await expect(pay.refund(request)).rejects.toBeInstanceOf(RefundRefusedError)
    answer = signedResponse(429, { code: 'FREQUENCY_LIMITED', message: '频率超限' })
    await expect(pay.refund(request)).rejects.not.toBeInstanceOf(RefundRefusedError)
    answer = signedResponse(500, { code: 'SYSTEM_ERROR', message: '系统超时' })
    await expect(pay.refund(request)).rejects.not.toBeInstanceOf(RefundRefusedError)
  })

  test('queryRefund reads 查询单笔退款 (GET /v3/refund/domestic/refunds/{out_refund_no}); 404 RESOURCE_NOT_EXISTS is NOT_FOUND', async () => {
    // The answer's shape as WeChat's docs give it (abridged).
    let answer = signedResponse(200, {
      refund_id: '50000000382019052709732678859',
      out_refund_no: 'M1-R',
      transaction_id: '1217752501201407033233368018',
      out_trade_no: 'M1',
      channel: 'ORIGINAL',
      user_received_account: '招商银行信用卡0403',
      success_time: '2026-11-23T10:01:00+08:00',
      create_time: '2026-11-23T10:00:00+08:00',
      status: 'SUCCESS',
      funds_account: 'AVAILABLE',
      amount: { total: 9900, refund: 9900, payer_total: 9900, payer_refund: 9900, settlement_refund: 9900, settlement_total: 9900, discount_refund: 0, currency: 'CNY' }
    })
    const server = fakeWechat(() => answer)
    const pay = new WechatPayV3(config, clock, server.transport)
    await expect(pay.queryRefund('M1-R')).resolves.toEqual({ status: 'SUCCESS', refundFen: 9900 })
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: 'https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/M1-R' })
    answer = signedResponse(200, { out_refund_no: 'M1-R', status: 'ABNORMAL', amount: { refund: 9900 } })
    await expect(pay.queryRefund('M1-R')).resolves.toEqual({ status: 'ABNORMAL', refundFen: 9900 })
    answer = signedResponse(404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' })
    await expect(pay.queryRefund('M1-R')).resolves.toEqual({ status: 'NOT_FOUND', refundFen: 0 })
  })
})

describe('notifies', () => {
  const pay = new WechatPayV3(config, clock)
  const transaction = {
    appid: config.appid,
    mchid: config.mchid,
    out_trade_no: 'M20261123100000abc',
    transaction_id: '4200001234202611231234567890',
    trade_state: 'SUCCESS',
    payer: { openid: 'o1' },
    amount: { total: 9900, currency: 'CNY' }
  }

  /** A notify built and signed by the independent implementation, the way WeChat builds it. */
  function independentNotify(timestamp = Math.floor(NOW / 1000), serial = 'PUB_KEY_ID_0112300001092025') {
    const nonceIv = 'fdasflkja484'
    const body = JSON.stringify({
      id: 'EV-2018022511223320873',
      create_time: '2026-11-23T10:00:00+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(JSON.stringify(transaction), APIV3_KEY, nonceIv, 'transaction'),
        associated_data: 'transaction',
        nonce: nonceIv,
        original_type: 'transaction'
      }
    })
    const nonceStr = 'NOTIFYNONCE00001'
    const signature = Rsa.sign(Formatter.joinedByLineFeed(String(timestamp), nonceStr, body), platform.privatePem)
    return { body, headers: { 'Wechatpay-Timestamp': String(timestamp), 'Wechatpay-Nonce': nonceStr, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': serial } }
  }

  test('a notify signed and encrypted by an independent implementation is verified and decrypted by ours', async () => {
    const { body, headers } = independentNotify()
    expect(await pay.verifyNotify(headers, body)).toEqual({
      kind: 'paid',
      outTradeNo: 'M20261123100000abc',
      transactionId: '4200001234202611231234567890',
      amountFen: 9900,
      appid: config.appid,
      mchid: config.mchid,
      payerOpenid: 'o1'
    })
  })

  test('our encryption decrypts with the independent implementation', () => {
    const resource = encryptResource('{"hello":"微信"}', APIV3_KEY, 'transaction', 'abcdefghijkl')
    expect(Aes.AesGcm.decrypt(resource.ciphertext, APIV3_KEY, resource.nonce, 'transaction')).toBe('{"hello":"微信"}')
  })

  test.each([
    [
      'a body changed by one byte',
      () => {
        const n = independentNotify()
        return { ...n, body: n.body.replace('"summary":"支付成功"', '"summary":"支付成功 "') }
      },
      'bad signature'
    ],
    ['an unknown serial', () => independentNotify(Math.floor(NOW / 1000), 'PUB_KEY_ID_SOMEONEELSE'), 'unknown platform serial'],
    ['a timestamp 301 s old', () => independentNotify(Math.floor(NOW / 1000) - 301), 'timestamp outside 300 s'],
    ['missing headers', () => ({ body: independentNotify().body, headers: {} }), 'missing Wechatpay-* headers']
  ])('%s is refused', async (_label, make, reason) => {
    const { body, headers } = make() as { body: string; headers: Record<string, string> }
    await expect(pay.verifyNotify(headers, body)).rejects.toThrow(reason)
  })

  test('a timestamp 299 s old is still accepted', async () => {
    const { body, headers } = independentNotify(Math.floor(NOW / 1000) - 299)
    expect((await pay.verifyNotify(headers, body)).kind).toBe('paid')
  })

  test('a resource encrypted with another APIv3 key is refused', async () => {
    const other = new WechatPayV3({ ...config, apiV3Key: randomBytes(16).toString('hex') }, clock)
    const { body, headers } = independentNotify()
    await expect(other.verifyNotify(headers, body)).rejects.toThrow('does not decrypt')
  })
})
