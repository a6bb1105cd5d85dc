// Every page path the app navigates to, in one table, so a moved page breaks
// one line. Pages import paths and URL builders from here, never write
// '/packages/…' themselves. 我的 and the H5 login redirect (main package)
// import this file, so it holds strings and tiny URL builders only.
import type { BoardKind } from '../../types/leaderboard'
import type { OrderStatus } from '../../types/membership'

// Main package and account
export const FEED_PAGE = '/pages/feed/index'
export const CHALLENGES_PAGE = '/pages/challenges/index'
export const ME_PAGE = '/pages/me/index'
export const PROFILE_EDIT_PAGE = '/packages/account/profile-edit/index'
export const DEV_LOGIN_PAGE = '/packages/account/dev-login/index'
/** 群规: the community's rules, readable by every member. */
export const COMMUNITY_RULES_PAGE = '/packages/account/rules/index'
/** 消息: the member's message centre (recall and automation messages, gifts). */
export const INBOX_PAGE = '/packages/inbox/index/index'

// Challenges and check-ins, and the host's check-in console
export const CHALLENGE_DETAIL_PAGE = '/packages/challenge/detail/index'
export const COMPOSE_PAGE = '/packages/challenge/compose/index'
export const CHECKIN_DETAIL_PAGE = '/packages/challenge/checkin/index'
export const HOST_HOME_PAGE = '/packages/host/index/index'
export const HOST_CHALLENGES_PAGE = '/packages/host/challenges/index'
/** 数据分析: the host's analytics (AARRR, cohorts, completion, revenue, converting check-ins). */
export const HOST_ANALYTICS = '/packages/host-analytics/index/index'
export const CHALLENGE_FORM_PAGE = '/packages/host/challenge-form/index'
export const MODERATION_PAGE = '/packages/host/moderation/index'

export const challengeDetailUrl = (challengeId: string) => `${CHALLENGE_DETAIL_PAGE}?id=${encodeURIComponent(challengeId)}`
export const checkinDetailUrl = (checkinId: string, focusComment = false) => `${CHECKIN_DETAIL_PAGE}?id=${encodeURIComponent(checkinId)}${focusComment ? '&comment=1' : ''}`
export const composeUrl = (challengeId: string, makeupDate?: string) => `${COMPOSE_PAGE}?challengeId=${encodeURIComponent(challengeId)}${makeupDate ? `&date=${makeupDate}` : ''}`
/** 完成报告: a completer's report on a challenge, with the poster (subpackage packages/challenge-report). */
export const COMPLETION_REPORT_PAGE = '/packages/challenge-report/index/index'
export const completionReportUrl = (challengeId: string) => `${COMPLETION_REPORT_PAGE}?id=${encodeURIComponent(challengeId)}`
export const challengeFormUrl = (challengeId?: string) => (challengeId ? `${CHALLENGE_FORM_PAGE}?id=${encodeURIComponent(challengeId)}` : CHALLENGE_FORM_PAGE)

// Events and the host's events console
export const EVENTS_PAGE = '/packages/events/list/index'
export const EVENT_DETAIL_PAGE = '/packages/events/detail/index'
export const MY_TICKETS_PAGE = '/packages/events/tickets/index'
export const HOST_EVENTS_PAGE = '/packages/host-events/index/index'
export const HOST_EVENT_FORM_PAGE = '/packages/host-events/event-form/index'
export const HOST_ATTENDEES_PAGE = '/packages/host-events/attendees/index'
export const HOST_SCANNER_PAGE = '/packages/host-events/scanner/index'

const withId = (page: string, id: string) => `${page}?id=${encodeURIComponent(id)}`
export const eventDetailUrl = (eventId: string) => withId(EVENT_DETAIL_PAGE, eventId)
export const eventFormUrl = (eventId?: string) => (eventId ? withId(HOST_EVENT_FORM_PAGE, eventId) : HOST_EVENT_FORM_PAGE)
export const attendeesUrl = (eventId: string) => withId(HOST_ATTENDEES_PAGE, eventId)
export const scannerUrl = (eventId: string) => withId(HOST_SCANNER_PAGE, eventId)

// 秒杀 flash sales (members) and the host's flash-sale console
export const FLASH_SALES_PAGE = '/packages/flash-sale/list/index'
export const FLASH_SALE_PAGE = '/packages/flash-sale/detail/index'
export const HOST_FLASH_SALES_PAGE = '/packages/host-flash-sale/index/index'
export const flashSaleUrl = (saleId: string) => withId(FLASH_SALE_PAGE, saleId)

// 拼团 group buying (members: the offers, one offer to start a group, one group: the page a share card opens) and the host's console
export const GROUP_BUYS_PAGE = '/packages/group-buy/list/index'
export const GROUP_BUY_PAGE = '/packages/group-buy/detail/index'
export const GROUP_PAGE = '/packages/group-buy/group/index'
export const HOST_GROUP_BUYS_PAGE = '/packages/host-group-buy/index/index'
export const groupBuyUrl = (campaignId: string) => withId(GROUP_BUY_PAGE, campaignId)
export const groupUrl = (groupId: string) => withId(GROUP_PAGE, groupId)

// 助力 help tasks (members: the campaigns, one task: the page a share card opens) and the host's help console
export const HELP_CAMPAIGNS_PAGE = '/packages/help/list/index'
export const HELP_TASK_PAGE = '/packages/help/task/index'
export const HOST_HELP_PAGE = '/packages/host-help/index/index'
export const helpTaskUrl = (taskId: string) => withId(HELP_TASK_PAGE, taskId)

// 砍价 bargains (members: the campaigns and one bargain, the page a share card opens) and the host's bargain console
export const BARGAINS_PAGE = '/packages/bargain/list/index'
export const BARGAIN_PAGE = '/packages/bargain/detail/index'
export const HOST_BARGAINS_PAGE = '/packages/host-bargain/index/index'
export const bargainUrl = (bargainId: string) => withId(BARGAIN_PAGE, bargainId)

// 送 gifts: 我的礼品卡 (with the welcome gift), 送会员 (buying a card), the card a claim link opens; the host's welcome gift and measures
export const MY_GIFT_CARDS_PAGE = '/packages/gift/mine/index'
export const GIFT_BUY_PAGE = '/packages/gift/buy/index'
export const GIFT_CARD_PAGE = '/packages/gift/card/index'
export const HOST_GIFTS_PAGE = '/packages/host-gift/index/index'
export const giftCardUrl = (cardId: string) => withId(GIFT_CARD_PAGE, cardId)

// Membership and the host's membership console
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
/** A circle's posts and announcements (subpackage packages/circle-posts): one post with comments, and the composer. */
export const POST_PAGE = '/packages/circle-posts/post/index'
export const POST_COMPOSE_PAGE = '/packages/circle-posts/compose/index'
export const postUrl = (postId: string) => `${POST_PAGE}?id=${encodeURIComponent(postId)}`
export const postComposeUrl = (circleId: string, postId?: string) => `${POST_COMPOSE_PAGE}?circleId=${encodeURIComponent(circleId)}${postId ? `&postId=${encodeURIComponent(postId)}` : ''}`
export const circleFormUrl = (circleId?: string) => (circleId ? `${HOST_CIRCLE_FORM_PAGE}?id=${encodeURIComponent(circleId)}` : HOST_CIRCLE_FORM_PAGE)
export const hostOrdersUrl = (status?: OrderStatus) => (status ? `${HOST_ORDERS_PAGE}?status=${status}` : HOST_ORDERS_PAGE)

// Q&A in a circle (提问): the circle's questions, asking, one question, the answerer's queue, the host's answerers
export const QUESTIONS_PAGE = '/packages/questions/list/index'
export const ASK_PAGE = '/packages/questions/ask/index'
export const QUESTION_PAGE = '/packages/questions/detail/index'
export const QUESTION_QUEUE_PAGE = '/packages/questions/queue/index'
export const QUESTION_SETTINGS_PAGE = '/packages/questions/settings/index'
export const questionsUrl = (circleId: string) => withId(QUESTIONS_PAGE, circleId)
export const askUrl = (circleId: string) => withId(ASK_PAGE, circleId)
export const questionUrl = (questionId: string, after?: 'paid' | 'cancelled') => `${withId(QUESTION_PAGE, questionId)}${after ? `&after=${after}` : ''}`
export const questionSettingsUrl = (circleId: string) => withId(QUESTION_SETTINGS_PAGE, circleId)

// Growth (points, mall) and the host's growth console
export const GROWTH_CENTER_PAGE = '/packages/growth/center/index'
export const LEDGER_PAGE = '/packages/growth/ledger/index'
export const MALL_PAGE = '/packages/growth/mall/index'
export const REDEMPTIONS_PAGE = '/packages/growth/redemptions/index'
export const HOST_GROWTH_PAGE = '/packages/host-growth/index/index'
export const RULES_PAGE = '/packages/host-growth/rules/index'
export const ITEMS_PAGE = '/packages/host-growth/items/index'
export const ITEM_EDIT_PAGE = '/packages/host-growth/item-edit/index'
export const ADJUST_PAGE = '/packages/host-growth/adjust/index'
export const SHIPPING_PAGE = '/packages/host-growth/shipping/index'
export const SEGMENTS_PAGE = '/packages/host-growth/segments/index'

// Coupons and the host's campaigns
export const COUPONS_PAGE = '/packages/rewards/coupons/index'
export const CAMPAIGN_FORM_PAGE = '/packages/host-rewards/campaign-form/index'
/** The host's campaigns: claimed / used / remaining, edit and stop. */
export const HOST_CAMPAIGNS_PAGE = '/packages/host-rewards/campaigns/index'
/** The campaign form: new, or editing one (name, end, stock, threshold). */
export const campaignFormUrl = (campaignId?: string) => (campaignId ? `${CAMPAIGN_FORM_PAGE}?id=${encodeURIComponent(campaignId)}` : CAMPAIGN_FORM_PAGE)

// Leaderboards, invites and contests
export const BOARDS_PAGE = '/packages/leaderboard/boards/index'
export const INVITE_PAGE = '/packages/leaderboard/invite/index'
export const CONTESTS_PAGE = '/packages/leaderboard/contests/index'
export const HOST_LEADERBOARD_PAGE = '/packages/host-leaderboard/index/index'

// The team (owner): staff, invite links, the community's settings; the page a staff invite link opens (types/staff-paths STAFF_JOIN_PATH)
export const HOST_TEAM_PAGE = '/packages/host-team/index/index'
export const STAFF_JOIN_PAGE = '/packages/host-team/join/index'
export const COMMUNITY_SETTINGS_PAGE = '/packages/host-team/settings/index'

// The host's areas built beside the console hub (members CRM, recall and messages, exports)
export const HOST_MEMBERS_PAGE = '/packages/host-members/list/index'
export const HOST_MEMBER_PAGE = '/packages/host-members/detail/index'
export const HOST_TAGS_PAGE = '/packages/host-members/tags/index'
export const HOST_JOIN_APPLICATIONS_PAGE = '/packages/host-members/applications/index'
export const HOST_RECALL_PAGE = '/packages/host-recall/index/index'
export const HOST_EXPORTS_PAGE = '/packages/host-exports/index/index'

/** The board page for a challenge (challengeCheckins / challengeStreak) or a contest (contestInvites). */
export function boardUrl(kind: BoardKind, ids: { challengeId?: string; contestId?: string; title?: string } = {}): string {
  const params = [`kind=${kind}`]
  if (ids.challengeId) params.push(`challengeId=${encodeURIComponent(ids.challengeId)}`)
  if (ids.contestId) params.push(`contestId=${encodeURIComponent(ids.contestId)}`)
  if (ids.title) params.push(`title=${encodeURIComponent(ids.title)}`)
  return `${BOARDS_PAGE}?${params.join('&')}`
}

/** A page's query value as sent: WeChat hands query values over still encoded, and so does Taro's H5 router. */
export function routeParam(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
