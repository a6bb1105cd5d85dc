// WeChat Pay as the platform answers, through our real signing and verification
// code: signed 4xx answers (ORDER_NOT_EXIST 404, ORDER_CLOSED 400, ORDERPAID 400),
// a server that never answers (every call gives up after its timeout), and the
// order-closing job that must not stall on any of them.
import { generateKeyPairSync } from 'node:crypto'
import { WechatPayV3, WechatPayError, WECHATPAY_TIMEOUT_MS, type HttpRequest, type HttpResponse } from '../../cloudfunctions/adapters/wechatpay/wechatpay-v3'
import { rsaSign, signatureMessage } from '../../cloudfunctions/adapters/wechatpay/v3-crypto'
import { CLOSE_RETRY_MS, closeUnpaidOrders } from '../../cloudfunctions/domain/membership/jobs'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/membership/order'
import { freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { legacyMembershipOrder } from '../helpers/legacy-order'

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}
const merchant = keyPair()
const platform = keyPair()
const KEY_ID = 'PUB_KEY_ID_0112300001092025'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

function signed(status: number, body: object | ''): HttpResponse {
  const text = body === '' ? '' : JSON.stringify(body)
  const ts = String(Math.floor(runtime.clock.now() / 1000))
  return {
    status,
    body: text,
    headers: { 'wechatpay-timestamp': ts, 'wechatpay-nonce': 'N0NCE', 'wechatpay-serial': KEY_ID, 'wechatpay-signature': rsaSign(signatureMessage(ts, 'N0NCE', text), platform.privatePem) }
  }
}

// WeChat Pay's documented error answers (https://pay.weixin.qq.com/doc/v3/merchant/4012791858 and the close/query pages)
const ORDER_NOT_EXIST = () => signed(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' })
const ORDER_CLOSED = () => signed(400, { code: 'ORDER_CLOSED', message: '订单已关闭' })
const ORDERPAID = () => signed(400, { code: 'ORDERPAID', message: '订单已支付' })
const NOTPAY = (outTradeNo: string) =>
  signed(200, { appid: 'wx1234567890abcdef', mchid: '1230000109', out_trade_no: outTradeNo, trade_state: 'NOTPAY', trade_state_desc: '订单未支付', amount: { total: 9900, currency: 'CNY' } })

function pay(answer: (req: HttpRequest, signal?: AbortSignal) => Promise<HttpResponse> | HttpResponse, timeoutMs?: number) {
  const seen: HttpRequest[] = []
  const payments = new WechatPayV3(
    {
      appid: 'wx1234567890abcdef',
      mchid: '1230000109',
      serialNo: 'MERCHANTSERIAL01',
      privateKeyPem: merchant.privatePem,
      apiV3Key: '0123456789abcdef0123456789abcdef',
      platformKeys: { [KEY_ID]: platform.publicPem },
      notifyUrl: 'https://example.invalid/pay/notify',
      timeoutMs
    },
    runtime.clock,
    async (req, signal) => {
      seen.push(req)
      return answer(req, signal)
    }
  )
  return { payments, seen }
}

const never = (_req: HttpRequest, signal?: AbortSignal) =>
  new Promise<HttpResponse>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('aborted')))
  })

describe('the WeChat Pay adapter', () => {
  test('query: 404 ORDER_NOT_EXIST is an order never paid; other signed 4xx are errors with their code', async () => {
    expect((await pay(ORDER_NOT_EXIST).payments.query('o1')).state).toBe('NOTPAY')
    const error = await pay(() => signed(401, { code: 'SIGN_ERROR', message: '签名错误' }))
      .payments.query('o1')
      .catch((e) => e)
    expect(error).toBeInstanceOf(WechatPayError)
    expect([error.status, error.code]).toEqual([401, 'SIGN_ERROR'])
  })

  test('close: ORDER_CLOSED and ORDER_NOT_EXIST are done; ORDERPAID is thrown (paid is final, the job settles it)', async () => {
    await expect(pay(ORDER_CLOSED).payments.close('o1')).resolves.toBeUndefined()
    await expect(pay(ORDER_NOT_EXIST).payments.close('o1')).resolves.toBeUndefined()
    await expect(pay(ORDERPAID).payments.close('o1')).rejects.toMatchObject({ code: 'ORDERPAID' })
  })

  test('every call gives up after its timeout (4 s unless configured), and the transport is told to abort', async () => {
    expect(WECHATPAY_TIMEOUT_MS).toBe(4000)
    let aborted = false
    const { payments } = pay((req, signal) => {
      signal?.addEventListener('abort', () => {
        aborted = true
      })
      return never(req, signal)
    }, 50)
    const started = Date.now()
    await expect(payments.query('o1')).rejects.toMatchObject({ code: 'TIMEOUT' })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(aborted).toBe(true)
    await expect(payments.close('o1')).rejects.toMatchObject({ code: 'TIMEOUT' })
    await expect(payments.refund({ outTradeNo: 'o1', outRefundNo: 'r1', refundFen: 1, totalFen: 1, reason: 'x' })).rejects.toMatchObject({ code: 'TIMEOUT' })
    await expect(payments.prepay({ outTradeNo: 'o1', description: 'x', amountFen: 1, payerOpenid: 'o', expiresAt: runtime.clock.now() + 60_000 })).rejects.toMatchObject({ code: 'TIMEOUT' })
  })

  test('an unsigned error answer is not trusted', async () => {
    await expect(pay(() => ({ status: 404, headers: {}, body: JSON.stringify({ code: 'ORDER_NOT_EXIST', message: 'x' }) })).payments.query('o1')).rejects.toThrow()
  })
})

describe('closing unpaid orders never stalls', () => {
  async function seedOrder(id: string, minutesOverdue: number) {
    const now = runtime.clock.now()
    await runtime.store.collection<OrderDoc>(ORDERS).insert(legacyMembershipOrder({ _id: id, circleId: 'c', circleName: '圈子', planId: 'p', createdAt: now - (30 + minutesOverdue) * 60_000 }))
  }
  const statusOf = async (id: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(id))!

  test('the oldest order hanging, one WeChat never saw, one already closed there: the others close, the hanging one waits its turn', async () => {
    await seedOrder('hangs', 60) // oldest: taken first
    await seedOrder('unknown', 50)
    await seedOrder('closed-there', 40)
    await seedOrder('unpaid', 30)
    const { payments } = pay((req, signal) => {
      const id = /out-trade-no\/([^/?]+)/.exec(req.url)![1]
      if (id === 'hangs') return never(req, signal)
      if (id === 'unknown') return ORDER_NOT_EXIST()
      if (id === 'closed-there') return req.method === 'GET' ? NOTPAY(id) : ORDER_CLOSED()
      return req.method === 'GET' ? NOTPAY(id) : signed(204, '')
    }, 50)
    Object.assign(runtime, { payments })
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 3, settled: 0, failed: 1 })
    quiet.mockRestore()
    for (const id of ['unknown', 'closed-there', 'unpaid']) expect((await statusOf(id)).status).toBe('closed')
    const hanging = await statusOf('hangs')
    expect(hanging.status).toBe('created')
    expect(hanging.payBefore).toBe(runtime.clock.now() + CLOSE_RETRY_MS)
    // Not retried before its time, then tried again.
    expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 0, settled: 0 })
  })
})
