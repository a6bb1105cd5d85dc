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
import { CAMPAIGNS, issueCoupon, type CampaignDoc } from '../../rewards/coupons'
import { WALLETS, emptyWallet, type WalletDoc } from '../../growth/wallet'
import { GIFT_SETTINGS, GIFT_WELCOMES, WELCOME_ID, loadGiftSettings, logGift, type GiftSettingsDoc, type GiftWelcomeDoc } from './gift'

type Gift = Exclude<WelcomeGift, { type: 'none' }>

/** The host's choice, checked against what it names, and put in words (1 request for a coupon or a trial). */
async function titleOf(runtime: Runtime, gift: Gift, now: number): Promise<string> {
  if (gift.type === 'makeupCard') return `补签卡 ×${gift.count}`
  if (gift.type === 'trial') {
    const circle = await loadCircle(runtime, gift.circleId).catch(() => null)
    if (!circle) throw new AppError('NOT_FOUND', '圈子不存在', 'welcome')
    if (circle.kind === 'free') throw new AppError('INVALID_INPUT', '免费圈子无需体验天数，请选择付费圈子', 'welcome')
    return `「${circle.name}」${gift.days} 天体验`
  }
  const campaign = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(gift.campaignId)
  if (!campaign) throw new AppError('NOT_FOUND', '优惠券活动不存在', 'welcome')
  if (campaign.validTo <= now) throw new AppError('INVALID_INPUT', '这个优惠券活动已过期', 'welcome')
  if (campaign.stoppedAt) throw new AppError('INVALID_INPUT', '这个优惠券活动已停止发放', 'welcome')
  return `优惠券「${campaign.name}」`
}

/** 3–4 requests: the settings, what the gift names, the write. */
export async function setWelcomeGift(runtime: Runtime, caller: Caller, input: SetWelcomeGiftInput, now: number): Promise<GiftSettingsDoc> {
  const settings = await loadGiftSettings(runtime)
  const welcome = input.welcome
  const welcomeTitle = welcome.type === 'none' ? '' : await titleOf(runtime, welcome, now)
  const next: GiftSettingsDoc = { ...settings, _id: WELCOME_ID, welcome, welcomeTitle, updatedAt: now, updatedBy: caller.openid }
  await runtime.store.collection<GiftSettingsDoc>(GIFT_SETTINGS).set(next)
  return next
}

type Given = { status: 'granted' } | { status: 'failed'; reason: string }

/**
 * Gives the welcome gift to a member whose invite was just recorded. Never
 * fails the login that carries it: a gift that cannot be given (the coupons
 * ran out) is recorded as failed for the host, and an error is logged.
 * Requests: the settings and the referral (2), the transaction (at most 7
 * operations), the host's log line (1).
 */
export async function grantWelcomeGift(runtime: Runtime, invitee: string, now: number): Promise<void> {
  try {
    const [settings, referral] = await Promise.all([loadGiftSettings(runtime), runtime.store.collection<ReferralDoc>(REFERRALS).get(invitee)])
    const gift = settings.welcome
    if (gift.type === 'none' || !referral) return
    const given = await runtime.store.transaction(async (tx): Promise<Given | null> => {
      const welcomes = tx.collection<GiftWelcomeDoc>(GIFT_WELCOMES)
      if (await welcomes.get(invitee)) return null
      let outcome: Given = { status: 'granted' }
      if (gift.type === 'coupon') {
        const issued = await issueCoupon(tx, gift.campaignId, invitee, 'welcome', now)
        if (issued !== 'issued' && issued !== 'already')
          outcome = { status: 'failed', reason: issued === 'outOfStock' ? '优惠券已发完' : issued === 'expired' ? '优惠券活动已过期' : '优惠券活动不存在' }
      } else if (gift.type === 'trial') {
        await extendMembership(tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS), gift.circleId, invitee, gift.days, now, 'trial')
      } else {
        const wallets = tx.collection<WalletDoc>(WALLETS)
        const wallet = await wallets.get(invitee)
        if (wallet) await wallets.set({ ...wallet, makeupCards: wallet.makeupCards + gift.count, updatedAt: now })
        else await wallets.insert({ ...emptyWallet(invitee, now), makeupCards: gift.count })
      }
      await welcomes.insert({
        _id: invitee,
        inviter: referral.inviter,
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
          refId: referral.inviter,
          payload: { inviter: referral.inviter, giftType: gift.type },
          createdAt: now,
          processedAt: null,
          boards: 'pending'
        })
      }
      return outcome
    })
    if (!given) return
    await logGift(
      runtime,
      {
        kind: given.status === 'granted' ? 'welcomed' : 'welcomeFailed',
        openid: invitee,
        cardId: null,
        text: given.status === 'granted' ? `通过邀请加入，获得欢迎礼：${settings.welcomeTitle}` : `通过邀请加入，欢迎礼未发放：${given.reason}`,
        at: now
      },
      `welcome:${invitee}`
    )
  } catch (error) {
    console.error('[gift] welcome gift not given', invitee, (error as Error).message)
  }
}

/** The caller's welcome gift, if they got one (1–3 requests). */
export async function myWelcomeGift(runtime: Runtime, caller: Caller): Promise<MyWelcomeGiftView | null> {
  const welcome = await runtime.store.collection<GiftWelcomeDoc>(GIFT_WELCOMES).get(caller.openid)
  if (!welcome || welcome.status !== 'granted') return null
  const authors = await authorsOf(runtime, [welcome.inviter])
  return { type: welcome.gift.type, title: welcome.title, inviterName: authors.get(welcome.inviter)?.nickname ?? '', grantedAt: welcome.grantedAt }
}
