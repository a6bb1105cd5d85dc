import type { Circle, CircleKind, MembershipStatus, MyMembership, OrderStatus, OrderView, Plan } from '../../types/membership'
import { chinaTime } from '../utils/china-time'
import { formatChineseDate, formatFen } from '../utils/format'

// Labels and money/date wording for circles, memberships and orders, shared by
// the member pages (packages/membership) and the host's (packages/host-membership).

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
