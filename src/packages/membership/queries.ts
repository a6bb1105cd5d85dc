import type { Challenge } from '../../../types/checkin'
import type { CircleDetail, MembershipView } from '../../../types/membership'
import type { Page } from '../../../types/page'
import { callFunction } from '../../services/api'
import { useQuery } from '../../services/use-query'

// Cache keys of the member's membership pages. Everything that changes access
// (paying, a trial, a refund) refetches these when the pages show again.

export const CIRCLES_KEY = 'membership.circles'
export const MY_MEMBERSHIPS_KEY = 'membership.mine'
export const MY_ORDERS_KEY = 'membership.myOrders'
export const circleKey = (circleId: string) => `membership.circle.${circleId}`
export const circleChallengesKey = (circleId: string) => `membership.circleChallenges.${circleId}`
export const orderKey = (orderId: string) => `membership.order.${orderId}`

export function useCircle(circleId: string) {
  return useQuery<CircleDetail>(circleKey(circleId), () => callFunction('membership', 'getCircle', { circleId }))
}

/** The circle's own challenges (members-only content); one page is plenty for a circle. */
export function useCircleChallenges(circleId: string) {
  return useQuery<Page<Challenge>>(circleChallengesKey(circleId), () => callFunction('checkin', 'listChallenges', { circleId, phase: 'all' }))
}

export function useMyMemberships() {
  return useQuery<MembershipView[]>(MY_MEMBERSHIPS_KEY, () => callFunction('membership', 'myMemberships', {}))
}
