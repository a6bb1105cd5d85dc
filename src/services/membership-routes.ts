// Pages of the membership and host-membership subpackages, in one place so a
// moved page breaks one line. 我的 imports this file, so it stays tiny.
export const CIRCLES_PAGE = '/packages/membership/circles/index'
export const CIRCLE_PAGE = '/packages/membership/circle/index'
/** The dev host's 模拟支付 page sends members back here (scripts/dev-host/sandbox-pay-page.ts). */
export const ORDER_PAGE = '/packages/membership/order/index'
export const MY_MEMBERSHIP_PAGE = '/packages/membership/mine/index'
export const HOST_MEMBERSHIP_PAGE = '/packages/host-membership/index/index'
export const HOST_CIRCLE_FORM_PAGE = '/packages/host-membership/circle-form/index'
export const HOST_ORDERS_PAGE = '/packages/host-membership/orders/index'
export const HOST_FLAGGED_PAGE = '/packages/host-membership/flagged/index'

/** renew: open the plan picker at once (续费 from 我的会员). */
export const circleUrl = (circleId: string, renew = false) => `${CIRCLE_PAGE}?id=${encodeURIComponent(circleId)}${renew ? '&renew=1' : ''}`
/** after: how the member came back from paying: 'paid' (wait for the result) or 'cancelled' (show 待支付 at once). */
export const orderUrl = (orderId: string, after?: 'paid' | 'cancelled') => `${ORDER_PAGE}?id=${encodeURIComponent(orderId)}${after ? `&after=${after}` : ''}`
export const circleFormUrl = (circleId?: string) => (circleId ? `${HOST_CIRCLE_FORM_PAGE}?id=${encodeURIComponent(circleId)}` : HOST_CIRCLE_FORM_PAGE)
