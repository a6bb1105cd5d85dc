import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { enqueueSubscribeMessage, OUTBOX, type OutboxDoc } from '../../cloudfunctions/domain/outbox/outbox'
import { drainOutbox } from '../../cloudfunctions/domain/outbox/drain-outbox'
import { NOTIFICATIONS } from '../../cloudfunctions/adapters/local/local-notifier'
import { spendGrant, subscribeTemplateIds } from '../../cloudfunctions/domain/notifications/grants'
import { subscribeMessage } from '../../cloudfunctions/domain/notifications/format'
import { NotifyError } from '../../cloudfunctions/ports/notifier'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const message = (openid: string) => subscribeMessage({ openid, template: 'eventReminder', data: { thing1: '周末徒步', time2: runtime.clock.now(), thing3: '线上活动' } })
const enqueue = (key: string, openid = 'o_a') => enqueueSubscribeMessage(runtime.store, { key, message: message(openid), now: runtime.clock.now() })
const outbox = (id: string) => runtime.store.collection<OutboxDoc>(OUTBOX).get(id)

test('the dev host hands out placeholder template ids for a simulated accept', async () => {
  const templates = ok(await call('member', 'subscribeTemplates', {}, 'o_a'))
  expect(templates.mode).toBe('simulated')
  expect(templates.templates.checkinReminder).toBe('dev-checkinReminder')
  expect(templates.grants).toEqual({})
})

test('grants are recorded per member and template, once per request id', async () => {
  const first = ok(await call('member', 'recordSubscribeGrants', { requestId: 'req-00000001', accepted: ['eventReminder', 'eventCancelled'] }, 'o_a'))
  expect(first.grants).toEqual({ eventReminder: 1, eventCancelled: 1 })
  // The same answer sent again (a retry) records nothing more.
  expect(ok(await call('member', 'recordSubscribeGrants', { requestId: 'req-00000001', accepted: ['eventReminder', 'eventCancelled'] }, 'o_a')).grants).toEqual({ eventReminder: 1, eventCancelled: 1 })
  expect(ok(await call('member', 'recordSubscribeGrants', { requestId: 'req-00000002', accepted: ['eventReminder'] }, 'o_a')).grants).toEqual({ eventReminder: 2, eventCancelled: 1 })
  // Another member's grants are their own.
  expect(ok(await call('member', 'subscribeTemplates', {}, 'o_b')).grants).toEqual({})
})

test('unknown keys and more than 3 keys are refused', async () => {
  expect(await call('member', 'recordSubscribeGrants', { requestId: 'req-00000003', accepted: ['spam' as never] }, 'o_a')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await call('member', 'recordSubscribeGrants', { requestId: 'req-00000004', accepted: ['welcome', 'tierUp', 'prizeWon', 'eventReminder'] }, 'o_a')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' }
  })
})

test('a send spends one grant; without one the entry is skipped, not retried', async () => {
  await call('member', 'recordSubscribeGrants', { requestId: 'req-00000005', accepted: ['eventReminder'] }, 'o_a')
  await enqueue('m1')
  await enqueue('m2')
  // o_a's welcome (queued at first login, never granted) is skipped too.
  expect(await drainOutbox(runtime)).toEqual({ sent: 1, retried: 0, failed: 0, skipped: 2 })
  expect((await outbox('m1'))!.status).toBe('sent')
  expect(await outbox('m2')).toMatchObject({ status: 'skipped', lastError: 'no grant' })
  expect(await runtime.store.collection(NOTIFICATIONS).count({})).toBe(1)
  expect(ok(await call('member', 'subscribeTemplates', {}, 'o_a')).grants).toEqual({})
  // Nothing left to do, and a grant given later does not revive a skipped entry.
  await call('member', 'recordSubscribeGrants', { requestId: 'req-00000006', accepted: ['eventReminder'] }, 'o_a')
  expect(await drainOutbox(runtime)).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 })
})

test('concurrent spends never spend more grants than there are', async () => {
  await call('member', 'recordSubscribeGrants', { requestId: 'req-00000007', accepted: ['eventReminder'] }, 'o_a')
  await call('member', 'recordSubscribeGrants', { requestId: 'req-00000008', accepted: ['eventReminder'] }, 'o_a')
  const spent = await Promise.all(Array.from({ length: 10 }, () => spendGrant(runtime.store, 'o_a', 'eventReminder', runtime.clock.now())))
  expect(spent.filter(Boolean)).toHaveLength(2)
})

test('a retryable failure gives the grant back; a 43101 clears it', async () => {
  await call('member', 'recordSubscribeGrants', { requestId: 'req-00000009', accepted: ['eventReminder'] }, 'o_a')
  runtime.notifier = {
    send: async () => {
      throw new Error('network down')
    }
  }
  await enqueue('flaky')
  expect((await drainOutbox(runtime)).retried).toBe(1)
  expect(ok(await call('member', 'subscribeTemplates', {}, 'o_a')).grants).toEqual({ eventReminder: 1 })
  runtime.notifier = {
    send: async () => {
      throw new NotifyError('subscribeMessage.send errcode 43101: user refuse to accept the msg', true)
    }
  }
  runtime.clock.advance(3600_000)
  expect((await drainOutbox(runtime)).failed).toBe(1)
  expect(ok(await call('member', 'subscribeTemplates', {}, 'o_a')).grants).toEqual({})
})

test('in WeChat the app is given the template ids the runtime decoded (the notifier sends with the same map); unknown keys are dropped', () => {
  const cloud = { ...runtime, config: { ...runtime.config, mode: 'cloudbase' as const, subscribeTemplates: { eventReminder: 'TPL_A', bogus: 'x' } } }
  expect(subscribeTemplateIds(cloud)).toEqual({ mode: 'wechat', templates: { eventReminder: 'TPL_A' } })
  expect(subscribeTemplateIds({ ...cloud, config: { ...cloud.config, subscribeTemplates: undefined } })).toEqual({ mode: 'wechat', templates: {} })
})
