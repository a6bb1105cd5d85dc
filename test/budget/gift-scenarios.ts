// Budget scenarios of 送 gifts (the fission function's gift actions), the invite
// join that gives the welcome gift (member.me with an invite code), a gift-card
// order's payment notify, and the refundUnclaimedGiftCards cron job. Spread
// into scenarios.ts.
import { payNotifyMain } from '../../cloudfunctions/functions'
import { callRaw } from '../helpers/test-runtime'
import type { WelcomeGift } from '../../types/gift'
import { AJIE, DAY, HOST, LILY, XIAOMEI, type World } from './world'
import { scenario, member, host } from '../plays/budget'
import type { Scenario } from './scenarios'
import { payOrderOk } from '../helpers/pay'

let fresh = 0
const someone = () => `o_gift_${String(++fresh).padStart(5, '0')}`

async function camp(w: World): Promise<{ circleId: string; planId: string }> {
  const circle = await w.doc<{ _id: string; plans: Array<{ id: string }> }>('circles', { name: '减脂私教营' })
  return { circleId: circle._id, planId: circle.plans[0].id }
}

const pay = (w: World, orderId: string) => payOrderOk(w.runtime, orderId)

/** A paid card of the camp's plan bought by `buyer` (setup). */
async function paidCard(w: World, buyer = someone()): Promise<string> {
  const { circleId, planId } = await camp(w)
  const bought = await w.call('gifts', 'buyGiftCard', { circleId, planId, message: '一起练' }, buyer)
  await pay(w, bought.orderId)
  return bought.cardId
}

async function welcome(w: World, kind: WelcomeGift['type']): Promise<void> {
  const now = w.now()
  let gift: WelcomeGift = { type: 'none' }
  if (kind === 'coupon') {
    const c = await w.call(
      'rewards',
      'createCampaign',
      {
        name: '新人礼券',
        kind: 'amountOff',
        amountOffFen: 1000,
        percentOff: 0,
        minSpendFen: 0,
        validFrom: now - DAY,
        validTo: now + 60 * DAY,
        appliesTo: ['membership'],
        stock: 1000,
        channel: 'reward'
      },
      HOST
    )
    gift = { type: 'coupon', campaignId: c.id }
  } else if (kind === 'trial') gift = { type: 'trial', circleId: (await camp(w)).circleId, days: 7 }
  else if (kind === 'makeupCard') gift = { type: 'makeupCard', count: 2 }
  await w.call('gifts', 'setWelcomeGift', { welcome: gift }, HOST)
}

/** A new WeChat user's first call, carrying Lily's invite code: the member is made, the invite recorded, the welcome gift given. */
async function inviteJoin(w: World, kind: WelcomeGift['type']) {
  await welcome(w, kind)
  const { code } = await w.call('leaderboard', 'myInvite', {}, LILY)
  const { data, usage } = await w.measureWork(() => callRaw('member', { action: 'me', inviteCode: code }, someone()))
  if (!data.ok) throw new Error(`member.me failed: ${data.error.message}`)
  return usage
}

export const GIFT_SCENARIOS: Scenario[] = [
  host('gifts.setWelcomeGift', async (w) => (await w.measure('gifts', 'setWelcomeGift', { welcome: { type: 'trial', circleId: (await camp(w)).circleId, days: 7 } }, HOST)).usage),
  // The measures with cards at ten prices (the most the settings count revenue by).
  host('gifts.hostGifts', async (w) => {
    await paidCard(w)
    const settings = w.runtime.store.collection('gift_settings')
    await settings.update('welcome', { set: { soldPrices: [9900, 100, 200, 300, 400, 500, 600, 700, 800, 900] } })
    return (await w.measure('gifts', 'hostGifts', {}, HOST)).usage
  }),
  host('gifts.giftLogs', async (w) => {
    for (let i = 0; i < 12; i++) await paidCard(w)
    return (await w.measure('gifts', 'giftLogs', {}, HOST)).usage
  }),
  host('gifts.giftLogs.welcomes', async (w) => {
    await welcome(w, 'makeupCard')
    const { code } = await w.call('leaderboard', 'myInvite', {}, LILY)
    for (let i = 0; i < 12; i++) await w.call('member', 'me', { inviteCode: code }, someone())
    return (await w.measure('gifts', 'giftLogs', { source: 'welcomes' }, HOST)).usage
  }),
  member('gifts.giftPlans', async (w) => (await w.measure('gifts', 'giftPlans', {}, XIAOMEI)).usage),
  member('gifts.buyGiftCard.first', async (w) => (await w.measure('gifts', 'buyGiftCard', { ...(await camp(w)), message: '送你一个月' }, AJIE)).usage),
  member('gifts.buyGiftCard.again', async (w) => {
    await w.call('gifts', 'buyGiftCard', await camp(w), AJIE)
    return (await w.measure('gifts', 'buyGiftCard', await camp(w), AJIE)).usage
  }),
  member('gifts.myGiftCards', async (w) => {
    for (let i = 0; i < 11; i++) {
      const cardId = await paidCard(w, AJIE)
      if (i % 2 === 0) await w.call('gifts', 'claimGiftCard', { cardId }, someone())
    }
    return (await w.measure('gifts', 'myGiftCards', {}, AJIE)).usage
  }),
  member('gifts.giftCard', async (w) => (await w.measure('gifts', 'giftCard', { cardId: await paidCard(w, AJIE) }, XIAOMEI)).usage),
  member('gifts.claimGiftCard.newMember', async (w) => (await w.measure('gifts', 'claimGiftCard', { cardId: await paidCard(w, AJIE) }, someone())).usage),
  // 小美 is already in the camp: her membership is extended.
  member('gifts.claimGiftCard.extends', async (w) => (await w.measure('gifts', 'claimGiftCard', { cardId: await paidCard(w, AJIE) }, XIAOMEI)).usage),
  member('gifts.claimGiftCard.taken', async (w) => {
    const cardId = await paidCard(w, AJIE)
    await w.call('gifts', 'claimGiftCard', { cardId }, someone())
    const { data, usage } = await w.measureWork(() => callRaw('gifts', { action: 'claimGiftCard', cardId }, XIAOMEI))
    if (data.ok || data.error.code !== 'CONFLICT') throw new Error('expected 已被领取')
    return usage
  }),
  member('gifts.claimGiftCard.ownCard', async (w) => {
    const cardId = await paidCard(w, AJIE)
    const { data, usage } = await w.measureWork(() => callRaw('gifts', { action: 'claimGiftCard', cardId }, AJIE))
    if (data.ok || data.error.code !== 'FORBIDDEN') throw new Error('expected the buyer refused')
    return usage
  }),
  member('gifts.myWelcomeGift', async (w) => {
    await welcome(w, 'makeupCard')
    const { code } = await w.call('leaderboard', 'myInvite', {}, LILY)
    const newcomer = someone()
    await w.call('member', 'me', { inviteCode: code }, newcomer)
    return (await w.measure('gifts', 'myWelcomeGift', {}, newcomer)).usage
  }),
  member('member.me.inviteWelcomeCoupon', (w) => inviteJoin(w, 'coupon')),
  member('member.me.inviteWelcomeTrial', (w) => inviteJoin(w, 'trial')),
  member('member.me.inviteWelcomeMakeupCard', (w) => inviteJoin(w, 'makeupCard')),
  member('member.me.inviteNoWelcome', (w) => inviteJoin(w, 'none')),
  scenario('payNotify.notify.giftCard', 'member', async (w) => {
    const { orderId } = await w.call('gifts', 'buyGiftCard', await camp(w), AJIE)
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  })
]

export const GIFT_BACKLOG: Record<string, (w: World) => Promise<void>> = {
  async refundUnclaimedGiftCards(w) {
    // 45 cards nobody claimed, paid 30 days ago: more than two runs' batches of 20.
    for (let i = 0; i < 45; i++) await paidCard(w)
    w.clock.advance(30 * DAY + 60_000)
  }
}
