// Events: the 500-for-50 signup race gives exactly 50 seats, and sequential signups per second.
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { setRuntime } from '../cloudfunctions/platform/runtime'
import { createEvent } from '../cloudfunctions/domain/events/admin'
import { signup } from '../cloudfunctions/domain/events/signups'
import { EVENTS, SIGNUPS, type EventDoc } from '../cloudfunctions/domain/events/event'
import { withConflictRetries } from '../cloudfunctions/platform/conflict-retries'

export async function benchEvents(): Promise<Record<string, number | boolean>> {
  const runtime = createLocalRuntime({ dataDir: ':memory:' })
  setRuntime(runtime)
  const now = Date.parse('2026-11-23T10:00:00+08:00')
  const start = Date.parse('2026-12-06T14:00:00+08:00')
  const host = { openid: 'host', role: 'owner' as const }
  const base = {
    description: '',
    coverFileId: '',
    startAt: start,
    endAt: start + 3600_000,
    mode: 'offline' as const,
    address: '上海',
    onlineLink: '',
    feeFen: 0,
    tierDiscount: false,
    signupDeadline: start,
    circleId: null,
    refundableHoursBefore: 0,
    feeReturn: 'none' as const
  }
  const race = await createEvent(runtime, host, { ...base, title: 'race', capacity: 50 }, now)
  // Each signup as the router runs it: a transaction that loses the seat counter's write conflict runs again after a jittered pause.
  const results = await Promise.all(Array.from({ length: 500 }, (_, i) => withConflictRetries(() => signup(runtime, { openid: `o${i}`, role: 'member' }, race.id, now))))
  const seated = results.filter((r) => r.signup.status === 'confirmed').length
  const waitlisted = results.filter((r) => r.signup.status === 'waitlisted').length
  const event = (await runtime.store.collection<EventDoc>(EVENTS).get(race.id))!
  const records = await runtime.store.collection(SIGNUPS).count({ eventId: race.id, status: 'confirmed' })

  const big = await createEvent(runtime, host, { ...base, title: 'big', capacity: 10000 }, now)
  const count = 2000
  const t = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await signup(runtime, { openid: `s${i}`, role: 'member' }, big.id, now)
  const seconds = Number(process.hrtime.bigint() - t) / 1e9
  setRuntime(null)
  await runtime.store.close()
  return {
    signup_race_ok: seated === 50 && waitlisted === 450 && event.seatsTaken === 50 && records === 50,
    signups_per_s: Math.round(count / seconds)
  }
}
