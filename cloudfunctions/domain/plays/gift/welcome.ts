// The invitee's welcome gift. The invite-join path (member.me carrying an
// invite code, leaderboard/referral.ts attributeInvite) calls grantWelcomeGift
// only when it has just recorded the invite, so a member who joined without
// one never gets it. What is given is the host's setting (a coupon of a
// campaign, trial days of a circle, or make-up cards); the gift_welcomes
// document keyed by the invitee's openid is read and written in the one
// transaction that gives it, so it is given once per invitee, ever. The
// inviter's own reward is untouched: it stays on the invitee's activation.
import type { MyWelcomeGiftView, SetWelcomeGiftInput, WelcomeGift } from '../../../../types/gift'
import { AppError } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { authorsOf } from '../../checkin/views'
import { FACTS, type FactDoc } from '../../facts/facts'
import { REFERRALS, type ReferralDoc } from '../../leaderboard/referral'
import { loadCircle } from '../../membership/circle'
import { CIRCLE_MEMBERS, extendMembership, type CircleMemberDoc } from '../../membership/membership'
import { CAMPAIGNS, COUPONS, type CampaignDoc, type CouponDoc } from '../../rewards/coupons'
import type { Transaction } from '../../../ports/store'
import { WALLETS, emptyWallet, type WalletDoc } from '../../growth/wallet'
import { GIFT_SETTINGS, GIFT_WELCOMES, WELCOME_ID, loadGiftSettings, type GiftSettingsDoc, type GiftWelcomeDoc } from './gift'

type Gift = Exclude<WelcomeGift, { type: 'none' }>

/** The host's choice, checked against what it names, and put in words (1 request for a coupon or a trial). */
async function titleOf(runtime: Runtime, gift: Gift, now: number): Promise<{ title: string; coupon?: GiftSettingsDoc['coupon'] }> {
  if (gift.type === 'makeupCard') return { title: `补签卡 ×${gift.count}` }
  if (gift.type === 'trial') {
    const circle = await loadCircle(runtime, gift.circleId).catch(() => null)
    if (!circle) throw new AppError('NOT_FOUND', '圈子不存在', 'welcome')
    if (circle.kind === 'free') throw new AppError('INVALID_INPUT', '免费圈子无需体验天数，请选择付费圈子', 'welcome')
    return { title: `「${circle.name}」${gift.days} 天体验` }
  }
  const campaign = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(gift.campaignId)
  if (!campaign) throw new AppError('NOT_FOUND', '优惠券活动不存在', 'welcome')
  if (campaign.validTo <= now) throw new AppError('INVALID_INPUT', '这个优惠券活动已过期', 'welcome')
  if (campaign.stoppedAt) throw new AppError('INVALID_INPUT', '这个优惠券活动已停止发放', 'welcome')
  return { title: `优惠券「${campaign.name}」`, coupon: { stock: campaign.stock, validTo: campaign.validTo } }
}

/** 3–4 requests: the settings, what the gift names, the write. */
export async function setWelcomeGift(runtime: Runtime, caller: Caller, input: SetWelcomeGiftInput, now: number): Promise<GiftSettingsDoc> {
  const settings = await loadGiftSettings(runtime)
  const welcome = input.welcome
  const { title, coupon } = welcome.type === 'none' ? { title: '', coupon: undefined } : await titleOf(runtime, welcome, now)
  const next: GiftSettingsDoc = { ...settings, _id: WELCOME_ID, welcome, welcomeTitle: title, coupon: coupon ?? null, updatedAt: now, updatedBy: caller.openid }
  await runtime.store.collection<GiftSettingsDoc>(GIFT_SETTINGS).set(next)
  return next
}

type Given = { status: 'granted' } | { status: 'failed'; reason: string }

/**
 * Inside the welcome's transaction: one coupon of the campaign for the
 * invitee, in 2 operations: the campaign's counter by one conditional update
 * (still running, not past its end, below the stock it had when the host chose
 * it: set the gift again after changing the campaign), and the coupon, whose
 * key (`${campaignId}:${openid}:welcome`) is new with the welcome document: a
 * plain insert. (issueCoupon reads both first: two operations more than the
 * invite join's 20 requests allow.)
 */
async function welcomeCoupon(tx: Transaction, gift: Extract<Gift, { type: 'coupon' }>, snapshot: GiftSettingsDoc['coupon'], openid: string, now: number): Promise<Given> {
  if (!snapshot || now > snapshot.validTo) return { status: 'failed', reason: '优惠券活动已过期' }
  const counted = await tx.collection<CampaignDoc>(CAMPAIGNS).updateIf(gift.campaignId, { claimed: { $lt: snapshot.stock }, stoppedAt: { $in: [null] } }, { inc: { claimed: 1 } })
  if (!counted) return { status: 'failed', reason: '优惠券已发完' }
  await tx.collection<CouponDoc>(COUPONS).insert({ _id: `${gift.campaignId}:${openid}:welcome`, campaignId: gift.campaignId, openid, status: 'available', orderId: null, claimedAt: now })
  return { status: 'granted' }
}

/**
 * Gives the welcome gift to a member whose invite was just recorded (the
 * referral insert succeeded, so this runs once per invitee; the welcome
 * document's id makes it so even then: a second insert would abort). Never
 * fails the login that carries it: a gift that cannot be given (the coupons
 * ran out) is recorded as failed for the host, and an error is logged.
 * The welcome document is also the host's log line of it (giftLogs with
 * source 'welcomes'). Requests: the settings (1), the transaction (start,
 * at most 4 operations, commit): at most 7 on top of the invite join's own 12.
 */
export async function grantWelcomeGift(runtime: Runtime, invitee: string, now: number): Promise<void> {
  try {
    const settings = await loadGiftSettings(runtime)
    const gift = settings.welcome
    if (gift.type === 'none') return
    const given = await runtime.store.transaction(async (tx): Promise<Given> => {
      let outcome: Given = { status: 'granted' }
      if (gift.type === 'coupon') outcome = await welcomeCoupon(tx, gift, settings.coupon, invitee, now)
      else if (gift.type === 'trial') await extendMembership(tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS), gift.circleId, invitee, gift.days, now, 'trial')
      else {
        const wallets = tx.collection<WalletDoc>(WALLETS)
        const wallet = await wallets.get(invitee)
        if (wallet) await wallets.set({ ...wallet, makeupCards: wallet.makeupCards + gift.count, updatedAt: now })
        else await wallets.insert({ ...emptyWallet(invitee, now), makeupCards: gift.count })
      }
      await tx.collection<GiftWelcomeDoc>(GIFT_WELCOMES).insert({
        _id: invitee,
        gift,
        title: settings.welcomeTitle,
        status: outcome.status,
        reason: outcome.status === 'failed' ? outcome.reason : '',
        grantedAt: now
      })
      if (outcome.status === 'granted') {
        // The welcome document is new in this transaction, so its fact is too: a plain insert.
        await tx.collection<FactDoc>(FACTS).insert(<FactDoc>{
          _id: `invite.welcomed:${invitee}`,
          type: 'invite.welcomed',
          openid: invitee,
          refId: invitee,
          payload: { giftType: gift.type },
          createdAt: now,
          processedAt: null,
          boards: 'pending'
        })
      }
      return outcome
    })
    if (given.status === 'failed') console.error('[gift] welcome gift not given', invitee, given.reason)
  } catch (error) {
    console.error('[gift] welcome gift not given', invitee, (error as Error).message)
  }
}

/** The caller's welcome gift, if they got one, with who invited them (4 requests). */
export async function myWelcomeGift(runtime: Runtime, caller: Caller): Promise<MyWelcomeGiftView | null> {
  const [welcome, referral] = await Promise.all([runtime.store.collection<GiftWelcomeDoc>(GIFT_WELCOMES).get(caller.openid), runtime.store.collection<ReferralDoc>(REFERRALS).get(caller.openid)])
  if (!welcome || welcome.status !== 'granted') return null
  const authors = referral ? await authorsOf(runtime, [referral.inviter]) : new Map<string, { nickname: string }>()
  return { type: welcome.gift.type, title: welcome.title, inviterName: referral ? (authors.get(referral.inviter)?.nickname ?? '') : '', grantedAt: welcome.grantedAt }
}
