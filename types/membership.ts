// Circles (圈子), their plans, memberships, and orders paid through WeChat Pay.
// Money is integer fen; instants are epoch ms.
import type { PageInput } from './page'

export type CircleKind = 'free' | 'paid' | 'trialThenPaid'

export interface PlanInput {
  /** e.g. 月卡 / 季卡 / 年卡, 1–20 characters. */
  name: string
  /** 1–3660 days. */
  days: number
  /** 1 fen – ¥100,000. */
  priceFen: number
}

export interface Plan extends PlanInput {
  id: string
}

export interface CircleInput {
  /** 1–30 characters. */
  name: string
  description: string
  coverFileId: string
  kind: CircleKind
  /** Free trial length for 'trialThenPaid', 1–30 days. */
  trialDays: number
  /** Optional questions shown when joining (at most 3). */
  joinQuestions: string[]
  /** Paid plans ('paid' and 'trialThenPaid' need at least one). */
  plans: PlanInput[]
  /** Full refund within this many days of payment, 0–30. */
  fullRefundDays: number
  /** After that: a pro-rata refund of the unused days, or none. */
  refundAfter: 'prorata' | 'none'
  /** Free joins wait for a host's approval (审核); paid circles are not reviewed. Absent: false. */
  reviewRequired?: boolean
}

export interface Circle extends Omit<CircleInput, 'plans'> {
  id: string
  coverUrl: string
  plans: Plan[]
  memberCount: number
  archived: boolean
  createdAt: number
}

/** 'refunded': access ended because the order that bought it was refunded. */
export type MembershipStatus = 'none' | 'trial' | 'active' | 'expired' | 'refunded'

export interface MyMembership {
  circleId: string
  status: MembershipStatus
  startedAt: number | null
  endsAt: number | null
  trialUsed: boolean
  /** A host removed and blocked the member: no joining or buying again. */
  blocked?: boolean
  /** The member's join application, in a circle that reviews joins (审核中 / 已拒绝). */
  application?: { status: 'pending' | 'approved' | 'rejected'; reason: string | null; answers: string[] } | null
}

export interface CircleDetail {
  circle: Circle
  membership: MyMembership
}

export type OrderStatus = 'created' | 'fulfilled' | 'closed' | 'refunding' | 'refunded'

export interface OrderView {
  id: string
  /** What the order buys: a circle membership or an event seat (then eventId names the event); other kinds (a paid question, …) by their registered name. */
  kind: 'membership' | 'event' | (string & {})
  eventId: string | null
  /** The page about what it bought, as the kind describes it (an event's, a question's), without the leading slash. */
  page?: string
  circleId: string
  circleName: string
  planId: string
  planName: string
  days: number
  amountFen: number
  /** Price before the coupon. */
  listPriceFen: number
  discountFen: number
  couponId: string | null
  refundedFen: number
  status: OrderStatus
  createdAt: number
  paidAt: number | null
  /** The payment window closes at this time (30 minutes after creation). */
  payBefore: number
  /** What a refund requested now would return (0 when none is allowed). */
  refundableFen: number
  /** Why a closed order closed: unpaid in time, replaced by a newer order, or cancelled by the member. */
  closedReason: 'expired' | 'replaced' | 'cancelled' | null
  /** Paid after it had closed: refunded automatically, nothing bought. */
  paidAfterClose: boolean
  member: { openid: string; nickname: string }
}

export type ClientPaymentView = { provider: 'wechat'; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string } | { provider: 'sandbox'; payUrl: string }

export interface CreateOrderResult {
  order: OrderView
  payment: ClientPaymentView
  /** The member's open order for this plan, answered again instead of a second one (你有一笔待支付订单). */
  resumed: boolean
}

export interface MembershipView extends MyMembership {
  circleName: string
  coverUrl: string
  plans: Plan[]
}

export interface FlaggedPaymentView {
  id: string
  outTradeNo: string
  reason: string
  expectedFen: number | null
  receivedFen: number
  createdAt: number
}

// ---- inputs ----
export interface CircleIdInput {
  circleId: string
}
export interface JoinFreeInput {
  circleId: string
  answers: string[]
}
export interface CreateOrderInput {
  circleId: string
  planId: string
  /** One coupon per order; the server checks it and prices the order. */
  couponId?: string
}
export interface OrderIdInput {
  orderId: string
}
export type UpdateCircleInput = CircleIdInput & Partial<Omit<CircleInput, 'plans'>> & { plans?: Array<PlanInput & { id?: string }> }
export interface MyOrdersInput extends PageInput {
  /** Circle memberships or event fees; both when absent. */
  kind?: 'membership' | 'event'
}
export interface ListOrdersInput extends PageInput {
  status?: OrderStatus
  /** Circle memberships or event fees; both when absent. */
  kind?: 'membership' | 'event'
}
export interface HostRefundInput {
  orderId: string
  /** Fen to refund; at most what is left of the payment. */
  amountFen: number
  /** A key per refund, reused on retry: the same out_refund_no at WeChat. */
  requestId: string
  reason: string
  /** Event orders: also cancel the signup and free its seat (退款并取消报名); absent or false keeps it (仅退款，保留名额). */
  cancelSignup?: boolean
}
