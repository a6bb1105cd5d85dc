// The message centre (消息). Every recall and automation message is one
// document here, its id the message's idempotency key (`recall:${campaignId}:${openid}`,
// `auto:trialEnding:${membershipId}:${endsAt}`), so a message is delivered once
// however often the job that sends it runs. It reaches every member; where the
// member granted the template, the same message also goes as a subscribe
// message through the outbox (which spends the grant). A gift rides on its
// message and is claimed once, in the transaction that marks it claimed.
import type { Gift, InboxAction, InboxInput, InboxMessageView, MarkReadInput, UnreadCount, ClaimGiftResult } from '../../../types/inbox'
import type { Page } from '../../../types/page'
import type { SubscribeMessage } from '../../ports/notifier'
import type { Transaction } from '../../ports/store'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { grantId, SUBSCRIBE_GRANTS, type SubscribeGrantDoc } from '../notifications/grants'
import { CAMPAIGNS, issueCoupon, type CampaignDoc } from '../rewards/coupons'
import { grant } from '../growth/ledger'
import { loadSettings } from '../growth/settings'
import { WALLETS, walletIn, type WalletDoc } from '../growth/wallet'

export const INBOX = COLLECTIONS.inboxMessages.name
const PAGE_SIZE = 20

export interface InboxMessageDoc {
  _id: string // the idempotency key
  openid: string
  title: string
  body: string
  action: InboxAction | null
  giftLabel: string | null
  /** What sent it: 'recall' (a campaign) or 'auto:<kind>'. */
  source: string
  createdAt: number
  readAt: number | null
  claimedAt: number | null
}

export function toInboxView(doc: InboxMessageDoc): InboxMessageView {
  return { id: doc._id, title: doc.title, body: doc.body, action: doc.action, giftLabel: doc.giftLabel, createdAt: doc.createdAt, readAt: doc.readAt, claimedAt: doc.claimedAt }
}

/** The gift's words for the message (a coupon names its campaign: one read). */
export async function giftLabel(runtime: Runtime, gift: Gift | null | undefined): Promise<string | null> {
  if (!gift) return null
  if (gift.kind === 'makeupCard') return `补卡 ${gift.count} 张`
  if (gift.kind === 'points') return `${gift.points} 积分`
  const campaign = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(gift.campaignId)
  if (!campaign) throw new AppError('NOT_FOUND', '优惠券活动不存在', 'gift')
  return `「${campaign.name}」优惠券`
}

/** A message to deliver: the stored message's own fields, its idempotency key (the message's id) and when. */
export interface Delivery extends Pick<InboxMessageDoc, 'openid' | 'title' | 'body' | 'action' | 'giftLabel' | 'source'> {
  key: string
  now: number
  /** The subscribe message, sent only when the member holds a grant for its template (the outbox spends it). */
  subscribe?: { key: string; message: SubscribeMessage }
}

/** Whether the member holds an unspent grant for the template (one read): no outbox entry for members who never granted one. */
export async function holdsGrant(runtime: Runtime, openid: string, template: string): Promise<boolean> {
  const doc = await runtime.store.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).get(grantId(openid, template))
  return (doc?.count ?? 0) > 0
}

/**
 * Inside a transaction: the message (and its subscribe message, when granted)
 * once per key. Read first: a duplicate insert would abort the transaction.
 * Answers whether it was delivered now.
 */
export async function deliverIn(tx: Transaction, delivery: Delivery, granted: boolean): Promise<boolean> {
  const inbox = tx.collection<InboxMessageDoc>(INBOX)
  if (await inbox.get(delivery.key)) return false
  await inbox.insert({
    _id: delivery.key,
    openid: delivery.openid,
    title: delivery.title,
    body: delivery.body,
    action: delivery.action,
    giftLabel: delivery.giftLabel,
    source: delivery.source,
    createdAt: delivery.now,
    readAt: null,
    claimedAt: null
  })
  if (delivery.subscribe && granted) await enqueueSubscribeMessage(tx, { key: delivery.subscribe.key, message: delivery.subscribe.message, now: delivery.now })
  return true
}

/** The message once per key, in its own transaction (about 6 requests, 1 more for the grant check). */
export async function deliver(runtime: Runtime, delivery: Delivery): Promise<boolean> {
  const granted = delivery.subscribe ? await holdsGrant(runtime, delivery.openid, delivery.subscribe.message.template) : false
  return runtime.store.transaction((tx) => deliverIn(tx, delivery, granted))
}

// ---------------------------------------------------------------- member actions

export async function inbox(runtime: Runtime, openid: string, input: InboxInput): Promise<Page<InboxMessageView>> {
  const page = await runtime.store.collection<InboxMessageDoc>(INBOX).find({ openid }, { sort: [['createdAt', 'desc']], limit: PAGE_SIZE, after: input.after ?? null })
  return { items: page.items.map(toInboxView), next: page.next }
}

/** One count on the member's own unread index: no shared counter anyone writes. */
export async function unreadCount(runtime: Runtime, openid: string): Promise<UnreadCount> {
  return { unread: await runtime.store.collection<InboxMessageDoc>(INBOX).count({ openid, readAt: null }) }
}

/** Marks the caller's messages read (others' ids change nothing); answers the unread count left. */
export async function markRead(runtime: Runtime, openid: string, input: MarkReadInput, now: number): Promise<UnreadCount> {
  const messages = runtime.store.collection<InboxMessageDoc>(INBOX)
  await Promise.all([...new Set(input.messageIds)].map((id) => messages.updateIf(id, { openid, readAt: null }, { set: { readAt: now } })))
  return unreadCount(runtime, openid)
}

/** Gives the gift inside the claim's transaction, once per message (the coupon, points and cards are keyed by it too). */
async function giveGift(tx: Transaction, message: InboxMessageDoc, gift: Gift, now: number, growth: Awaited<ReturnType<typeof loadSettings>> | null): Promise<void> {
  if (gift.kind === 'coupon') {
    // Given, not claimed from the public stock: the host gave it to this member, so no stock race and no counter every claimant writes.
    const result = await issueCoupon(tx, gift.campaignId, message.openid, `inbox:${message._id}`, now, { reserved: true })
    if (result === 'missing') throw new AppError('NOT_FOUND', '这张优惠券已下架')
    if (result === 'expired') throw new AppError('CONFLICT', '这张优惠券已过期')
    return
  }
  if (gift.kind === 'makeupCard') {
    const wallets = tx.collection<WalletDoc>(WALLETS)
    await walletIn(wallets, message.openid, now)
    await wallets.update(message.openid, { inc: { makeupCards: gift.count }, set: { updatedAt: now } })
    return
  }
  const settings = growth!
  await grant(
    tx,
    {
      openid: message.openid,
      rule: 'manual',
      refId: `gift:${message._id}`,
      reason: `礼物：${message.title}`,
      points: gift.points,
      growth: 0,
      dailyCap: null,
      expireMonths: settings.pointsExpireMonths,
      now
    },
    settings.tiers
  )
}

/** Claims a message's gift: once, however many taps or devices (the message is marked in the same transaction). */
export async function claimGift(runtime: Runtime, openid: string, messageId: string, now: number): Promise<ClaimGiftResult> {
  const messages = runtime.store.collection<InboxMessageDoc>(INBOX)
  const before = await messages.get(messageId)
  if (!before || before.openid !== openid) throw errors.notFound('消息')
  if (before.action?.kind !== 'gift') throw new AppError('INVALID_INPUT', '这条消息没有礼物', 'messageId')
  if (before.claimedAt !== null) return { message: toInboxView(before), claimedNow: false }
  const gift = before.action.gift
  const growth = gift.kind === 'points' ? await loadSettings(runtime) : null
  const claimedNow = await runtime.store.transaction(async (tx) => {
    const fresh = await tx.collection<InboxMessageDoc>(INBOX).get(messageId)
    if (!fresh || fresh.claimedAt !== null) return false
    await giveGift(tx, fresh, gift, now, growth)
    await tx.collection<InboxMessageDoc>(INBOX).set({ ...fresh, claimedAt: now, readAt: fresh.readAt ?? now })
    return true
  })
  return { message: toInboxView((await messages.get(messageId))!), claimedNow }
}
