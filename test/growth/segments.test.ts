// Segments are stored on the wallet: a grant with growth moves the member up at
// once, the daily job lets idle members slide to silent (in China days), and the
// host console filters by segment on the server.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { LEDGER, WALLETS, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { refreshSegments } from '../../cloudfunctions/domain/growth/segments'
import { recordFact } from '../../cloudfunctions/domain/facts/facts'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'

let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
  runtime.clock.set('2026-11-23T23:30:00+08:00') // late evening, China time; 15:30 UTC
})
afterEach(() => closeTestRuntime(runtime))

const DAY = 24 * 3600_000
const segment = (openid: string) =>
  runtime.store
    .collection<WalletDoc>(WALLETS)
    .get(openid)
    .then((w) => w?.segment)
const listed = async (filter?: string) => ok(await call('growth', 'segments', filter ? { segment: filter as never } : {}, HOST)).items.map((m) => m.openid)
/** A check-in fact: growth for its author today. */
async function active(openid: string, key: string) {
  await recordFact(runtime.store, { type: 'checkin.featured', key, openid, refId: key, at: runtime.clock.now() })
  await applyFacts(runtime)
}

test('a new member is silent; growth earned today makes them ordinary at once, and the filter finds them', async () => {
  ok(await call('member', 'me', {}, 'o_new'))
  ok(await call('growth', 'summary', {}, 'o_new'))
  expect(await segment('o_new')).toBe('silent')
  expect(await listed('silent')).toContain('o_new')
  await active('o_new', 'f1')
  expect(await segment('o_new')).toBe('ordinary')
  expect(await listed('ordinary')).toEqual(['o_new'])
  expect(await listed('silent')).not.toContain('o_new')
  expect(ok(await call('growth', 'segments', { segment: 'ordinary' }, HOST)).items[0]).toMatchObject({ activeDays30: 1, segment: 'ordinary' })
})

test('15 active China days make a member core; 30 idle days later the daily job makes them silent, once', async () => {
  for (let day = 0; day < 15; day++) {
    await active('o_core', `d${day}`)
    runtime.clock.advance(DAY)
  }
  expect(await segment('o_core')).toBe('core')
  runtime.clock.advance(30 * DAY)
  // Nothing happened to the wallet: the stored segment is yesterday's work until the job runs.
  expect(await refreshSegments(runtime)).toEqual({ refreshed: 1 })
  expect(await segment('o_core')).toBe('silent')
  expect(await refreshSegments(runtime)).toEqual({ refreshed: 0 })
  expect(await listed('silent')).toEqual(['o_core'])
  expect(await listed('core')).toEqual([])
})

test('active days are China dates: 23:30 and 00:30 China time are two days, whatever the server zone', async () => {
  await active('o_late', 'late')
  runtime.clock.advance(3600_000) // 00:30 the next China day (still the same UTC day)
  await active('o_late', 'early')
  const wallet = (await runtime.store.collection<WalletDoc>(WALLETS).get('o_late'))!
  expect(wallet.activeDates).toEqual(['2026-11-23', '2026-11-24'])
})

test('wallets stored before segments existed get theirs from the ledger', async () => {
  await active('o_old', 'x')
  // As an old wallet looked: no stored dates or segment.
  await runtime.store.collection<WalletDoc>(WALLETS).update('o_old', { unset: ['activeDates', 'segment', 'segmentDay'] })
  expect(await runtime.store.collection(LEDGER).count({ openid: 'o_old' })).toBe(1)
  await refreshSegments(runtime)
  expect(await runtime.store.collection<WalletDoc>(WALLETS).get('o_old')).toMatchObject({ segment: 'ordinary', activeDates: ['2026-11-23'] })
})

test('staff are left out: the host (a host openid in the runtime config) is never listed, in no segment', async () => {
  // The host looks at their own growth (a wallet, silent) and earns growth like anyone.
  ok(await call('growth', 'summary', {}, HOST))
  ok(await call('member', 'me', {}, 'o_member'))
  ok(await call('growth', 'summary', {}, 'o_member'))
  expect(await segment(HOST)).toBe('silent')
  expect(await listed('silent')).toEqual(['o_member'])
  expect(await listed()).toEqual(['o_member'])
  await active(HOST, 'h1')
  expect(await listed('ordinary')).toEqual([])
  expect(await listed()).not.toContain(HOST)
})
