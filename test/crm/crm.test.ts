// The host's member CRM on the embedded twin: the list's filters, batch tagging
// (idempotent, bounded), notes, the manual segment surviving the daily job,
// removal with a full refund (access gone, the money adds up), a blocked member
// refused at every door, and join review (idempotent, one membership however
// many admins approve at once, answers kept).
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrder } from '../helpers/pay'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { PLANS, createCircle } from '../helpers/circle'
import type { CircleInput } from '../../types/membership'
import { MEMBERS } from '../../cloudfunctions/domain/members/member'
import { WALLETS, emptyWallet, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { refreshSegments } from '../../cloudfunctions/domain/growth/segments'
import { CIRCLE_MEMBERS } from '../../cloudfunctions/domain/membership/membership'
import { INBOX } from '../../cloudfunctions/domain/inbox/inbox'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const DAY = 24 * 3600_000
/** 读书会, a free circle (the tests that need it paid say so). */
const circle = (overrides: Partial<CircleInput> = {}) => createCircle({ name: '读书会', description: '每周一本书', kind: 'free', plans: [], ...overrides })
const join = async (openid: string, nickname = openid) => {
  ok(await call('member', 'updateProfile', { nickname }, openid))
}
const ids = async (input: Parameters<typeof listOf>[0]) => (await listOf(input)).map((r) => r.memberId).sort()
async function listOf(input: Record<string, unknown>) {
  return ok(await call('host', 'members', input as never, HOST)).items
}

test('filters: 沉默 segment, tag, circle, tier, joined range, nickname search; staff carry their role tag', async () => {
  await join('o_a', '小美')
  runtime.clock.advance(DAY)
  await join('o_b', '阿杰')
  await join('o_c', '大伟')
  const store = runtime.store
  await store.collection<WalletDoc>(WALLETS).set({ ...emptyWallet('o_b', runtime.clock.now()), segment: 'core', tierLevel: 3 })
  const c = await circle()
  ok(await call('membership', 'joinFree', { circleId: c.id, answers: [] }, 'o_c'))
  const tag = ok(await call('host', 'createTag', { name: '高意向', color: 'orange' }, HOST))
  ok(await call('host', 'tagMembers', { memberIds: ['o_a', 'o_c'], tagId: tag.id, op: 'add' }, HOST))

  expect(await ids({ segment: 'silent' })).toEqual(expect.arrayContaining(['o_a', 'o_c']))
  expect(await ids({ segment: 'silent' })).not.toContain('o_b')
  expect(await ids({ tagId: tag.id })).toEqual(['o_a', 'o_c'])
  expect(await ids({ circleId: c.id })).toEqual(['o_c'])
  expect(await ids({ tier: 3 })).toEqual(['o_b'])
  expect(await ids({ joinedFrom: runtime.clock.now() - 3600_000 })).toEqual(expect.arrayContaining(['o_b', 'o_c']))
  expect(await ids({ joinedFrom: runtime.clock.now() - 3600_000 })).not.toContain('o_a')
  expect(await ids({ q: '美' })).toEqual(['o_a'])
  expect(await ids({ tagId: tag.id, circleId: c.id })).toEqual(['o_c'])
  const rows = await listOf({})
  expect(rows.find((r) => r.memberId === HOST)?.roleLabel).toBe('主理人')
  expect(rows.find((r) => r.memberId === 'o_a')?.tags.map((t) => t.name)).toEqual(['高意向'])
})

test('batch tagging is idempotent and bounded at 100 members', async () => {
  await join('o_a')
  await join('o_b')
  const tag = ok(await call('host', 'createTag', { name: '老朋友', color: 'blue' }, HOST))
  expect(ok(await call('host', 'tagMembers', { memberIds: ['o_a', 'o_b'], tagId: tag.id, op: 'add' }, HOST)).changed).toBe(2)
  expect(ok(await call('host', 'tagMembers', { memberIds: ['o_a', 'o_b', 'o_a'], tagId: tag.id, op: 'add' }, HOST)).changed).toBe(0)
  const twice = await Promise.all([1, 2].map(() => call('host', 'tagMembers', { memberIds: ['o_a'], tagId: tag.id, op: 'remove' }, HOST)))
  expect(twice.map((r) => ok(r).changed).sort()).toEqual([0, 1])
  const member = await runtime.store.collection<{ _id: string; tags?: string[] }>(MEMBERS).get('o_b')
  expect(member?.tags).toEqual([tag.id])
  expect(await ids({ tagId: tag.id })).toEqual(['o_b'])
  const tooMany = await call('host', 'tagMembers', { memberIds: Array.from({ length: 101 }, (_, i) => `o_${i}`), tagId: tag.id, op: 'add' }, HOST)
  expect(tooMany.ok).toBe(false)
})

test('notes carry their author and time, newest first on the member page', async () => {
  await join('o_a')
  ok(await call('host', 'addMemberNote', { memberId: 'o_a', text: '第一次见面' }, HOST))
  runtime.clock.advance(60_000)
  ok(await call('host', 'addMemberNote', { memberId: 'o_a', text: '想做分享' }, HOST))
  const detail = ok(await call('host', 'memberDetail', { memberId: 'o_a' }, HOST))
  expect(detail.notes.map((n) => n.text)).toEqual(['想做分享', '第一次见面'])
  expect(detail.notes[0].authorId).toBe(HOST)
  expect(detail.notes[0].createdAt).toBe(runtime.clock.now())
})

test('a manual segment survives the daily segment job; null goes back to automatic', async () => {
  await join('o_a')
  ok(await call('host', 'setMemberSegment', { memberId: 'o_a', segment: 'kol' }, HOST))
  runtime.clock.advance(DAY)
  await refreshSegments(runtime)
  expect(await ids({ segment: 'kol' })).toEqual(['o_a'])
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get('o_a'))?.segment).toBe('kol')
  ok(await call('host', 'setMemberSegment', { memberId: 'o_a', segment: null }, HOST))
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get('o_a'))?.segment).toBe('silent')
})

async function paidMember(openid = 'o_a') {
  const c = await circle({ kind: 'paid', plans: [PLANS.month] })
  const { order } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, openid))
  await payOrder(runtime, order.id)
  return { c, order }
}

test('removing with a full refund takes access back and refunds the whole payment once', async () => {
  const { c, order } = await paidMember()
  expect(ok(await call('membership', 'getCircle', { circleId: c.id }, 'o_a')).membership.status).toBe('active')
  runtime.clock.advance(10 * DAY)
  const result = ok(await call('host', 'removeFromCircle', { memberId: 'o_a', circleId: c.id, block: false, refund: 'full' }, HOST))
  expect(result.refundedFen).toBe(9900)
  const again = ok(await call('host', 'removeFromCircle', { memberId: 'o_a', circleId: c.id, block: false, refund: 'full' }, HOST))
  expect(again.refundedFen).toBe(0)
  expect(ok(await call('membership', 'getOrder', { orderId: order.id }, 'o_a')).refundedFen).toBe(9900)
  expect(['expired', 'refunded']).toContain(ok(await call('membership', 'getCircle', { circleId: c.id }, 'o_a')).membership.status)
})

test('a blocked member can neither rejoin nor pay', async () => {
  const { c } = await paidMember()
  ok(await call('host', 'removeFromCircle', { memberId: 'o_a', circleId: c.id, block: true, refund: 'prorated' }, HOST))
  const buy = await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a')
  expect(buy.ok).toBe(false)
  const free = await circle()
  ok(await call('host', 'removeFromCircle', { memberId: 'o_b', circleId: free.id, block: true, refund: 'none' }, HOST))
  const rejoin = await call('membership', 'joinFree', { circleId: free.id, answers: [] }, 'o_b')
  expect(rejoin.ok).toBe(false)
  if (!rejoin.ok) expect(rejoin.error.message).toContain('移出')
  expect(ok(await call('membership', 'getCircle', { circleId: free.id }, 'o_b')).membership.blocked).toBe(true)
})

test('join review: answers kept, 审核中 until reviewed, approval idempotent and single under concurrent reviewers, the member told', async () => {
  const c = await circle({ reviewRequired: true, joinQuestions: ['为什么想加入？'] })
  const applied = ok(await call('membership', 'joinFree', { circleId: c.id, answers: ['想多读书'] }, 'o_a'))
  expect(applied.status).toBe('none')
  expect(applied.application?.status).toBe('pending')
  expect(ok(await call('membership', 'getCircle', { circleId: c.id }, 'o_a')).membership.application?.status).toBe('pending')
  const list = ok(await call('host', 'joinApplications', {}, HOST)).items
  expect(list).toHaveLength(1)
  expect(list[0].answers).toEqual(['想多读书'])
  expect(list[0].questions).toEqual(['为什么想加入？'])
  await call('member', 'me', {} as never, 'o_admin2')
  await runtime.store.collection(MEMBERS).update('o_admin2', { set: { role: 'admin' } })
  const both = await Promise.all([HOST, 'o_admin2'].map((who) => call('host', 'reviewJoin', { applicationId: list[0].id, decision: 'approve' }, who)))
  expect(both.every((r) => r.ok)).toBe(true)
  expect(ok(await call('host', 'reviewJoin', { applicationId: list[0].id, decision: 'approve' }, HOST)).status).toBe('approved')
  expect((await call('host', 'reviewJoin', { applicationId: list[0].id, decision: 'reject' }, HOST)).ok).toBe(false)
  expect(await runtime.store.collection(CIRCLE_MEMBERS).count({ circleId: c.id })).toBe(1)
  expect(ok(await call('membership', 'getCircle', { circleId: c.id }, 'o_a')).membership.status).toBe('active')
  const messages = (await runtime.store.collection<{ _id: string; openid: string; title: string }>(INBOX).find({ openid: 'o_a' }, { limit: 100 })).items
  expect(messages.map((m) => m.title)).toEqual(['「读书会」入圈申请已通过'])
})

test('join review: a rejection with its reason, shown to the member, who may apply again', async () => {
  const c = await circle({ reviewRequired: true })
  ok(await call('membership', 'joinFree', { circleId: c.id, answers: [] }, 'o_a'))
  const [app] = ok(await call('host', 'joinApplications', { circleId: c.id }, HOST)).items
  const rejected = ok(await call('host', 'reviewJoin', { applicationId: app.id, decision: 'reject', reason: '名额已满' }, HOST))
  expect(rejected.status).toBe('rejected')
  expect(ok(await call('host', 'reviewJoin', { applicationId: app.id, decision: 'reject' }, HOST)).reason).toBe('名额已满')
  const mine = ok(await call('membership', 'getCircle', { circleId: c.id }, 'o_a')).membership
  expect(mine.application).toEqual({ status: 'rejected', reason: '名额已满', answers: [] })
  expect(mine.status).toBe('none')
  ok(await call('membership', 'joinFree', { circleId: c.id, answers: [] }, 'o_a'))
  expect(ok(await call('host', 'joinApplications', { circleId: c.id }, HOST)).items).toHaveLength(1)
})

test('the member page for hosts: joined, invites, tier, points, check-ins, orders and circles', async () => {
  const { c } = await paidMember()
  const detail = ok(await call('host', 'memberDetail', { memberId: 'o_a' }, HOST))
  expect(detail.orders.paidFen).toBe(9900)
  expect(detail.circles.map((x) => x.circleId)).toEqual([c.id])
  expect(detail.member.tierLevel).toBeGreaterThanOrEqual(1)
  expect(detail.invitees.count).toBe(0)
})
