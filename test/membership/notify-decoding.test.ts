// A notify whose signature is right but whose decrypted resource is not what
// WeChat sends (not JSON, not an object, required fields missing or of the
// wrong type) is refused with InvalidNotifyError by both adapters: never a
// TypeError/SyntaxError (a 500 that WeChat retries for a day), never a
// half-filled payment fact that would settle or be flagged wrongly.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
// The independent v3 implementation the adapter tests build WeChat's notifies with.
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { FrozenClock } from '../../cloudfunctions/ports/clock'
import { InvalidNotifyError } from '../../cloudfunctions/ports/payments'
import { WechatPayV3 } from '../../cloudfunctions/adapters/wechatpay/wechatpay-v3'
import { SandboxPay, generateSandboxKeys } from '../../cloudfunctions/adapters/sandbox-pay/sandbox-pay'
import { encryptResource } from '../../cloudfunctions/adapters/wechatpay/v3-crypto'
import type { Store } from '../../cloudfunctions/ports/store'

const NOW = Date.parse('2026-11-23T10:00:00+08:00')
const clock = new FrozenClock(NOW)
const SERIAL = 'PUB_KEY_ID_0112300001092025'
const platform = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
})()
const APIV3_KEY = randomBytes(16).toString('hex')
const wechat = new WechatPayV3(
  {
    appid: 'wx1234567890abcdef',
    mchid: '1230000109',
    serialNo: 'MERCHANTSERIAL01',
    privateKeyPem: platform.privatePem,
    apiV3Key: APIV3_KEY,
    platformKeys: { [SERIAL]: platform.publicPem },
    notifyUrl: 'https://example.invalid/pay/notify'
  },
  clock
)

const transaction = {
  appid: 'wx1234567890abcdef',
  mchid: '1230000109',
  out_trade_no: 'M20261123100000abc',
  transaction_id: '4200001234202611231234567890',
  trade_state: 'SUCCESS',
  payer: { openid: 'o1' },
  amount: { total: 9900, currency: 'CNY' }
}
const refund = {
  mchid: '1230000109',
  out_trade_no: 'M20261123100000abc',
  transaction_id: '4200001234202611231234567890',
  out_refund_no: 'M20261123100000abc-R1',
  refund_id: '50300001',
  refund_status: 'SUCCESS',
  amount: { total: 9900, refund: 9900, payer_total: 9900, payer_refund: 9900 }
}

/** A notify signed and encrypted by the independent implementation, as WeChat builds it, around any plaintext resource. */
function wechatNotify(eventType: string, plaintext: string, associatedData = 'transaction') {
  const nonceIv = 'fdasflkja484'
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2026-11-23T10:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '通知',
    resource: {
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: Aes.AesGcm.encrypt(plaintext, APIV3_KEY, nonceIv, associatedData),
      associated_data: associatedData,
      nonce: nonceIv,
      original_type: associatedData
    }
  })
  return signed(body)
}

function signed(body: string) {
  const timestamp = String(Math.floor(NOW / 1000))
  const nonceStr = 'NOTIFYNONCE00001'
  const signature = Rsa.sign(Formatter.joinedByLineFeed(timestamp, nonceStr, body), platform.privatePem)
  return { body, headers: { 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonceStr, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': SERIAL } }
}

/** What no WeChat notify ever carries, though it is correctly signed and decrypts. */
const MALFORMED: Array<[string, string, string]> = [
  ['a resource that is not JSON', 'TRANSACTION.SUCCESS', '<xml>not json</xml>'],
  ['a resource that is JSON null', 'TRANSACTION.SUCCESS', 'null'],
  ['a resource that is a JSON string', 'TRANSACTION.SUCCESS', '"paid"'],
  ['a payment without out_trade_no', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, out_trade_no: undefined })],
  ['a payment without an amount', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, amount: undefined })],
  ['a payment whose amount is text', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, amount: { total: '9900' } })],
  ['a payment whose amount is a fraction', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, amount: { total: 99.5 } })],
  ['a payment without transaction_id', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, transaction_id: undefined })],
  ['a payment without payer', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, payer: undefined })],
  ['a payment without appid', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, appid: undefined })],
  ['a payment whose out_trade_no is an object', 'TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, out_trade_no: { $ne: '' } })],
  ['a refund without out_refund_no', 'REFUND.SUCCESS', JSON.stringify({ ...refund, out_refund_no: undefined })],
  ['a refund without an amount', 'REFUND.SUCCESS', JSON.stringify({ ...refund, amount: undefined })],
  ['a refund without refund_status', 'REFUND.ABNORMAL', JSON.stringify({ ...refund, refund_status: undefined })]
]

describe('WeChat Pay v3 adapter', () => {
  test('a well-formed payment and refund still decode', async () => {
    const paid = wechatNotify('TRANSACTION.SUCCESS', JSON.stringify(transaction))
    expect(await wechat.verifyNotify(paid.headers, paid.body)).toEqual({
      kind: 'paid',
      outTradeNo: transaction.out_trade_no,
      transactionId: transaction.transaction_id,
      amountFen: 9900,
      appid: transaction.appid,
      mchid: transaction.mchid,
      payerOpenid: 'o1'
    })
    const refunded = wechatNotify('REFUND.SUCCESS', JSON.stringify(refund), 'refund')
    expect(await wechat.verifyNotify(refunded.headers, refunded.body)).toEqual({
      kind: 'refunded',
      outTradeNo: refund.out_trade_no,
      outRefundNo: refund.out_refund_no,
      refundFen: 9900,
      succeeded: true
    })
  })

  test.each(MALFORMED)('%s is refused with InvalidNotifyError', async (_label, eventType, plaintext) => {
    const { headers, body } = wechatNotify(eventType, plaintext, eventType.startsWith('REFUND.') ? 'refund' : 'transaction')
    const error = await wechat.verifyNotify(headers, body).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(InvalidNotifyError)
  })

  test.each([
    ['an envelope that is JSON null', 'null'],
    ['a resource that is a string', JSON.stringify({ event_type: 'TRANSACTION.SUCCESS', resource: 'abc' })],
    ['a resource whose ciphertext is a number', JSON.stringify({ event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 12345, nonce: 'fdasflkja484' } })],
    ['a resource whose nonce is missing', JSON.stringify({ event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: randomBytes(40).toString('base64') } })]
  ])('a signed envelope with %s is refused with InvalidNotifyError', async (_label, body) => {
    const notify = signed(body)
    const error = await wechat.verifyNotify(notify.headers, notify.body).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(InvalidNotifyError)
  })
})

describe('sandbox adapter', () => {
  const keys = generateSandboxKeys()
  const sandbox = new SandboxPay(keys, {} as Store, clock)

  /** Signed and encrypted with the sandbox's own platform key and APIv3 key, as its 模拟支付 page does. */
  function sandboxNotify(eventType: string, plaintext: string, associatedData: string) {
    const body = JSON.stringify({
      id: 'EV-1',
      create_time: '2026-11-23T10:00:00+08:00',
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType,
      resource: { ...encryptResource(plaintext, keys.apiV3Key, associatedData, randomBytes(6).toString('hex')), original_type: associatedData }
    })
    return { body, headers: sandbox.sign(body) }
  }

  test('a well-formed payment still decodes', async () => {
    const { headers, body } = sandboxNotify('TRANSACTION.SUCCESS', JSON.stringify({ ...transaction, appid: sandbox.appid, mchid: sandbox.mchid }), 'transaction')
    expect(await sandbox.verifyNotify(headers, body)).toMatchObject({ kind: 'paid', amountFen: 9900, payerOpenid: 'o1' })
  })

  test.each(MALFORMED)('%s is refused with InvalidNotifyError', async (_label, eventType, plaintext) => {
    const { headers, body } = sandboxNotify(eventType, plaintext, eventType.startsWith('REFUND.') ? 'refund' : 'transaction')
    const error = await sandbox.verifyNotify(headers, body).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(InvalidNotifyError)
  })
})
