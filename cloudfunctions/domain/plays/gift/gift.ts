// 送 gifts: the documents. The design and its request counts: README.md.
//   gift_settings  'welcome': the host's welcome gift, and the prices cards sold at (for revenue by counts).
//   gift_cards     one per paid card, its id the unguessable claim token; claimed
//                  by one transaction on this document by id (unclaimed → claimed),
//                  refunded by the timer the same way (unclaimed → refunding).
//   gift_welcomes  one per invitee (`_id` = openid): the welcome gift given once, ever.
//   gift_logs      what happened, for the host (purchases, claims, refusals, refunds, welcomes).
import { randomBytes } from 'node:crypto'
import type { GiftCardState, GiftLogKind, WelcomeGift, WelcomeGiftType } from '../../../../types/gift'
import { isConflict } from '../../../ports/store'
import { COLLECTIONS } from '../../../platform/collections'
import { errors } from '../../../platform/app-error'
import type { Runtime } from '../../../platform/runtime'

export const GIFT_SETTINGS = COLLECTIONS.giftSettings.name
export const GIFT_CARDS = COLLECTIONS.giftCards.name
export const GIFT_WELCOMES = COLLECTIONS.giftWelcomes.name
export const GIFT_LOGS = COLLECTIONS.giftLogs.name

export const DAY_MS = 24 * 3600_000
/** An unclaimed card is refunded to its buyer this long after it was paid. */
export const CLAIM_WINDOW_MS = 30 * DAY_MS
/** Distinct card prices the settings remember (revenue is counted by price). */
export const MAX_PRICES = 10
export const WELCOME_ID = 'welcome'

export interface GiftSettingsDoc {
  _id: typeof WELCOME_ID
  welcome: WelcomeGift
  /** The welcome gift in words, worked out when the host sets it (「新人礼券」, 「减脂私教营 7 天体验」, 「补签卡 ×2」). */
  welcomeTitle: string
  /** A coupon gift: the campaign's stock and end when the host chose it (the grant counts against these without reading the campaign). */
  coupon?: { stock: number; validTo: number } | null
  /** Every price a card was sold at (fen), so revenue is a count per price. */
  soldPrices: number[]
  updatedAt: number
  updatedBy: string
}

export interface GiftCardDoc {
  _id: string
  orderId: string
  buyer: string
  circleId: string
  circleName: string
  planId: string
  planName: string
  days: number
  priceFen: number
  message: string
  state: GiftCardState
  claimedBy: string | null
  claimedAt: number | null
  /** The membership period the claim granted (for a later refund by the host). */
  periodStart: number | null
  periodEnd: number | null
  /** The claimer had never been a member of the circle (the host's 新成员). */
  newMember: boolean
  expiresAt: number
  createdAt: number
  updatedAt: number
}

export interface GiftWelcomeDoc {
  _id: string // the invitee's openid: once per invitee, ever (who invited them: their referral, same id)
  gift: Exclude<WelcomeGift, { type: 'none' }>
  title: string
  status: 'granted' | 'failed'
  reason: string
  grantedAt: number
}

export interface GiftLogDoc {
  _id: string
  kind: GiftLogKind
  openid: string
  cardId: string | null
  text: string
  at: number
}

/** 24 random characters from a 62-letter alphabet: a claim link nobody guesses. */
export function newCardId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  return Array.from(randomBytes(24), (b) => alphabet[b % alphabet.length]).join('')
}

export const claimPathOf = (cardId: string) => `packages/gift/card/index?id=${cardId}`

export const DEFAULT_SETTINGS: Omit<GiftSettingsDoc, 'updatedAt' | 'updatedBy'> = { _id: WELCOME_ID, welcome: { type: 'none' }, welcomeTitle: '', soldPrices: [] }

export async function loadGiftSettings(runtime: Runtime): Promise<GiftSettingsDoc> {
  return (await runtime.store.collection<GiftSettingsDoc>(GIFT_SETTINGS).get(WELCOME_ID)) ?? { ...DEFAULT_SETTINGS, updatedAt: 0, updatedBy: '' }
}

export async function loadCard(runtime: Runtime, cardId: string): Promise<GiftCardDoc> {
  const card = await runtime.store.collection<GiftCardDoc>(GIFT_CARDS).get(cardId)
  if (!card) throw errors.notFound('礼品卡')
  return card
}

export const WELCOME_TYPE_LABEL: Record<WelcomeGiftType, string> = { coupon: '优惠券', trial: '体验天数', makeupCard: '补签卡' }

/** One line in the host's log. `once`: a keyed entry written at most once (a refusal repeated by the same member is logged once). */
export async function logGift(runtime: Runtime, entry: Omit<GiftLogDoc, '_id'>, once?: string): Promise<void> {
  try {
    await runtime.store.collection<GiftLogDoc>(GIFT_LOGS).insert({ ...entry, _id: once ?? `${entry.at}:${randomBytes(4).toString('hex')}` })
  } catch (error) {
    if (!isConflict(error)) console.error('[gift] log not written', (error as Error).message)
  }
}
