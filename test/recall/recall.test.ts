// Recall campaigns with a holdout, automations and the message centre on the
// embedded twin: who is held out (recorded, ~10 %), resumable and idempotent
// sending (sequential and concurrent cron runs), return and revenue lift, once
// per occurrence for automations, never to staff, unread counts and gifts.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { runJobsByName } from '../../cloudfunctions/domain/jobs/jobs'
import { WALLETS, emptyWallet, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { INBOX, type InboxMessageDoc } from '../../cloudfunctions/domain/inbox/inbox'
import { RECALL_TARGETS, isHeldOut, type RecallTargetDoc } from '../../cloudfunctions/domain/recall/campaigns'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { COLLECTIONS } from '../../cloudfunctions/platform/collections'
import { COUPONS } from '../../cloudfunctions/domain/rewards/coupons'
import { CIRCLE_MEMBERS, type CircleMemberDoc } from '../../cloudfunctions/domain/membership/membership'
import { PARTICIPANTS, newParticipant } from '../../cloudfunctions/domain/checkin/participant'
import { chinaDate, addDays } from '../../cloudfunctions/domain/time/china-calendar'
import type { Segment } from '../../types/growth'

const DAY = 24 * 3600_000
/** Documents written straight to the store in setup (only the fields the jobs read). */
type Loose = { _id: string } & Record<string, unknown>
let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
})
afterEach(async () => {
  await closeTestRuntime(runtime)
})

/** Members with wallets in a segment, written straight to the store (setup). */
async function seedMembers(count: number, segment: Segment, prefix = 'o_m'): Promise<string[]> {
  const now = runtime.clock.now()
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const openid = `${prefix}${String(i).padStart(4, '0')}`
    ids.push(openid)
    await runtime.store.collection<MemberDoc>(MEMBERS).insert({ _id: openid, nickname: `成员${i}`, avatarFileId: '', role: 'member', joinedAt: now - 60 * DAY, updatedAt: now })
    await runtime.store.collection<WalletDoc>(WALLETS).insert({ ...emptyWallet(openid, now), segment, growth: i })
  }
  return ids
}

async function sendAll(): Promise<number> {
  for (let run = 1; run <= 100; run++) {
    const report = await runJobsByName(runtime, ['sendRecalls'])
    if (Object.values(report.jobs[0].counts).every((n) => n === 0)) return run
  }
  throw new Error('sending never finished')
}

/** Every target of a campaign (setup reads, paged). */
async function targetsOf(campaignId: string): Promise<RecallTargetDoc[]> {
  const all: RecallTargetDoc[] = []
  let after: string | null = null
  do {
    const page = await runtime.store.collection<RecallTargetDoc>(RECALL_TARGETS).find({ campaignId }, { limit: 100, after })
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

test('holdout: ~10 % of 1,000 silent members, recorded per member by hash; the holdout gets no message; staff never targeted; no duplicates across runs', async () => {
  const members = await seedMembers(1000, 'silent')
  // One of them is an admin, and the host has a silent wallet too: neither is targeted.
  await runtime.store.collection<MemberDoc>(MEMBERS).update(members[5], { set: { role: 'admin' } })
  await runtime.store.collection<WalletDoc>(WALLETS).insert({ ...emptyWallet(HOST, runtime.clock.now()), segment: 'silent' })
  const campaign = ok(await call('marketing', 'createRecallCampaign', { requestId: 'recall-1000-a', segment: 'silent', title: '好久不见', body: '回来打个卡吧' }, HOST))
  expect(campaign.holdoutPercent).toBe(10)
  // Two cron runs at once, then the rest one by one.
  await Promise.all([runJobsByName(runtime, ['sendRecalls']), runJobsByName(runtime, ['sendRecalls'])])
  await sendAll()
  const targets = await targetsOf(campaign.id)
  // 1,000 members and the host's wallet, less the admin and the host.
  expect(targets).toHaveLength(999)
  expect(targets.some((t) => t.openid === members[5] || t.openid === HOST)).toBe(false)
  const holdout = targets.filter((t) => t.group === 'holdout')
  expect(holdout.length).toBeGreaterThan(70)
  expect(holdout.length).toBeLessThan(130)
  for (const t of targets) expect(t.group === 'holdout').toBe(isHeldOut(campaign.id, t.openid, 10))
  const messages = await runtime.store.collection<InboxMessageDoc>(INBOX).count({ source: 'recall' })
  expect(messages).toBe(999 - holdout.length)
  for (const t of holdout.slice(0, 20)) expect(await runtime.store.collection(INBOX).get(`recall:${campaign.id}:${t.openid}`)).toBeNull()
  const view = ok(await call('marketing', 'recallCampaign', { campaignId: campaign.id }, HOST))
  expect(view).toMatchObject({ status: 'sent', treated: { members: 999 - holdout.length }, holdout: { members: holdout.length } })
  // Sending again sends nothing.
  expect((await runJobsByName(runtime, ['sendRecalls'])).jobs[0].counts).toEqual({ sent: 0, heldOut: 0, finished: 0 })
})

test('a silent campaign reaches members who never earned anything (no wallet), not active ones', async () => {
  const now = runtime.clock.now()
  for (const id of ['o_never1', 'o_never2'])
    await runtime.store.collection<MemberDoc>(MEMBERS).insert({ _id: id, nickname: id, avatarFileId: '', role: 'member', joinedAt: now - 40 * DAY, updatedAt: now })
  const [active] = await seedMembers(1, 'ordinary', 'o_active')
  const campaign = ok(await call('marketing', 'createRecallCampaign', { requestId: 'recall-walletless', segment: 'silent', title: '好久不见', body: '回来打个卡吧', holdoutPercent: 0 }, HOST))
  await sendAll()
  const targets = (await targetsOf(campaign.id)).map((t) => t.openid).sort()
  expect(targets).toEqual(['o_never1', 'o_never2'])
  expect(targets).not.toContain(active)
})

test('a campaign narrowed by a tag reaches only the tagged members of its segment', async () => {
  const members = await seedMembers(6, 'silent', 'o_tagged')
  const tag = ok(await call('host', 'createTag', { name: '待召回', color: 'orange' }, HOST))
  ok(await call('host', 'tagMembers', { memberIds: members.slice(0, 3), tagId: tag.id, op: 'add' }, HOST))
  const campaign = ok(await call('marketing', 'createRecallCampaign', { requestId: 'recall-by-tag', segment: 'silent', tag: tag.id, title: '好久不见', body: '回来打个卡吧', holdoutPercent: 0 }, HOST))
  await sendAll()
  expect((await targetsOf(campaign.id)).map((t) => t.openid).sort()).toEqual(members.slice(0, 3))
})

test('a treated member who checks in after the message counts as returned; lift and revenue by group', async () => {
  const members = await seedMembers(40, 'silent')
  const campaign = ok(await call('marketing', 'createRecallCampaign', { requestId: 'recall-lift-a', segment: 'silent', title: '好久不见', body: '回来打个卡吧', holdoutPercent: 50 }, HOST))
  await sendAll()
  const targets = await targetsOf(campaign.id)
  const treated = targets.filter((t) => t.group === 'treated')
  const holdout = targets.filter((t) => t.group === 'holdout')
  expect(treated.length).toBeGreaterThan(5)
  expect(holdout.length).toBeGreaterThan(5)
  runtime.clock.advance(3600_000)
  const checkins = runtime.store.collection<Loose>(COLLECTIONS.checkins.name)
  // Half the treated members check in, one holdout member does; a check-in before the send does not count.
  for (const t of treated.slice(0, 4)) await checkins.insert({ openid: t.openid, status: 'visible', createdAt: runtime.clock.now(), challengeId: 'c' })
  await checkins.insert({ openid: holdout[0].openid, status: 'visible', createdAt: runtime.clock.now(), challengeId: 'c' })
  await checkins.insert({ openid: holdout[1].openid, status: 'visible', createdAt: runtime.clock.now() - 5 * DAY, challengeId: 'c' })
  const orders = runtime.store.collection<Loose>(COLLECTIONS.orders.name)
  await orders.insert({ openid: treated[0].openid, createdAt: runtime.clock.now(), paidAt: runtime.clock.now(), amountFen: 9900, refundedFen: 0, status: 'fulfilled' })
  runtime.clock.advance(DAY)
  await runJobsByName(runtime, ['measureRecalls'])
  let view = ok(await call('marketing', 'recallCampaign', { campaignId: campaign.id }, HOST))
  expect(view.treated).toMatchObject({ members: treated.length, returned: 4, revenueFen: 9900 })
  expect(view.holdout).toMatchObject({ members: holdout.length, returned: 1, revenueFen: 0 })
  expect(view.returnLiftPoints).toBeCloseTo(Math.round((4 / treated.length - 1 / holdout.length) * 1000) / 10)
  expect(view.revenueLiftPerMemberFen).toBe(Math.round(9900 / treated.length))
  // Measured again at 3 and 7 days: nothing counted twice; the windows close.
  runtime.clock.advance(7 * DAY)
  await runJobsByName(runtime, ['measureRecalls'])
  await runJobsByName(runtime, ['measureRecalls'])
  view = ok(await call('marketing', 'recallCampaign', { campaignId: campaign.id }, HOST))
  expect(view.treated.returned).toBe(4)
  expect(view.holdout.returned).toBe(1)
  expect(view.treated.revenueFen).toBe(9900)
  expect(view.measuredFinal).toBe(targets.length)
  const list = ok(await call('marketing', 'recallCampaigns', {}, HOST))
  expect(list.items[0]).toMatchObject({ id: campaign.id, treated: { returned: 4 }, holdout: { returned: 1 } })
  expect(members).toHaveLength(40)
})

test('inbox: unread count, markRead (own messages only), and a gift claimed twice (and at once) is given once', async () => {
  const [a, b] = await seedMembers(2, 'silent', 'o_inbox')
  const coupon = ok(
    await call(
      'rewards',
      'createCampaign',
      {
        name: '回归立减 10 元',
        kind: 'amountOff',
        amountOffFen: 1000,
        percentOff: 0,
        minSpendFen: 0,
        validFrom: runtime.clock.now() - 1000,
        validTo: runtime.clock.now() + 30 * DAY,
        appliesTo: ['membership'],
        stock: 1
      },
      HOST
    )
  )
  ok(
    await call(
      'marketing',
      'createRecallCampaign',
      { requestId: 'recall-gift-a', segment: 'silent', title: '送你一张券', body: '回来看看', gift: { kind: 'coupon', campaignId: coupon.id }, holdoutPercent: 0 },
      HOST
    )
  )
  ok(
    await call(
      'marketing',
      'createRecallCampaign',
      { requestId: 'recall-gift-b', segment: 'silent', title: '送你补卡', body: '回来打卡', gift: { kind: 'makeupCard', count: 2 }, holdoutPercent: 0 },
      HOST
    )
  )
  await sendAll()
  expect(ok(await call('member', 'unreadCount', {}, a))).toEqual({ unread: 2 })
  const page = ok(await call('member', 'inbox', {}, a))
  expect(page.items).toHaveLength(2)
  expect(page.items.find((m) => m.title === '送你一张券')!.giftLabel).toBe('「回归立减 10 元」优惠券')
  // b cannot mark a's message read.
  expect(ok(await call('member', 'markRead', { messageIds: [page.items[0].id] }, b))).toEqual({ unread: 2 })
  expect(ok(await call('member', 'markRead', { messageIds: [page.items[0].id] }, a))).toEqual({ unread: 1 })
  const couponMessage = page.items.find((m) => m.title === '送你一张券')!
  // Two claims at once, then a third: one coupon (the campaign's stock of 1 is not drawn from: it was given).
  const claims = await Promise.all([call('member', 'claimGift', { messageId: couponMessage.id }, a), call('member', 'claimGift', { messageId: couponMessage.id }, a)])
  const again = ok(await call('member', 'claimGift', { messageId: couponMessage.id }, a))
  expect(claims.map((c) => ok(c).claimedNow).filter(Boolean)).toHaveLength(1)
  expect(again.claimedNow).toBe(false)
  expect(await runtime.store.collection(COUPONS).count({ openid: a })).toBe(1)
  const cardMessage = page.items.find((m) => m.title === '送你补卡')!
  await Promise.all([call('member', 'claimGift', { messageId: cardMessage.id }, a), call('member', 'claimGift', { messageId: cardMessage.id }, a)])
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get(a))!.makeupCards).toBe(2)
  expect(ok(await call('member', 'unreadCount', {}, a))).toEqual({ unread: 0 })
  // b cannot claim a's gift.
  expect((await call('member', 'claimGift', { messageId: couponMessage.id }, b)).ok).toBe(false)
})

test('automations: each sends once per member per occurrence (cron run twice), inbox always, WeChat only with a grant, never to staff', async () => {
  const now = runtime.clock.now()
  // Members from before the automations were switched on (no welcome for them).
  ok(await call('member', 'recordSubscribeGrants', { requestId: 'grant-0000001', accepted: ['communityNotice'] }, 'o_silent'))
  for (const openid of ['o_silent2', 'o_long']) ok(await call('member', 'me', {}, openid))
  runtime.clock.advance(1000)
  for (const kind of ['welcome', 'trialEnding', 'renewalDue', 'silent', 'streakBroken'] as const) ok(await call('marketing', 'updateAutomation', { kind, enabled: true }, HOST))
  ok(await call('marketing', 'updateAutomation', { kind: 'silent', title: '想你了', body: '回来打卡吧' }, HOST))
  runtime.clock.advance(1000)
  // A new member joins (welcome); an admin joins too (never).
  ok(await call('member', 'me', {}, 'o_new'))
  ok(await call('member', 'me', {}, 'o_staff'))
  await runtime.store.collection<MemberDoc>(MEMBERS).update('o_staff', { set: { role: 'admin' } })
  // Silent 20 days (last active 20 days ago), one with a grant for the WeChat message, one without; and one silent 40 days (a campaign's business).
  for (const openid of ['o_silent', 'o_silent2', 'o_staff', 'o_long']) {
    await runtime.store.collection<Loose>(MEMBERS).update(openid, { set: { lastActiveAt: now - (openid === 'o_long' ? 40 : 20) * DAY } })
  }
  const today = chinaDate(runtime.clock.now())
  // A trial ending in 1.5 days, a paid membership ending in 2.5 days.
  const circleMembers = runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const base = { startedAt: now - 5 * DAY, trialUsed: true, remindedFor: null, expiredNoticeFor: null }
  await circleMembers.insert({ _id: 'c1:o_trial', circleId: 'c1', openid: 'o_trial', endsAt: runtime.clock.now() + 1.5 * DAY, source: 'trial', ...base })
  await circleMembers.insert({ _id: 'c1:o_paid', circleId: 'c1', openid: 'o_paid', endsAt: runtime.clock.now() + 2.5 * DAY, source: 'paid', ...base })
  // A 5-day streak that broke yesterday in a running challenge.
  await runtime.store.collection<Loose>(COLLECTIONS.challenges.name).insert({ _id: 'ch1', title: '早起', startDate: addDays(today, -10), endDate: addDays(today, 10), archived: false })
  const participant = newParticipant('ch1', 'o_streak', now)
  await runtime.store.collection<Loose>(PARTICIPANTS).insert({ ...participant, doneDates: [-6, -5, -4, -3, -2].map((d) => addDays(today, d)) })
  await runJobsByName(runtime, ['runAutomations'])
  await runJobsByName(runtime, ['runAutomations'])
  const inbox = runtime.store.collection<InboxMessageDoc>(INBOX)
  const sources = async (openid: string) => (await inbox.find({ openid }, { limit: 20 })).items.map((m) => m.source).sort()
  expect(await sources('o_new')).toEqual(['auto:welcome'])
  expect(await sources('o_staff')).toEqual([])
  expect(await sources('o_silent')).toEqual(['auto:silent'])
  expect(await sources('o_silent2')).toEqual(['auto:silent'])
  expect(await sources('o_long')).toEqual([])
  expect(await sources('o_trial')).toEqual(['auto:trialEnding'])
  expect(await sources('o_paid')).toEqual(['auto:renewalDue'])
  expect(await sources('o_streak')).toEqual(['auto:streakBroken'])
  expect((await inbox.find({ openid: 'o_silent' }, { limit: 1 })).items[0]).toMatchObject({ title: '想你了', body: '回来打卡吧' })
  expect((await inbox.find({ openid: 'o_streak' }, { limit: 1 })).items[0].action).toEqual({ kind: 'gift', gift: { kind: 'makeupCard', count: 1 } })
  // The WeChat notice only where granted.
  expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'communityNotice' })).toBe(1)
  const views = ok(await call('marketing', 'automations', {}, HOST))
  expect(views.find((v) => v.kind === 'silent')!.sent).toBe(2)
  // A later day: still once per occurrence.
  runtime.clock.advance(DAY)
  await runJobsByName(runtime, ['runAutomations'])
  expect(await sources('o_silent')).toEqual(['auto:silent'])
  expect(await sources('o_trial')).toEqual(['auto:trialEnding'])
})
