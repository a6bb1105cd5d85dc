// Cache keys of the host's membership console.
export const HOST_CIRCLES_KEY = 'hostMembership.circles'
export const HOST_STATS_KEY = 'hostMembership.stats'
export const hostOrdersKey = (status: string) => `hostMembership.orders.${status}`
export const hostCircleKey = (circleId: string) => `hostMembership.circle.${circleId}`
export const FLAGGED_KEY = 'hostMembership.flagged'
