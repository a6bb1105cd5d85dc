// The sandbox payment provider for local runs: it plays WeChat Pay's part with
// its own platform key pair and APIv3 key (generated on first start and kept in
// the data folder), and sends notifies in exactly v3's format, which the app
// verifies with the same code it uses for WeChat. The 模拟支付 page of the dev
// host is the "WeChat" the member pays in.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  RefundRefusedError,
  type ClientPayment,
  type TransferRequest,
  type TransferState,
  type Payments,
  type PaymentEvent,
  type PrepayRequest,
  type RefundRequest,
  type RefundState,
  type TradeState
} from '../../ports/payments'
import type { Store } from '../../ports/store'
import type { Clock } from '../../ports/clock'
import { dayjs } from '../../ports/clock'
import { encryptResource, nonce, rsaSign, signatureMessage } from '../wechatpay/v3-crypto'
import { parseVerifiedNotify } from '../wechatpay/notify-events'

export interface SandboxKeys {
  platformSerial: string
  platformPrivateKeyPem: string
  platformPublicKeyPem: string
  apiV3Key: string
}

export function generateSandboxKeys(): SandboxKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    platformSerial: `SANDBOX${randomBytes(8).toString('hex').toUpperCase()}`,
    platformPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    platformPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    apiV3Key: randomBytes(16).toString('hex') // 32 characters, like a real APIv3 key
  }
}

let memoryKeys: SandboxKeys | null = null

/** Keys kept in the data folder; in-memory runtimes (tests) share one pair per process (RSA generation is slow). */
export function loadSandboxKeys(dataDir: string): SandboxKeys {
  if (dataDir === ':memory:') return (memoryKeys ??= generateSandboxKeys())
  const file = join(dataDir, 'sandbox-pay-keys.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  mkdirSync(dataDir, { recursive: true })
  const keys = generateSandboxKeys()
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 })
  return keys
}

export const SANDBOX_TRADES = 'sandbox_trades'

interface SandboxTrade {
  _id: string // out_trade_no
  description: string
  amountFen: number
  payerOpenid: string
  expiresAt: number
  state: TradeState['state']
  transactionId: string
  refundedFen: number
}

export interface SignedNotify {
  headers: Record<string, string>
  body: string
}

export const SANDBOX_APPID = 'wxsandbox0000000'
export const SANDBOX_MCHID = '1900000000'

export class SandboxPay implements Payments {
  readonly provider = 'sandbox' as const
  readonly appid = SANDBOX_APPID
  readonly mchid = SANDBOX_MCHID

  constructor(
    private readonly keys: SandboxKeys,
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  private trades() {
    return this.store.collection<SandboxTrade>(SANDBOX_TRADES)
  }

  async prepay(request: PrepayRequest): Promise<ClientPayment> {
    await this.trades().set({
      _id: request.outTradeNo,
      description: request.description,
      amountFen: request.amountFen,
      payerOpenid: request.payerOpenid,
      expiresAt: request.expiresAt,
      state: 'NOTPAY',
      transactionId: '',
      refundedFen: 0
    })
    return { provider: 'sandbox', payUrl: `/sandbox-pay?order=${encodeURIComponent(request.outTradeNo)}` }
  }

  async trade(outTradeNo: string): Promise<SandboxTrade | null> {
    return this.trades().get(outTradeNo)
  }

  /** The member confirmed on the 模拟支付 page: the trade succeeds and WeChat would now notify. */
  async pay(outTradeNo: string): Promise<SignedNotify> {
    const trade = await this.trades().get(outTradeNo)
    if (!trade) throw new Error('no such sandbox trade')
    if (trade.state === 'NOTPAY' && this.clock.now() > trade.expiresAt) throw new Error('the payment window has closed')
    if (trade.state === 'CLOSED') throw new Error('the order was closed')
    if (trade.state === 'NOTPAY') {
      await this.trades().updateIf(outTradeNo, { state: 'NOTPAY' }, { set: { state: 'SUCCESS', transactionId: `4200${Date.now()}${randomBytes(4).toString('hex')}` } })
    }
    return this.transactionNotify((await this.trades().get(outTradeNo))!)
  }

  /** Signs a body the way WeChat signs notifies and responses. */
  sign(body: string, timestampSeconds = Math.floor(this.clock.now() / 1000)): Record<string, string> {
    const nonceStr = nonce()
    return {
      'content-type': 'application/json',
      'wechatpay-timestamp': String(timestampSeconds),
      'wechatpay-nonce': nonceStr,
      'wechatpay-serial': this.keys.platformSerial,
      'wechatpay-signature': rsaSign(signatureMessage(timestampSeconds, nonceStr, body), this.keys.platformPrivateKeyPem),
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048'
    }
  }

  transactionNotify(trade: SandboxTrade): SignedNotify {
    const resource = {
      appid: this.appid,
      mchid: this.mchid,
      out_trade_no: trade._id,
      transaction_id: trade.transactionId,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: dayjs(this.clock.now()).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ'),
      payer: { openid: trade.payerOpenid },
      amount: { total: trade.amountFen, payer_total: trade.amountFen, currency: 'CNY', payer_currency: 'CNY' }
    }
    return this.notify('TRANSACTION.SUCCESS', 'transaction', resource)
  }

  refundNotify(trade: SandboxTrade, outRefundNo: string, refundFen: number): SignedNotify {
    const resource = {
      mchid: this.mchid,
      out_trade_no: trade._id,
      transaction_id: trade.transactionId,
      out_refund_no: outRefundNo,
      refund_id: `5030${Date.now()}`,
      refund_status: 'SUCCESS',
      amount: { total: trade.amountFen, refund: refundFen, payer_total: trade.amountFen, payer_refund: refundFen }
    }
    return this.notify('REFUND.SUCCESS', 'refund', resource)
  }

  private notify(eventType: string, associatedData: string, resource: object): SignedNotify {
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: dayjs(this.clock.now()).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ'),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType,
      resource: { ...encryptResource(JSON.stringify(resource), this.keys.apiV3Key, associatedData, randomBytes(6).toString('hex')), original_type: associatedData }
    })
    return { headers: this.sign(body), body }
  }

  async verifyNotify(headers: Record<string, string | undefined>, rawBody: string): Promise<PaymentEvent> {
    return parseVerifiedNotify(headers, rawBody, { [this.keys.platformSerial]: this.keys.platformPublicKeyPem }, this.keys.apiV3Key, this.clock.now())
  }

  async query(outTradeNo: string): Promise<TradeState> {
    const trade = await this.trades().get(outTradeNo)
    if (!trade) return { state: 'UNKNOWN', transactionId: '', amountFen: 0, appid: this.appid, mchid: this.mchid, payerOpenid: '' }
    return { state: trade.state, transactionId: trade.transactionId, amountFen: trade.amountFen, appid: this.appid, mchid: this.mchid, payerOpenid: trade.payerOpenid }
  }

  async close(outTradeNo: string): Promise<void> {
    await this.trades().updateIf(outTradeNo, { state: 'NOTPAY' }, { set: { state: 'CLOSED' } })
  }

  async refund(request: RefundRequest): Promise<'SUCCESS' | 'PROCESSING'> {
    const trade = await this.trades().get(request.outTradeNo)
    if (!trade || (trade.state !== 'SUCCESS' && trade.state !== 'REFUND')) throw new RefundRefusedError('TRADE_NOT_REFUNDABLE', 'trade not refundable')
    // The same out_refund_no twice is one refund, as at WeChat.
    const marker = this.store.collection<{ _id: string; refundFen: number }>('sandbox_refunds')
    if (!(await marker.get(request.outRefundNo))) {
      if (trade.refundedFen + request.refundFen > trade.amountFen) throw new RefundRefusedError('INVALID_REQUEST', 'refund exceeds the payment')
      await marker.insert({ _id: request.outRefundNo, refundFen: request.refundFen })
      await this.trades().update(trade._id, { inc: { refundedFen: request.refundFen }, set: { state: 'REFUND' } })
    }
    return 'SUCCESS'
  }

  async queryRefund(outRefundNo: string): Promise<RefundState> {
    const marker = await this.store.collection<{ _id: string; refundFen: number }>('sandbox_refunds').get(outRefundNo)
    return marker ? { status: 'SUCCESS', refundFen: marker.refundFen } : { status: 'NOT_FOUND', refundFen: 0 }
  }

  /**
   * 商家转账 in the sandbox: one transfer per outBillNo (the same number again
   * answers the first transfer, as at WeChat), settled at once: the sandbox
   * plays a member who confirms (in WeChat the mini-program shows the
   * confirmation page for WAIT_USER_CONFIRM).
   */
  async transfer(request: TransferRequest): Promise<TransferState> {
    if (!/^[0-9A-Za-z]{1,32}$/.test(request.outBillNo) || request.amountFen <= 0) throw new Error('sandbox transfer: PARAM_ERROR')
    const transfers = this.store.collection<SandboxTransfer>(SANDBOX_TRANSFERS)
    const existing = await transfers.get(request.outBillNo)
    if (existing) return sandboxTransferState(existing)
    const doc: SandboxTransfer = {
      _id: request.outBillNo,
      openid: request.openid,
      amountFen: request.amountFen,
      remark: request.remark,
      transferBillNo: `1330${Date.now()}${randomBytes(4).toString('hex')}`,
      state: 'SUCCESS',
      createdAt: this.clock.now()
    }
    try {
      await transfers.insert(doc)
    } catch {
      // Two sends of one number at the same moment: the first one stands.
      return sandboxTransferState((await transfers.get(request.outBillNo))!)
    }
    return sandboxTransferState(doc)
  }

  async queryTransfer(outBillNo: string): Promise<TransferState> {
    const found = await this.store.collection<SandboxTransfer>(SANDBOX_TRANSFERS).get(outBillNo)
    return found ? sandboxTransferState(found) : { status: 'NOT_FOUND', transferBillNo: '', amountFen: 0 }
  }
}

export const SANDBOX_TRANSFERS = 'sandbox_transfers'

interface SandboxTransfer {
  _id: string // out_bill_no
  openid: string
  amountFen: number
  remark: string
  transferBillNo: string
  state: TransferState['status']
  createdAt: number
}

function sandboxTransferState(doc: SandboxTransfer): TransferState {
  return { status: doc.state, transferBillNo: doc.transferBillNo, amountFen: doc.amountFen }
}
