// Money moves through this port: WeChat Pay API v3 in production, a sandbox that
// speaks the same signed format locally. Amounts are integer fen.

export interface PrepayRequest {
  outTradeNo: string
  description: string
  amountFen: number
  payerOpenid: string
  /** When the payment window closes (epoch ms). */
  expiresAt: number
}

/** What the app needs to open the payment: WeChat's requestPayment fields, or the sandbox page. */
export type ClientPayment = { provider: 'wechat'; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string } | { provider: 'sandbox'; payUrl: string }

/** A verified notify, turned into a few neutral facts. */
export type PaymentEvent =
  | { kind: 'paid'; outTradeNo: string; transactionId: string; amountFen: number; appid: string; mchid: string; payerOpenid: string }
  | { kind: 'refunded'; outTradeNo: string; outRefundNo: string; refundFen: number; succeeded: boolean }
  | { kind: 'ignored'; eventType: string }

export interface TradeState {
  state: 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'USERPAYING' | 'PAYERROR' | 'UNKNOWN'
  transactionId: string
  amountFen: number
  appid: string
  mchid: string
  payerOpenid: string
}

export interface RefundRequest {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  totalFen: number
  reason: string
}

/** A refund as the provider knows it (WeChat: 查询单笔退款). NOT_FOUND: the provider never received it. */
export interface RefundState {
  status: 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL' | 'NOT_FOUND'
  refundFen: number
}

export interface Payments {
  readonly provider: 'wechat' | 'sandbox'
  /** The merchant identity notifies must name. */
  readonly appid: string
  readonly mchid: string
  prepay(request: PrepayRequest): Promise<ClientPayment>
  /** Verifies the signature (and freshness) of a notify and decrypts it; throws InvalidNotifyError. */
  verifyNotify(headers: Record<string, string | undefined>, rawBody: string): Promise<PaymentEvent>
  query(outTradeNo: string): Promise<TradeState>
  close(outTradeNo: string): Promise<void>
  /** Starts a refund; 'SUCCESS' when it settled at once, else a refund notify follows. */
  refund(request: RefundRequest): Promise<'SUCCESS' | 'PROCESSING'>
  /** Asks the provider where a refund stands (after a timeout, or when its notify never came). */
  queryRefund(outRefundNo: string): Promise<RefundState>
  /** Pays money to a member's WeChat balance (商家转账); the same outBillNo twice is one transfer. */
  transfer(request: TransferRequest): Promise<TransferState>
  /** Asks the provider where a transfer stands (NOT_FOUND: it never received it, so it may be sent again under the same outBillNo). */
  queryTransfer(outBillNo: string): Promise<TransferState>
}

/** A transfer to a member's WeChat balance (WeChat Pay 商家转账, 发起转账). Amounts in fen. */
export interface TransferRequest {
  /** 商户单号: 1–32 of [0-9A-Za-z], unique; reused on every retry, so the member is paid once. */
  outBillNo: string
  openid: string
  amountFen: number
  /** 转账备注, shown to the member (≤ 32 characters). */
  remark: string
  /** 转账场景报备信息, e.g. [{ infoType: '活动名称', infoContent: '…' }, { infoType: '奖励说明', infoContent: '…' }]. */
  sceneReport: Array<{ infoType: string; infoContent: string }>
}

/**
 * Where a transfer stands, in WeChat's words: ACCEPTED / PROCESSING /
 * TRANSFERING are on their way, WAIT_USER_CONFIRM waits for the member to
 * confirm in the mini-program (wx.requestMerchantTransfer with packageInfo),
 * SUCCESS is final, FAIL / CANCELLED are final and paid nothing, CANCELING is
 * on its way to CANCELLED. NOT_FOUND: the provider never received it.
 */
export interface TransferState {
  status: 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED' | 'NOT_FOUND'
  transferBillNo: string
  amountFen: number
  /** For WAIT_USER_CONFIRM: the package the mini-program passes to wx.requestMerchantTransfer. */
  packageInfo?: string
  failReason?: string
}

/** The provider refused a transfer for good (a 4xx other than 429): it was not accepted and will not happen under this outBillNo. */
export class TransferRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'TransferRefusedError'
  }
}

export class InvalidNotifyError extends Error {
  /**
   * 401: not shown to come from the provider (headers, serial, timestamp, signature, APIv3 key).
   * 400: verified, but its content is not a notify the provider sends (a resource that is not JSON, or lacks a required field).
   */
  readonly status: 400 | 401
  constructor(message: string, status: 400 | 401 = 401) {
    super(message)
    this.status = status
    this.name = 'InvalidNotifyError'
  }
}

/**
 * The provider refused a refund for good (WeChat answered 4xx: not enough
 * balance, a bad amount, an unrefundable trade): it was not accepted and will
 * not happen. Any other failure (a timeout, a network fault, a 5xx) may have
 * been accepted: the refund stays processing and is asked about later.
 */
export class RefundRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'RefundRefusedError'
  }
}
