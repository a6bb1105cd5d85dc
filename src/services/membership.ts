import type { Page, PageInput } from '../../types/page'
import { callFunction } from './api'
import { fetchChallenges } from './checkin'
import { useQuery } from './use-query'
import type { Challenge } from '../../types/checkin'
import type {
  Circle,
  CircleKind,
  MembershipStatus,
  MyMembership,
  OrderStatus,
  OrderView,
  Plan,
  CircleDetail,
  CircleIdInput,
  CircleInput,
  CreateOrderInput,
  CreateOrderResult,
  FlaggedPaymentView,
  HostRefundInput,
  JoinFreeInput,
  ListOrdersInput,
  MembershipView,
  MyOrdersInput,
  OrderIdInput,
  UpdateCircleInput
} from '../../types/membership'
import { chinaTime } from '../utils/china-time'
import { formatChineseDate, formatFen } from '../utils/format'

// Circles, memberships and orders in the client, shared by the member pages
// (packages/membership) and the host's (packages/host-membership): labels and
// money/date wording, the server calls (pages call these, never callFunction),
// cache keys and the shared queries.

export const KIND_LABEL: Record<CircleKind, string> = { free: '免费', paid: '付费', trialThenPaid: '可试用' }

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  created: '待支付',
  fulfilled: '已支付',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款'
}

export const MEMBERSHIP_STATUS_LABEL: Record<MembershipStatus, string> = { none: '未加入', trial: '试用中', active: '会员', expired: '已过期', refunded: '已退款' }

/** Members (paid or trial, not yet ended) see the circle's content. */
export function hasAccess(membership: Pick<MyMembership, 'status'>): boolean {
  return membership.status === 'active' || membership.status === 'trial'
}

export function lowestPlan(plans: Plan[]): Plan | null {
  return plans.reduce<Plan | null>((low, plan) => (!low || plan.priceFen < low.priceFen ? plan : low), null)
}

/** What a circle costs at a glance: 免费加入 / ¥99.00 起 (and 免费试用 7 天 for trial circles). */
export function priceFromLabel(circle: Pick<Circle, 'kind' | 'plans'>): string {
  const low = lowestPlan(circle.plans)
  if (circle.kind === 'free' || !low) return '免费加入'
  return `${formatFen(low.priceFen)} 起`
}

/** ¥3.30/天, rounded to the fen. */
export function perDayLabel(plan: Pick<Plan, 'priceFen' | 'days'>): string {
  return `${formatFen(Math.round(plan.priceFen / plan.days))}/天`
}

/** 30 天 / 3 个月 would be guesswork for odd lengths: days say exactly what is bought. */
export function daysLabel(days: number): string {
  return `${days} 天`
}

/** 2026年12月23日到期 · 长期有效 · 2026年11月2日已到期 — China time. */
export function membershipEndLabel(membership: Pick<MyMembership, 'status' | 'endsAt'>): string {
  if (membership.status === 'none') return ''
  if (membership.endsAt === null) return '长期有效'
  const date = formatChineseDate(membership.endsAt)
  if (membership.status === 'refunded') return '退款后会员权益已结束'
  return membership.status === 'expired' ? `${date}已到期` : `${date}到期`
}

/** The refund rule in one sentence, as a member sees it before paying. */
export function refundRuleLabel(circle: Pick<Circle, 'fullRefundDays' | 'refundAfter'>): string {
  const after = circle.refundAfter === 'prorata' ? '按剩余天数退款' : '不支持退款'
  if (circle.fullRefundDays === 0) return `支付后${after}`
  return `支付后 ${circle.fullRefundDays} 天内可全额退款，之后${after}`
}

/**
 * The orders collection also carries event signups (paid through the same
 * Payments port); those have no circle and no days to show.
 */
export function isCircleOrder(order: Pick<OrderView, 'circleId'>): boolean {
  return order.circleId !== ''
}

/** A created order whose payment window has not closed yet. */
export function canStillPay(order: Pick<OrderView, 'status' | 'payBefore'>, now: number = Date.now()): boolean {
  return order.status === 'created' && now < order.payBefore
}

/** Shown status: an unpaid order past its window reads 已关闭 even before the cron closes it. */
export function orderStatusOf(order: Pick<OrderView, 'status' | 'payBefore'>, now: number = Date.now()): OrderStatus {
  return order.status === 'created' && now >= order.payBefore ? 'closed' : order.status
}

/** 2026-11-23 14:30 in China time: orders are records, so the full date reads best. */
export function formatOrderTime(at: number): string {
  return chinaTime(at).format('YYYY-MM-DD HH:mm')
}

// Server calls (membership): the pages call these, never callFunction.

export function fetchCircles(input: PageInput): Promise<Page<Circle>> {
  return callFunction('membership', 'listCircles', input)
}

export function fetchCircle(input: CircleIdInput): Promise<CircleDetail> {
  return callFunction('membership', 'getCircle', input)
}

export function joinFreeCircle(input: JoinFreeInput): Promise<MembershipView> {
  return callFunction('membership', 'joinFree', input)
}

export function startTrial(input: CircleIdInput): Promise<MembershipView> {
  return callFunction('membership', 'startTrial', input)
}

export function createOrder(input: CreateOrderInput): Promise<CreateOrderResult> {
  return callFunction('membership', 'createOrder', input)
}

export function fetchOrder(input: OrderIdInput): Promise<OrderView> {
  return callFunction('membership', 'getOrder', input)
}

export function fetchMyOrders(input: MyOrdersInput): Promise<Page<OrderView>> {
  return callFunction('membership', 'myOrders', input)
}

export function fetchMyMemberships(): Promise<MembershipView[]> {
  return callFunction('membership', 'myMemberships', {})
}

export function cancelOrder(input: OrderIdInput): Promise<OrderView> {
  return callFunction('membership', 'cancelOrder', input)
}

export function requestRefund(input: OrderIdInput): Promise<OrderView> {
  return callFunction('membership', 'requestRefund', input)
}

export function createCircle(input: CircleInput): Promise<Circle> {
  return callFunction('membership', 'createCircle', input)
}

export function updateCircle(input: UpdateCircleInput): Promise<Circle> {
  return callFunction('membership', 'updateCircle', input)
}

export function archiveCircle(input: CircleIdInput): Promise<Circle> {
  return callFunction('membership', 'archiveCircle', input)
}

export function fetchOrders(input: ListOrdersInput): Promise<Page<OrderView>> {
  return callFunction('membership', 'listOrders', input)
}

export function refundOrder(input: HostRefundInput): Promise<OrderView> {
  return callFunction('membership', 'refundOrder', input)
}

export function fetchFlaggedPayments(input: PageInput): Promise<Page<FlaggedPaymentView>> {
  return callFunction('membership', 'flaggedPayments', input)
}

// Cache keys of the member's membership pages. Everything that changes access
// (paying, a trial, a refund) refetches these when the pages show again.
export const CIRCLES_KEY = 'membership.circles'
export const MY_MEMBERSHIPS_KEY = 'membership.mine'
export const MY_ORDERS_KEY = 'membership.myOrders'
export const circleKey = (circleId: string) => `membership.circle.${circleId}`
export const circleChallengesKey = (circleId: string) => `membership.circleChallenges.${circleId}`
export const orderKey = (orderId: string) => `membership.order.${orderId}`

export function useCircle(circleId: string) {
  return useQuery<CircleDetail>(circleKey(circleId), () => fetchCircle({ circleId }))
}

/** The circle's own challenges (members-only content); one page is plenty for a circle. */
export function useCircleChallenges(circleId: string) {
  return useQuery<Page<Challenge>>(circleChallengesKey(circleId), () => fetchChallenges({ circleId, phase: 'all' }))
}

export function useMyMemberships() {
  return useQuery<MembershipView[]>(MY_MEMBERSHIPS_KEY, fetchMyMemberships)
}

// Cache keys of the host's membership console.
export const HOST_CIRCLES_KEY = 'hostMembership.circles'
export const HOST_STATS_KEY = 'hostMembership.stats'
export const hostOrdersKey = (status: string) => `hostMembership.orders.${status}`
export const hostCircleKey = (circleId: string) => `hostMembership.circle.${circleId}`
export const FLAGGED_KEY = 'hostMembership.flagged'
