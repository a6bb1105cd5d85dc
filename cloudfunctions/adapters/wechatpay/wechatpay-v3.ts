// WeChat Pay API v3 (JSAPI, for the mini-program) over HTTPS: signed requests,
// verified responses, prepay, query, close, refund, and notify verification.
// The HTTP transport is injected so tests run the real signing code against a
// fake server that checks signatures and answers with signed responses.
import {
  RefundRefusedError,
  TransferRefusedError,
  type ClientPayment,
  type TransferRequest,
  type TransferState,
  type Payments,
  type PrepayRequest,
  type RefundRequest,
  type RefundState,
  type PaymentEvent,
  type TradeState
} from '../../ports/payments'
import type { Clock } from '../../ports/clock'
import { dayjs } from '../../ports/clock'
import { authorizationHeader, clientPaySign, nonce, verifyWechatpaySignature, type MerchantCredentials } from './v3-crypto'
import { parseVerifiedNotify } from './notify-events'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body: string
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export type HttpTransport = (request: HttpRequest, signal?: AbortSignal) => Promise<HttpResponse>

/** Every WeChat Pay call gives up after this long: a cron run or a payment must not hang on it (a timed-out refund may still have been accepted: query it). */
export const WECHATPAY_TIMEOUT_MS = 4000

export const fetchTransport: HttpTransport = async (request, signal) => {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.method === 'GET' ? undefined : request.body, signal })
  const headers: Record<string, string> = {}
  res.headers.forEach((value, key) => {
    headers[key] = value
  })
  return { status: res.status, headers, body: await res.text() }
}

export interface WechatPayConfig extends MerchantCredentials {
  appid: string
  /** APIv3 key (32 characters) that decrypts notify resources. */
  apiV3Key: string
  /** Platform certificate serials or a WeChat Pay public-key id ("PUB_KEY_ID_…") → public key PEM. */
  platformKeys: Record<string, string>
  notifyUrl: string
  baseUrl?: string
  /** Per request; WECHATPAY_TIMEOUT_MS unless set. */
  timeoutMs?: number
  /** 商家转账's 转账场景ID (merchant platform → 产品中心 → 商家转账); '1000' (现金营销) unless set. */
  transferSceneId?: string
}

/** The fields of WeChat Pay's JSON answers (errors, jsapi, 查询订单, refunds) that we read; any may be missing. */
interface PayAnswer {
  code?: string
  message?: string
  prepay_id?: string
  trade_state?: TradeState['state']
  transaction_id?: string
  appid?: string
  mchid?: string
  payer?: { openid?: string }
  amount?: { total?: number; refund?: number }
  status?: string
  // 商家转账 (发起转账, 商户单号查询转账单)
  out_bill_no?: string
  transfer_bill_no?: string
  state?: string
  transfer_amount?: number
  package_info?: string
  fail_reason?: string
}

const REFUND_STATUSES = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'] as const
const TRANSFER_STATES = ['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED'] as const

/** A transfer answer (发起转账 or 商户单号查询转账单) in the port's words; an unknown state reads as PROCESSING (asked again later, never re-sent under a new number). */
function transferState(data: PayAnswer, amountFen: number): TransferState {
  const status = TRANSFER_STATES.find((known) => known === data.state) ?? 'PROCESSING'
  return {
    status,
    transferBillNo: String(data.transfer_bill_no ?? ''),
    amountFen: Number(data.transfer_amount ?? amountFen),
    ...(data.package_info ? { packageInfo: String(data.package_info) } : {}),
    ...(data.fail_reason ? { failReason: String(data.fail_reason) } : {})
  }
}

export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(`WeChat Pay ${status} ${code}: ${message}`)
    this.name = 'WechatPayError'
  }
}

export class WechatPayV3 implements Payments {
  readonly provider = 'wechat' as const
  readonly appid: string
  readonly mchid: string
  private readonly baseUrl: string

  constructor(
    private readonly config: WechatPayConfig,
    private readonly clock: Clock,
    private readonly transport: HttpTransport = fetchTransport
  ) {
    this.appid = config.appid
    this.mchid = config.mchid
    this.baseUrl = config.baseUrl ?? 'https://api.mch.weixin.qq.com'
  }

  /** The transport, bounded: aborted (and rejected) after the timeout, whatever the transport does with the signal. */
  private async send(request: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = this.config.timeoutMs ?? WECHATPAY_TIMEOUT_MS
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(new WechatPayError(0, 'TIMEOUT', `no answer within ${timeoutMs} ms (${request.method} ${request.url.replace(this.baseUrl, '')})`))
      }, timeoutMs)
    })
    try {
      return await Promise.race([this.transport(request, controller.signal), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  private async call(method: 'GET' | 'POST', path: string, payload?: object): Promise<{ status: number; data: PayAnswer }> {
    const body = payload ? JSON.stringify(payload) : ''
    const timestamp = Math.floor(this.clock.now() / 1000)
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': 'community-miniprogram/1.0',
      authorization: authorizationHeader(this.config, method, path, body, timestamp, nonce())
    }
    const response = await this.send({ method, url: this.baseUrl + path, headers, body })
    // Every answer is signed by the platform: an unsigned or forged one is not trusted.
    if (response.body || response.status < 300) verifyWechatpaySignature(response.headers, response.body, this.config.platformKeys, this.clock.now())
    const data = (response.body ? JSON.parse(response.body) : {}) as PayAnswer
    if (response.status >= 300) throw new WechatPayError(response.status, String(data.code ?? 'UNKNOWN'), String(data.message ?? ''))
    return { status: response.status, data }
  }

  async prepay(request: PrepayRequest): Promise<ClientPayment> {
    const { data } = await this.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.appid,
      mchid: this.mchid,
      description: request.description.slice(0, 127),
      out_trade_no: request.outTradeNo,
      time_expire: dayjs(request.expiresAt).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ'),
      notify_url: this.config.notifyUrl,
      amount: { total: request.amountFen, currency: 'CNY' },
      payer: { openid: request.payerOpenid }
    })
    return { provider: 'wechat', ...clientPaySign(this.appid, String(data.prepay_id), this.config.privateKeyPem, Math.floor(this.clock.now() / 1000), nonce()) }
  }

  async verifyNotify(headers: Record<string, string | undefined>, rawBody: string): Promise<PaymentEvent> {
    return parseVerifiedNotify(headers, rawBody, this.config.platformKeys, this.config.apiV3Key, this.clock.now())
  }

  async query(outTradeNo: string): Promise<TradeState> {
    let data: PayAnswer
    try {
      ;({ data } = await this.call('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.mchid}`))
    } catch (error) {
      // 404 ORDER_NOT_EXIST: WeChat never saw this order (prepay never reached it), so it was never paid.
      if (error instanceof WechatPayError && error.code === 'ORDER_NOT_EXIST') return { state: 'NOTPAY', transactionId: '', amountFen: 0, appid: '', mchid: '', payerOpenid: '' }
      throw error
    }
    return {
      state: data.trade_state ?? 'UNKNOWN',
      transactionId: String(data.transaction_id ?? ''),
      amountFen: Number(data.amount?.total ?? 0),
      appid: String(data.appid ?? ''),
      mchid: String(data.mchid ?? ''),
      payerOpenid: String(data.payer?.openid ?? '')
    }
  }

  async close(outTradeNo: string): Promise<void> {
    try {
      await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.mchid })
    } catch (error) {
      // Already closed, or never known to WeChat: either way it can no longer be paid. ORDERPAID is thrown: paid is final, the caller settles it.
      if (error instanceof WechatPayError && (error.code === 'ORDER_CLOSED' || error.code === 'ORDER_NOT_EXIST')) return
      throw error
    }
  }

  async refund(request: RefundRequest): Promise<'SUCCESS' | 'PROCESSING'> {
    let data: PayAnswer
    try {
      ;({ data } = await this.call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: request.outTradeNo,
        out_refund_no: request.outRefundNo,
        reason: request.reason.slice(0, 80),
        notify_url: this.config.notifyUrl,
        amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' }
      }))
    } catch (error) {
      // A 4xx is WeChat's final no (NOT_ENOUGH, INVALID_REQUEST, …), except 429 FREQUENCY_LIMITED: ask again later.
      if (error instanceof WechatPayError && error.status >= 400 && error.status < 500 && error.status !== 429) throw new RefundRefusedError(error.code, error.message)
      throw error
    }
    return data.status === 'SUCCESS' ? 'SUCCESS' : 'PROCESSING'
  }

  /** 查询单笔退款（通过商户退款单号）: status SUCCESS / CLOSED / PROCESSING / ABNORMAL; 404 RESOURCE_NOT_EXISTS when WeChat never received it. */
  async queryRefund(outRefundNo: string): Promise<RefundState> {
    try {
      const { data } = await this.call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`)
      const status = REFUND_STATUSES.find((known) => known === data.status) ?? 'PROCESSING'
      return { status, refundFen: Number(data.amount?.refund ?? 0) }
    } catch (error) {
      if (error instanceof WechatPayError && error.code === 'RESOURCE_NOT_EXISTS') return { status: 'NOT_FOUND', refundFen: 0 }
      throw error
    }
  }

  /**
   * 发起转账 (商家转账, 用户确认模式): POST /v3/fund-app/mch-transfer/transfer-bills.
   * The same out_bill_no is one transfer at WeChat, so a retry never pays twice.
   * A 4xx other than 429 is WeChat's no for this request (TransferRefusedError);
   * anything else may have been accepted: the caller asks with queryTransfer.
   */
  async transfer(request: TransferRequest): Promise<TransferState> {
    let data: PayAnswer
    try {
      ;({ data } = await this.call('POST', '/v3/fund-app/mch-transfer/transfer-bills', {
        appid: this.appid,
        out_bill_no: request.outBillNo,
        transfer_scene_id: this.config.transferSceneId ?? '1000',
        openid: request.openid,
        transfer_amount: request.amountFen,
        transfer_remark: Array.from(request.remark).slice(0, 32).join(''),
        notify_url: this.config.notifyUrl,
        user_recv_perception: '活动奖励',
        transfer_scene_report_infos: request.sceneReport.map((info) => ({ info_type: info.infoType, info_content: info.infoContent }))
      }))
    } catch (error) {
      if (error instanceof WechatPayError && error.status >= 400 && error.status < 500 && error.status !== 429) throw new TransferRefusedError(error.code, error.message)
      throw error
    }
    return transferState(data, request.amountFen)
  }

  /** 商户单号查询转账单: GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}; 404 NOT_FOUND when WeChat never received it. */
  async queryTransfer(outBillNo: string): Promise<TransferState> {
    try {
      const { data } = await this.call('GET', `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`)
      return transferState(data, 0)
    } catch (error) {
      if (error instanceof WechatPayError && error.status === 404) return { status: 'NOT_FOUND', transferBillNo: '', amountFen: 0 }
      throw error
    }
  }
}
