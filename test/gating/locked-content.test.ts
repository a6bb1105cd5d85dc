// Challenges and events gated by a circle or a tier are shown locked with what
// unlocks them (the circle's name and lowest plan price, or the tier), in
// lists and on their pages, and the server refuses joining or signing up in
// the same words. Staff are never locked out; a member who unlocks it sees it open.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { PLANS, createCircle } from '../helpers/circle'
import { eventInput as sharedEventInput } from '../helpers/event'
import { challengeInput } from '../checkin/checkin-fixtures'
import { WALLETS, emptyWallet, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import type { CircleInput } from '../../types/membership'
import type { EventInput } from '../../types/events'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

/** 减脂私教营: paid, a 季卡 listed before the cheaper 月卡. */
const paidCircle = (overrides: Partial<CircleInput> = {}) =>
  createCircle({
    name: '减脂私教营',
    description: '付费私教圈',
    plans: [PLANS.quarter, PLANS.month],
    ...overrides
  })

/** A free hike in 滨江 of 10 seats, five days from now. */
function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  const start = runtime.clock.now() + 5 * 24 * 3600_000
  return sharedEventInput({ title: '周末徒步', startAt: start, endAt: start + 3600_000, address: '滨江', capacity: 10, signupDeadline: start - 3600_000, ...overrides })
}

/** The member's tier as the growth system would have raised it (their wallet, written directly: setup). */
async function setTier(openid: string, tierLevel: number) {
  ok(await call('member', 'me', {}, openid))
  const wallets = runtime.store.collection<WalletDoc>(WALLETS)
  const wallet = (await wallets.get(openid)) ?? emptyWallet(openid, runtime.clock.now())
  await wallets.set({ ...wallet, tierLevel })
}

test('a circle challenge is locked for outsiders with the circle and its lowest price; joining is refused in those words', async () => {
  const circle = await paidCircle()
  const challenge = ok(await call('challenges', 'createChallenge', { ...challengeInput(), circleId: circle.id }, HOST))
  const open = ok(await call('challenges', 'createChallenge', { ...challengeInput(), title: '公开挑战' }, HOST))
  const list = ok(await call('checkin', 'listChallenges', {}, 'o_a'))
  const lockOf = (id: string) => list.items.find((c) => c.id === id)!.lock
  expect(lockOf(challenge.id)).toEqual({ kind: 'circle', circleId: circle.id, circleName: '减脂私教营', lowestPriceFen: 9900, text: '加入「减脂私教营」后可参加' })
  expect(lockOf(open.id)).toBeNull()
  expect(ok(await call('checkin', 'getChallenge', { challengeId: challenge.id }, 'o_a')).lock).toMatchObject({ kind: 'circle', lowestPriceFen: 9900 })
  expect(await call('checkin', 'joinChallenge', { challengeId: challenge.id }, 'o_a')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '加入「减脂私教营」后可参加', field: 'circleId' }
  })
  // The host is never locked out.
  expect(ok(await call('checkin', 'getChallenge', { challengeId: challenge.id }, HOST)).lock).toBeNull()
})

test('a tier challenge is locked below the tier (达到 LvN 解锁), open at it', async () => {
  const challenge = ok(await call('challenges', 'createChallenge', { ...challengeInput(), minTierLevel: 3 }, HOST))
  await setTier('o_a', 2)
  expect(ok(await call('checkin', 'getChallenge', { challengeId: challenge.id }, 'o_a')).lock).toEqual({ kind: 'tier', tierLevel: 3, myTierLevel: 2, text: '达到 Lv3 解锁' })
  expect(ok(await call('checkin', 'listChallenges', {}, 'o_a')).items.find((c) => c.id === challenge.id)!.lock).toMatchObject({ kind: 'tier', tierLevel: 3 })
  expect(await call('checkin', 'joinChallenge', { challengeId: challenge.id }, 'o_a')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '达到 Lv3 解锁（你当前 Lv2）', field: 'minTierLevel' }
  })
  await setTier('o_a', 3)
  expect(ok(await call('checkin', 'getChallenge', { challengeId: challenge.id }, 'o_a')).lock).toBeNull()
  expect(ok(await call('checkin', 'joinChallenge', { challengeId: challenge.id }, 'o_a')).joined).toBe(true)
})

test('events take a tier as well as a circle: locked in the list and on the page, refused at signup, open once unlocked', async () => {
  const circle = await paidCircle({ kind: 'free', plans: [] })
  const inCircle = ok(await call('events', 'createEvent', eventInput({ circleId: circle.id }), HOST))
  const tiered = ok(await call('events', 'createEvent', eventInput({ title: 'Lv2 专享', minTierLevel: 2 }), HOST))
  await setTier('o_a', 1)
  const list = ok(await call('events', 'listEvents', { when: 'upcoming' }, 'o_a'))
  expect(list.items.find((e) => e.id === inCircle.id)!.lock).toEqual({ kind: 'circle', circleId: circle.id, circleName: '减脂私教营', lowestPriceFen: null, text: '加入「减脂私教营」后可参加' })
  expect(list.items.find((e) => e.id === tiered.id)!.lock).toMatchObject({ kind: 'tier', text: '达到 Lv2 解锁' })
  expect(await call('events', 'signup', { eventId: tiered.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '达到 Lv2 解锁（你当前 Lv1）' } })
  expect(await call('events', 'signup', { eventId: inCircle.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '加入「减脂私教营」后可参加' } })
  await setTier('o_a', 2)
  ok(await call('membership', 'joinFree', { circleId: circle.id, answers: [] }, 'o_a'))
  expect(ok(await call('events', 'getEvent', { eventId: tiered.id }, 'o_a')).lock).toBeNull()
  expect(ok(await call('events', 'signup', { eventId: tiered.id }, 'o_a')).signup.status).toBe('confirmed')
  expect(ok(await call('events', 'signup', { eventId: inCircle.id }, 'o_a')).signup.status).toBe('confirmed')
  // The host edits the tier like any other field.
  expect(ok(await call('events', 'updateEvent', { eventId: inCircle.id, minTierLevel: 3 }, HOST)).minTierLevel).toBe(3)
})
