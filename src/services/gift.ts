import type { GiftCardStanding, GiftCardState, GiftCardView, GiftLogKind, GiftPlanOption, HostGiftView, MyWelcomeGiftView, WelcomeGift } from '../../types/gift'
import type { Tone } from '../components/tag'
import { callAction, callFunction } from './api'
import { chinaTime } from '../utils/china-time'
import { formatFen } from '../utils/format'

// 送 gifts in the client, for the member pages (packages/gift: 我的礼品卡, 送会员,
// the card a claim link opens) and the host's (packages/host-gift): cache keys,
// the words for each state, the share card, and the server calls (pages call
// these, never callFunction).

export const MY_GIFT_CARDS_KEY = 'gift.mine'
export const MY_WELCOME_KEY = 'gift.welcome'
export const GIFT_PLANS_KEY = 'gift.plans'
export const HOST_GIFTS_KEY = 'gift.host'
export const giftCardKey = (cardId: string) => `gift.card.${cardId}`

/** What the buyer's list says of each card: 待领取 / 已被 X 领取 / 已退款. */
export function stateLabel(card: Pick<GiftCardView, 'state' | 'claimedByName' | 'expiresAt'>, now: number): string {
  if (card.state === 'claimed') return `已被 ${card.claimedByName || '好友'} 领取`
  if (card.state === 'refunded') return '已退款'
  if (card.state === 'refunding') return '退款中'
  return now >= card.expiresAt ? '已过期，退款中' : '待领取'
}

export const STATE_TONE: Record<GiftCardState, Tone> = { unclaimed: 'orange', claimed: 'green', refunding: 'grey', refunded: 'grey' }

/** The line under a card on the buyer's list. */
export function stateLine(card: GiftCardView): string {
  if (card.state === 'claimed' && card.claimedAt) return `${chinaTime(card.claimedAt).format('MM月DD日 HH:mm')} 领取，会员已生效`
  if (card.state === 'unclaimed') return `${chinaTime(card.expiresAt).format('MM月DD日')} 前未被领取将自动退款`
  return `${formatFen(card.priceFen)} 已原路退回`
}

/** What the card page says to the one who opened it. */
export const STANDING_LINE: Record<GiftCardStanding, string> = {
  claimable: '先到先得，领取后会员立即生效',
  mine: '这是你送出的礼品卡，分享给好友领取吧',
  claimedByYou: '你已领取，会员已生效',
  claimedByOther: '来晚了，这张礼品卡已被领取',
  expired: '这张礼品卡已过期',
  refunded: '这张礼品卡已退款'
}

/** The share card's title: who gives what. */
export function shareTitle(card: Pick<GiftCardView, 'buyerName' | 'circleName' | 'planName' | 'days'>): string {
  return `${card.buyerName || '好友'}送你「${card.circleName}」${card.planName}（${card.days} 天），先到先得，点开即领`
}

export function welcomeLabel(welcome: WelcomeGift): string {
  if (welcome.type === 'coupon') return '优惠券'
  if (welcome.type === 'trial') return `${welcome.days} 天体验`
  if (welcome.type === 'makeupCard') return `补签卡 ×${welcome.count}`
  return '未设置'
}

export const LOG_KIND_LABEL: Record<GiftLogKind, string> = { bought: '购买', claimed: '领取', refused: '拦截', refunded: '退款', welcomed: '欢迎礼', welcomeFailed: '未发放' }
export const LOG_KIND_TONE: Record<GiftLogKind, Tone> = { bought: 'blue', claimed: 'green', refused: 'red', refunded: 'grey', welcomed: 'purple', welcomeFailed: 'warn' }

export const planLabel = (plan: GiftPlanOption) => `${plan.circleName}·${plan.planName}（${plan.days} 天）${formatFen(plan.priceFen)}`

// Server calls (fission)

export const fetchMyGiftCards = callAction('gifts', 'myGiftCards')
export const fetchGiftCard = callAction('gifts', 'giftCard')
export const claimGiftCard = callAction('gifts', 'claimGiftCard')

export function fetchGiftPlans(): Promise<GiftPlanOption[]> {
  return callFunction('gifts', 'giftPlans', {})
}

export const buyGiftCard = callAction('gifts', 'buyGiftCard')

export function fetchMyWelcomeGift(): Promise<MyWelcomeGiftView | null> {
  return callFunction('gifts', 'myWelcomeGift', {})
}

export function fetchHostGifts(): Promise<HostGiftView> {
  return callFunction('gifts', 'hostGifts', {})
}

export const setWelcomeGift = callAction('gifts', 'setWelcomeGift')
export const fetchGiftLogs = callAction('gifts', 'giftLogs')
