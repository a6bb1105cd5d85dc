import { HOST, call, callRaw, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { FUNCTIONS } from '../../cloudfunctions/functions'
import { OUTBOX, enqueueSubscribeMessage, type OutboxDoc } from '../../cloudfunctions/domain/outbox/outbox'
import { LEASE_MS, MAX_ATTEMPTS, backoffAfter, drainOutbox } from '../../cloudfunctions/domain/outbox/drain-outbox'
import { NOTIFICATIONS } from '../../cloudfunctions/adapters/local/local-notifier'
import { NotifyError, type SubscribeMessage } from '../../cloudfunctions/ports/notifier'
import { localContextFor, localTimerContext } from '../../cloudfunctions/platform/caller'
import { CRON_JOBS } from '../../cloudfunctions/domain/jobs/community-jobs'

const JOB_NAMES = CRON_JOBS.map((job) => job.name)

const timer = { Type: 'Timer', TriggerName: 'every-minute', Time: '2026-11-23T02:00:00Z' }
const message = (openid: string): SubscribeMessage => ({ openid, template: 'welcome', data: { thing1: '欢迎' } })
/** Gives the member grants for the welcome template directly (as recordSubscribeGrants would). */
const grantWelcome = (openid: string, count = 1) => runtime.store.collection('subscribe_grants').set({ _id: `${openid}:welcome`, openid, template: 'welcome', count, updatedAt: 0 } as never)

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const outbox = () => runtime.store.collection<OutboxDoc>(OUTBOX)

test('the timer trigger delivers due messages once; running it again changes nothing', async () => {
  await call('member', 'me', {}, 'o_a')
  await call('member', 'me', {}, 'o_b')
  // A welcome is sent only to members who granted it (WeChat refuses the rest: 43101).
  await call('member', 'recordSubscribeGrants', { requestId: 'welcome-a-1', accepted: ['welcome'] }, 'o_a')
  await call('member', 'recordSubscribeGrants', { requestId: 'welcome-b-1', accepted: ['welcome'] }, 'o_b')
  type Report = { jobs: Array<{ job: string; counts: Record<string, number> }> }
  const drained = (report: Report) => report.jobs.find((j) => j.job === 'drainOutbox')!.counts
  const first = ok(await FUNCTIONS.cron.main(timer, localTimerContext('r1'))) as Report
  // The timer runs every job in the registry's order, draining the outbox last so what the other jobs queued goes out in the same run.
  expect(first.jobs.map((j) => j.job)).toEqual(JOB_NAMES)
  expect(JOB_NAMES.at(-1)).toBe('drainOutbox')
  expect(drained(first)).toEqual({ sent: 2, retried: 0, failed: 0, skipped: 0 })
  const fingerprint = runtime.store.fingerprint()
  const second = ok(await FUNCTIONS.cron.main(timer, localTimerContext('r2'))) as Report
  expect(drained(second)).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 })
  expect(runtime.store.fingerprint()).toBe(fingerprint)
  expect(await runtime.store.collection(NOTIFICATIONS).count({})).toBe(2)
})

test('enqueueing the same key twice queues one message', async () => {
  await enqueueSubscribeMessage(runtime.store, { key: 'k', message: message('o_a'), now: runtime.clock.now() })
  await enqueueSubscribeMessage(runtime.store, { key: 'k', message: message('o_a'), now: runtime.clock.now() })
  expect(await outbox().count({})).toBe(1)
})

test('the timer is recognised by its trigger source: a call shaped like a timer event from anywhere else is refused, nothing runs', async () => {
  await call('member', 'me', {}, 'o_a')
  const fingerprint = runtime.store.fingerprint()
  const refused = { ok: false, error: { code: 'FORBIDDEN' } }
  // anonymous (no context, no source), a member's call, a source chain with a client in it, a timer source that also names a caller
  expect(await FUNCTIONS.cron.main(timer, undefined)).toMatchObject(refused)
  expect(await FUNCTIONS.cron.main(timer, { request_id: 'anon' })).toMatchObject(refused)
  expect(await FUNCTIONS.cron.main(timer, localContextFor('o_a', 'cron', 'm'))).toMatchObject(refused)
  expect(await FUNCTIONS.cron.main(timer, { request_id: 'x', environment: JSON.stringify({ TCB_SOURCE: 'wx_client,scf', TRIGGER_SRC: 'timer' }) })).toMatchObject(refused)
  expect(await FUNCTIONS.cron.main(timer, { request_id: 'y', environment: JSON.stringify({ TRIGGER_SRC: 'timer', WX_OPENID: 'o_a' }) })).toMatchObject(refused)
  expect(runtime.store.fingerprint()).toBe(fingerprint)
  // CloudBase's timer: TRIGGER_SRC 'timer' (or the source chain 'wx_trigger'), in the new and the old context shapes
  expect((ok(await FUNCTIONS.cron.main(timer, { request_id: 't1', environment: JSON.stringify({ TRIGGER_SRC: 'timer', TCB_ENV: 'env' }) })) as { jobs: unknown[] }).jobs.length).toBeGreaterThan(0)
  expect((ok(await FUNCTIONS.cron.main(timer, { request_id: 't2', environ: 'TCB_SOURCE=wx_trigger;TCB_ENV=env' })) as { jobs: unknown[] }).jobs.length).toBeGreaterThan(0)
})

test('a stale WX_OPENID in a warm instance does not make the timer skip cron', async () => {
  process.env.WX_OPENID = 'o_stale'
  try {
    expect((ok(await FUNCTIONS.cron.main(timer, { request_id: 't', environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) })) as { jobs: unknown[] }).jobs.length).toBeGreaterThan(0)
  } finally {
    delete process.env.WX_OPENID
  }
})

test('a member whose event only claims to be a timer is refused; the run action goes through the host check', async () => {
  expect(await callRaw('cron', timer, 'o_sneaky')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await callRaw('cron', { action: 'run' }, 'o_sneaky')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(ok(await call('cron', 'run', { jobs: ['drainOutbox'] }, HOST)).jobs).toHaveLength(1)
})

test('concurrent drains deliver each message exactly once', async () => {
  for (let i = 0; i < 30; i++) {
    await grantWelcome(`o_${i}`)
    await enqueueSubscribeMessage(runtime.store, { key: `m${i}`, message: message(`o_${i}`), now: runtime.clock.now() })
  }
  const reports = await Promise.all([drainOutbox(runtime), drainOutbox(runtime), drainOutbox(runtime)])
  expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30)
  expect(await runtime.store.collection(NOTIFICATIONS).count({})).toBe(30)
})

test('a failing send is retried with backoff, then given up after the last attempt', async () => {
  let calls = 0
  runtime.notifier = {
    send: async () => {
      calls++
      throw new Error('network down')
    }
  }
  await grantWelcome('o_a')
  await enqueueSubscribeMessage(runtime.store, { key: 'flaky', message: message('o_a'), now: runtime.clock.now() })
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const report = await drainOutbox(runtime)
    expect(report.sent).toBe(0)
    const entry = (await outbox().get('flaky'))!
    expect(entry.attempts).toBe(attempt)
    if (attempt < MAX_ATTEMPTS) {
      expect(entry.status).toBe('pending')
      expect(entry.nextAttemptAt).toBe(runtime.clock.now() + backoffAfter(attempt))
      // Not due yet: nothing happens until the backoff has passed.
      expect((await drainOutbox(runtime)).retried).toBe(0)
      runtime.clock.advance(backoffAfter(attempt))
    } else {
      expect(entry.status).toBe('failed')
      expect(entry.lastError).toBe('network down')
    }
  }
  expect(calls).toBe(MAX_ATTEMPTS)
})

test('a permanent refusal (the member never authorised the template) fails at once', async () => {
  runtime.notifier = {
    send: async () => {
      throw new NotifyError('errcode 43101', true)
    }
  }
  await grantWelcome('o_a')
  await enqueueSubscribeMessage(runtime.store, { key: 'refused', message: message('o_a'), now: runtime.clock.now() })
  expect(await drainOutbox(runtime)).toEqual({ sent: 0, retried: 0, failed: 1, skipped: 0 })
  expect((await outbox().get('refused'))!.status).toBe('failed')
})

test('a delivery that died mid-flight is retried once its lease runs out', async () => {
  await grantWelcome('o_a')
  await enqueueSubscribeMessage(runtime.store, { key: 'lost', message: message('o_a'), now: runtime.clock.now() })
  // Simulate a crashed run: the entry was claimed (lease taken) but never finished.
  await outbox().update('lost', { set: { nextAttemptAt: runtime.clock.now() + LEASE_MS } })
  expect((await drainOutbox(runtime)).sent).toBe(0)
  runtime.clock.advance(LEASE_MS)
  expect((await drainOutbox(runtime)).sent).toBe(1)
})
