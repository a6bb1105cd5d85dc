// 送 gifts on the strict embedded store: the invitee's welcome gift (each type, once, only through an invite) and
// gift memberships (礼品卡): bought, claimed once, refused to the buyer and after expiry, refunded once after 30 days.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { COUPONS, type CouponDoc } from '../../cloudfunctions/domain/rewards/coupons'
import { CIRCLE_MEMBERS, membershipId, type CircleMemberDoc } from '../../cloudfunctions/domain/membership/membership'
import { WALLETS, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { GIFT_CARDS, GIFT_WELCOMES, type GiftCardDoc } from '../../cloudfunctions/domain/plays/gift/gift'
import { DAY, campaign, inviteCodeOf, joinThrough, paidCard, paidCircle, runTimer, setWelcome } from './fixtures'
import { createCircle } from '../helpers/circle'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const INVITER = 'o_lily'
const store = () => runtime.store
const membership = (circleId: string, openid: string) => store().collection<CircleMemberDoc>(CIRCLE_MEMBERS).get(membershipId(circleId, openid))

describe('welcome gift on joining through an invite', () => {
  test('a coupon: given once to the invitee, the inviter still rewarded only on activation', async () => {
    const campaignId = await campaign(runtime)
    expect((await setWelcome({ type: 'coupon', campaignId })).welcomeTitle).toBe('优惠券「新人礼券」')
    const code = await inviteCodeOf(INVITER)
    await joinThrough(code, 'o_new1')
    // The same code again (a second launch of the link) gives nothing more.
    await joinThrough(code, 'o_new1')
    const coupons = await store().collection<CouponDoc>(COUPONS).find({ openid: 'o_new1' }, { limit: 10 })
    expect(coupons.items).toHaveLength(1)
    expect(coupons.items[0]).toMatchObject({ campaignId, status: 'available' })
    expect(ok(await call('gifts', 'myWelcomeGift', {}, 'o_new1'))).toMatchObject({ type: 'coupon', title: '优惠券「新人礼券」' })
    expect(await store().collection(FACTS).get('invite.welcomed:o_new1')).toMatchObject({ type: 'invite.welcomed', payload: { giftType: 'coupon' } })
    // The inviter has no coupon and no reward yet: theirs stays on the invitee's activation.
    expect((await store().collection<CouponDoc>(COUPONS).find({ openid: INVITER }, { limit: 10 })).items).toHaveLength(0)
    expect(await store().collection('facts').get('invite.activated:o_new1')).toBeNull()
  })

  test('trial days of a circle: the invitee is in the circle on trial for the host-set days', async () => {
    const { circleId } = await paidCircle()
    expect((await setWelcome({ type: 'trial', circleId, days: 5 })).welcomeTitle).toBe('「减脂私教营」5 天体验')
    await joinThrough(await inviteCodeOf(INVITER), 'o_new2')
    const m = await membership(circleId, 'o_new2')
    expect(m).toMatchObject({ source: 'trial', endsAt: runtime.clock.now() + 5 * DAY })
    const mine = ok(await call('membership', 'myMemberships', {}, 'o_new2'))
    expect(JSON.stringify(mine)).toContain('trial')
  })

  test('make-up cards: added to the invitee wallet once', async () => {
    await setWelcome({ type: 'makeupCard', count: 2 })
    const code = await inviteCodeOf(INVITER)
    await joinThrough(code, 'o_new3')
    await joinThrough(code, 'o_new3')
    expect((await store().collection<WalletDoc>(WALLETS).get('o_new3'))?.makeupCards).toBe(2)
    expect(ok(await call('gifts', 'myWelcomeGift', {}, 'o_new3'))).toMatchObject({ type: 'makeupCard', title: '补签卡 ×2' })
  })

  test('no gift for a member who joined without an invite, nor for one whose invite did not count', async () => {
    await setWelcome({ type: 'makeupCard', count: 1 })
    ok(await call('member', 'me', {}, 'o_plain'))
    expect(await store().collection(GIFT_WELCOMES).get('o_plain')).toBeNull()
    expect(ok(await call('gifts', 'myWelcomeGift', {}, 'o_plain'))).toBeNull()
    // An existing member opening an invite link later is not attributed, so gets nothing.
    runtime.clock.advance(DAY)
    await joinThrough(await inviteCodeOf(INVITER), 'o_plain')
    expect(await store().collection(GIFT_WELCOMES).get('o_plain')).toBeNull()
    // Self-invite: nothing.
    const own = await inviteCodeOf('o_self')
    await joinThrough(own, 'o_self')
    expect(await store().collection(GIFT_WELCOMES).get('o_self')).toBeNull()
  })

  test('coupons run out: the join still works, the host sees why in the log', async () => {
    const campaignId = await campaign(runtime, 1)
    await setWelcome({ type: 'coupon', campaignId })
    const code = await inviteCodeOf(INVITER)
    await joinThrough(code, 'o_a')
    await joinThrough(code, 'o_b')
    expect(await store().collection(GIFT_WELCOMES).get('o_b')).toMatchObject({ status: 'failed', reason: '优惠券已发完' })
    const logs = ok(await call('gifts', 'giftLogs', { source: 'welcomes' }, HOST))
    expect(logs.items.map((l) => l.kind).sort()).toEqual(['welcomeFailed', 'welcomed'])
    expect(logs.items.find((l) => l.kind === 'welcomeFailed')?.text).toBe('通过邀请加入，欢迎礼未发放：优惠券已发完')
    expect(ok(await call('gifts', 'hostGifts', {}, HOST)).measures.welcomed).toBe(1)
  })

  test('the settings are checked: a free circle, a missing campaign, bad counts', async () => {
    expect(await call('gifts', 'setWelcomeGift', { welcome: { type: 'coupon', campaignId: 'nope' } }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('gifts', 'setWelcomeGift', { welcome: { type: 'makeupCard', count: 9 } }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('gifts', 'setWelcomeGift', { welcome: { type: 'makeupCard', count: 1 } }, 'o_member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('gift cards (礼品卡)', () => {
  test('bought, paid, claimed by a friend who becomes a member; the buyer sees 已被 X 领取', async () => {
    const { circleId, cardId, orderId } = await paidCard(runtime, 'o_buyer')
    const order = (await store().collection<OrderDoc>(ORDERS).get(orderId))!
    expect(order).toMatchObject({ kind: 'giftCard', status: 'fulfilled', amountFen: 9900, openid: 'o_buyer' })
    // Paying bought the buyer nothing for themselves.
    expect(await membership(circleId, 'o_buyer')).toBeNull()
    const seen = ok(await call('gifts', 'giftCard', { cardId }, 'o_friend'))
    expect(seen).toMatchObject({
      state: 'unclaimed',
      standing: 'claimable',
      circleName: '减脂私教营',
      planName: '月卡',
      days: 30,
      message: '一起变更好',
      claimPath: `packages/gift/card/index?id=${cardId}`
    })
    const claimed = ok(await call('gifts', 'claimGiftCard', { cardId }, 'o_friend'))
    expect(claimed).toMatchObject({ state: 'claimed', standing: 'claimedByYou' })
    const m = await membership(circleId, 'o_friend')
    expect(m).toMatchObject({ source: 'paid', endsAt: runtime.clock.now() + 30 * DAY })
    // Claiming again is answered, not granted twice.
    ok(await call('gifts', 'claimGiftCard', { cardId }, 'o_friend'))
    expect((await membership(circleId, 'o_friend'))!.endsAt).toBe(m!.endsAt)
    const mine = ok(await call('gifts', 'myGiftCards', {}, 'o_buyer'))
    expect(mine.items).toHaveLength(1)
    expect(mine.items[0]).toMatchObject({ state: 'claimed', standing: 'mine', claimedByName: expect.any(String) })
    expect(await store().collection(FACTS).get(`giftCard.claimed:${cardId}`)).toMatchObject({ openid: 'o_friend', payload: { buyer: 'o_buyer', newMember: true } })
    expect(await store().collection(FACTS).get(`giftCard.purchased:${orderId}`)).toMatchObject({ openid: 'o_buyer' })
    const host = ok(await call('gifts', 'hostGifts', {}, HOST))
    expect(host.measures).toMatchObject({ sold: 1, claimed: 1, unclaimed: 0, refunded: 0, revenueFen: 9900, newMembers: 1 })
  })

  test('the buyer cannot claim their own card; a second claimer is refused; both logged for the host', async () => {
    const { cardId } = await paidCard(runtime, 'o_buyer')
    expect(await call('gifts', 'claimGiftCard', { cardId }, 'o_buyer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能领取自己送出的礼品卡，分享给好友吧' } })
    ok(await call('gifts', 'claimGiftCard', { cardId }, 'o_first'))
    expect(await call('gifts', 'claimGiftCard', { cardId }, 'o_second')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '礼品卡已被领取，每张卡只能领取一次' } })
    expect(ok(await call('gifts', 'giftCard', { cardId }, 'o_second')).standing).toBe('claimedByOther')
    const kinds = ok(await call('gifts', 'giftLogs', {}, HOST)).items.map((l) => l.kind)
    expect(kinds.filter((k) => k === 'refused')).toHaveLength(2)
    expect(kinds).toContain('bought')
    expect(kinds).toContain('claimed')
  })

  test('an existing member claiming extends their membership and is not a new member', async () => {
    const circle = await paidCircle()
    const first = await paidCard(runtime, 'o_buyer', circle)
    ok(await call('gifts', 'claimGiftCard', { cardId: first.cardId }, 'o_friend'))
    const second = await paidCard(runtime, 'o_buyer2', circle)
    ok(await call('gifts', 'claimGiftCard', { cardId: second.cardId }, 'o_friend'))
    expect((await membership(circle.circleId, 'o_friend'))!.endsAt).toBe(runtime.clock.now() + 60 * DAY)
    expect(ok(await call('gifts', 'hostGifts', {}, HOST)).measures).toMatchObject({ claimed: 2, newMembers: 1, revenueFen: 19800 })
  })

  test('unclaimed after 30 days: refunded once by the timer run twice; nothing was granted, nothing taken; claim refused after', async () => {
    const { circleId, cardId, orderId } = await paidCard(runtime, 'o_buyer')
    runtime.clock.advance(29 * DAY)
    expect(await runTimer()).toMatchObject({ refunded: 0 })
    runtime.clock.advance(DAY)
    expect(ok(await call('gifts', 'giftCard', { cardId }, 'o_late')).standing).toBe('expired')
    expect(await call('gifts', 'claimGiftCard', { cardId }, 'o_late')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const [one, two] = [await runTimer(), await runTimer()]
    expect(one).toMatchObject({ refunded: 1 })
    expect(two).toMatchObject({ refunded: 0 })
    expect(await store().collection<OrderDoc>(ORDERS).get(orderId)).toMatchObject({ status: 'refunded', refundedFen: 9900 })
    expect(await store().collection<GiftCardDoc>(GIFT_CARDS).get(cardId)).toMatchObject({ state: 'refunded', claimedBy: null })
    expect((await store().collection('refunds').find({ orderId }, { limit: 10 })).items).toHaveLength(1)
    expect(await call('gifts', 'claimGiftCard', { cardId }, 'o_late')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '礼品卡已过期，费用已退还给赠送人' } })
    expect(await membership(circleId, 'o_late')).toBeNull()
    expect(await membership(circleId, 'o_buyer')).toBeNull()
    expect(ok(await call('gifts', 'myGiftCards', {}, 'o_buyer')).items[0]).toMatchObject({ state: 'refunded', standing: 'refunded' })
    expect(ok(await call('gifts', 'hostGifts', {}, HOST)).measures).toMatchObject({ sold: 1, claimed: 0, refunded: 1, revenueFen: 0 })
  })

  test('a claimed card is never refunded by the timer', async () => {
    const { cardId, orderId } = await paidCard(runtime, 'o_buyer')
    ok(await call('gifts', 'claimGiftCard', { cardId }, 'o_friend'))
    runtime.clock.advance(31 * DAY)
    expect(await runTimer()).toMatchObject({ refunded: 0 })
    expect(await store().collection<OrderDoc>(ORDERS).get(orderId)).toMatchObject({ status: 'fulfilled', refundedFen: 0 })
  })

  test('an unpaid card is no card: nothing to claim; a second tap answers the same order', async () => {
    const { circleId, planId } = await paidCircle()
    const a = ok(await call('gifts', 'buyGiftCard', { circleId, planId }, 'o_buyer'))
    const b = ok(await call('gifts', 'buyGiftCard', { circleId, planId }, 'o_buyer'))
    expect(b).toMatchObject({ orderId: a.orderId, cardId: a.cardId, resumed: true })
    expect(await call('gifts', 'claimGiftCard', { cardId: a.cardId }, 'o_friend')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(ok(await call('gifts', 'myGiftCards', {}, 'o_buyer')).items).toHaveLength(0)
  })

  test('gift plans list the paid circles only; a free circle cannot be given', async () => {
    const { circleId } = await paidCircle()
    const free = await createCircle({ name: '晨跑群', description: '', kind: 'free', trialDays: 1, plans: [], fullRefundDays: 0, refundAfter: 'none' })
    const plans = ok(await call('gifts', 'giftPlans', {}, 'o_buyer'))
    expect(plans.map((p) => p.circleId)).toEqual([circleId])
    expect(await call('gifts', 'buyGiftCard', { circleId: free.id, planId: 'x' }, 'o_buyer')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
