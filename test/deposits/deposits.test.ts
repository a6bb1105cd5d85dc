// Deposit challenges (押金), money exact: members pay to join through the
// orders path; after the end (and the make-up grace) the settleDeposits job
// refunds every completer once, sends each an equal share of the failed
// members' deposits (remainder: one fen each to the earliest payers), or
// leaves the pool with the host; and the books balance:
//   deposits in = refunds + shares + host share,
// under retries, two timer runs and concurrent runs on the strict twin.
import type { DepositDoc, SettlementDoc, TransferDoc } from '../../cloudfunctions/domain/deposits/deposit-doc'
import { outBillNoFor, settlesAt } from '../../cloudfunctions/domain/deposits/deposit-doc'
import type { OrderDoc } from '../../cloudfunctions/domain/orders/order'
import type { RefundDoc } from '../../cloudfunctions/domain/orders/refund-doc'
import { SANDBOX_TRANSFERS } from '../../cloudfunctions/adapters/sandbox-pay/sandbox-pay'
import type { ChallengeInput } from '../../types/checkin'
import type { Filter } from '../../cloudfunctions/ports/store'
import { challengeInput } from '../checkin/checkin-fixtures'
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrderOk } from '../helpers/pay'
import { expectMoneyAddsUp } from '../helpers/money-invariants'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const DEPOSIT = 1000
/** China 10:00 on a date. */
const chinaAt = (date: string, hhmm = '10:00') => Date.parse(`${date}T${hhmm}:00+08:00`)
const DAYS = ['2026-11-24', '2026-11-25', '2026-11-26']

async function depositChallenge(overrides: Partial<ChallengeInput> = {}): Promise<string> {
  const input = challengeInput({ title: '3 天早起押金挑战', startDate: DAYS[0], days: 3, streakBonuses: [], minTextLength: 0, depositFen: DEPOSIT, ...overrides })
  return ok(await call('challenges', 'createChallenge', input, HOST)).id
}

/** Pays the deposit the way a member does: the order, then the sandbox's signed notify through payNotify. */
async function payDeposit(challengeId: string, openid: string): Promise<string> {
  const { orderId } = ok(await call('deposits', 'payDeposit', { challengeId }, openid))
  await payOrderOk(runtime, orderId)
  return orderId
}

async function checkInOn(challengeId: string, openid: string, dates: string[]): Promise<void> {
  for (const date of dates) {
    runtime.clock.set(chinaAt(date))
    ok(await call('checkin', 'postCheckin', { challengeId, text: `${date} 打卡`, photoFileIds: [] }, openid))
  }
}

async function settle(runs = 1): Promise<void> {
  for (let i = 0; i < runs; i++) {
    const report = ok(await call('settle', 'run', { jobs: ['settleDeposits'] }, HOST))
    expect(report.jobs[0].ok).toBe(true)
  }
}

const docs = async <T extends { _id: string }>(collection: string, filter: Filter = {}) => (await runtime.store.collection<T>(collection).find(filter, { limit: 1000 })).items

/** The books from the raw records: deposits paid, refunds made (settled at the sandbox), transfers made (at the sandbox), and what the host keeps. */
async function books(challengeId: string) {
  const settlement = (await runtime.store.collection<SettlementDoc>('deposit_settlements').get(challengeId))!
  const deposits = await docs<DepositDoc>('challenge_deposits', { challengeId })
  const orders = await Promise.all(deposits.map(async (d) => (await runtime.store.collection<OrderDoc>('orders').get(d.orderId))!))
  const refunds = (await docs<RefundDoc>('refunds')).filter((r) => orders.some((o) => o._id === r.orderId) && r.status === 'success')
  const transfers = await docs<{ _id: string; openid: string; amountFen: number; state: string }>(SANDBOX_TRANSFERS)
  const mine = transfers.filter((t) => deposits.some((d) => outBillNoFor(challengeId, d.openid) === t._id))
  return {
    settlement,
    depositsIn: orders.reduce((sum, o) => sum + o.amountFen, 0),
    refunds: refunds.reduce((sum, r) => sum + r.amountFen, 0),
    refundCount: refunds.length,
    shares: mine.reduce((sum, t) => sum + t.amountFen, 0),
    transfers: mine,
    host: settlement.plan?.hostFen ?? 0,
    orders
  }
}

async function expectBalanced(challengeId: string) {
  const b = await books(challengeId)
  expect(b.settlement.status).toBe('settled')
  // The identity, from what the provider did (refunds and transfers at the sandbox) and from the settlement's own totals.
  expect(b.depositsIn).toBe(b.refunds + b.shares + b.host)
  expect(b.settlement.totals).toEqual({ depositsInFen: b.depositsIn, refundsFen: b.refunds, sharesFen: b.shares, hostFen: b.host, balanced: true })
  return b
}

describe('joining a deposit challenge is paying its deposit', () => {
  test('no way in without paying: joining and checking in are refused until the deposit is paid, then the payment makes the participant', async () => {
    const id = await depositChallenge()
    const refused = await call('checkin', 'joinChallenge', { challengeId: id }, 'o_a')
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这个挑战需要先交押金 ¥10.00 才能加入' } })
    runtime.clock.set(chinaAt(DAYS[0]))
    expect(await call('checkin', 'postCheckin', { challengeId: id, text: '打卡', photoFileIds: [] }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await runtime.store.collection('challenge_participants').get(`${id}:o_a`)).toBeNull()

    await payDeposit(id, 'o_a')
    const detail = ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a'))
    expect(detail.progress.joined).toBe(true)
    expect(detail.challenge.participantCount).toBe(1)
    const status = ok(await call('deposits', 'depositStatus', { challengeId: id }, 'o_a'))
    expect(status).toMatchObject({ depositFen: DEPOSIT, forfeitTo: 'completers', poolFen: DEPOSIT, depositors: 1, settled: false, mine: { outcome: 'held', amountFen: DEPOSIT } })
    expect(status.rule).toBe('完成全部 3 天打卡即算完成挑战（补卡计入）')
    // The order was priced on the server from the challenge; paying again is refused.
    const order = (await runtime.store.collection<OrderDoc>('orders').get(status.mine!.orderId))!
    expect(order).toMatchObject({ kind: 'deposit', amountFen: DEPOSIT, status: 'fulfilled' })
    expect(await call('deposits', 'payDeposit', { challengeId: id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已交押金，已在挑战中' } })
  })

  test('the deposit terms are fixed once anyone has paid', async () => {
    const id = await depositChallenge()
    ok(await call('challenges', 'updateChallenge', { challengeId: id, depositFen: 2000, forfeitTo: 'host' }, HOST))
    await payDeposit(id, 'o_a')
    expect(await call('challenges', 'updateChallenge', { challengeId: id, depositFen: 500 }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await call('challenges', 'updateChallenge', { challengeId: id, days: 5 }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    ok(await call('challenges', 'updateChallenge', { challengeId: id, description: '早起喝水' }, HOST))
    expect(ok(await call('deposits', 'depositStatus', { challengeId: id }, 'o_a'))).toMatchObject({ depositFen: 2000, forfeitTo: 'host' })
  })
})

describe('the settlement', () => {
  test('completers are refunded once and share the failed deposits; the books balance; a second run changes nothing', async () => {
    const id = await depositChallenge()
    for (const openid of ['o_a', 'o_b', 'o_c']) await payDeposit(id, openid)
    await checkInOn(id, 'o_a', DAYS)
    await checkInOn(id, 'o_b', DAYS)
    await checkInOn(id, 'o_c', DAYS.slice(0, 1))
    // The last day's evening, and during the make-up grace: nothing settles yet.
    runtime.clock.set(chinaAt(DAYS[2], '23:59'))
    await settle()
    runtime.clock.set(chinaAt('2026-11-29', '23:00'))
    await settle()
    expect((await runtime.store.collection<SettlementDoc>('deposit_settlements').get(id))!.status).toBe('open')
    // After the grace (make-ups count: three more days for a missed last day).
    const challenge = (await runtime.store.collection('challenges').get(id)) as never
    runtime.clock.set(settlesAt(challenge))
    expect(runtime.clock.now()).toBe(Date.parse('2026-11-30T00:00:00+08:00'))
    await settle()
    const b = await expectBalanced(id)
    expect(b).toMatchObject({ depositsIn: 3000, refunds: 2000, refundCount: 2, shares: 1000, host: 0 })
    expect(b.transfers.map((t) => [t.openid, t.amountFen]).sort()).toEqual([
      ['o_a', 500],
      ['o_b', 500]
    ])
    expect(b.orders.map((o) => [o.openid, o.status, o.refundedFen]).sort()).toEqual([
      ['o_a', 'refunded', 1000],
      ['o_b', 'refunded', 1000],
      ['o_c', 'fulfilled', 0]
    ])
    // Members see their outcome.
    expect(ok(await call('deposits', 'depositStatus', { challengeId: id }, 'o_a'))).toMatchObject({
      settled: true,
      completers: 2,
      failed: 1,
      mine: { outcome: 'completed', refundedFen: 1000, shareFen: 500, shareStatus: 'paid' }
    })
    expect(ok(await call('deposits', 'depositStatus', { challengeId: id }, 'o_c')).mine).toMatchObject({ outcome: 'failed', refundedFen: 0, shareFen: 0 })
    // The host's report.
    expect(ok(await call('deposits', 'depositSettlement', { challengeId: id }, HOST))).toMatchObject({
      status: 'settled',
      depositsInFen: 3000,
      refundsFen: 2000,
      poolFen: 1000,
      sharesFen: 1000,
      hostFen: 0,
      completers: 2,
      failed: 1,
      transfers: { paid: 2, waiting: 0, failed: 0 },
      balanced: true
    })
    expect(await call('deposits', 'depositSettlement', { challengeId: id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Run again, twice: nothing moves.
    await settle(2)
    const again = await expectBalanced(id)
    expect(again).toMatchObject({ refunds: 2000, refundCount: 2, shares: 1000 })
    expect(again.transfers).toHaveLength(2)
  })

  test('the remainder rule: 1000 fen among 3 completers is 333 each, and the 1 fen left goes to the earliest payer', async () => {
    const id = await depositChallenge({ makeupsCount: false })
    for (const openid of ['o_b', 'o_a', 'o_c', 'o_d']) {
      await payDeposit(id, openid)
      runtime.clock.advance(60_000)
    }
    for (const openid of ['o_a', 'o_b', 'o_c']) await checkInOn(id, openid, DAYS)
    // Make-ups do not count: it settles right after the last day's window (23:59).
    runtime.clock.set(chinaAt(DAYS[2], '23:59') + 60_000)
    await settle()
    const b = await expectBalanced(id)
    expect(Object.fromEntries(b.transfers.map((t) => [t.openid, t.amountFen]))).toEqual({ o_b: 334, o_a: 333, o_c: 333 })
    expect(ok(await call('deposits', 'depositSettlement', { challengeId: id }, HOST))).toMatchObject({ shareBaseFen: 333, remainderFen: 1, sharesFen: 1000 })
  })

  test('the host keeps the pool when the host chose so: completers are refunded, nobody gets a share', async () => {
    const id = await depositChallenge({ forfeitTo: 'host' })
    for (const openid of ['o_a', 'o_b']) await payDeposit(id, openid)
    await checkInOn(id, 'o_a', DAYS)
    runtime.clock.set(Date.parse('2026-11-30T00:00:00+08:00'))
    await settle()
    const b = await expectBalanced(id)
    expect(b).toMatchObject({ depositsIn: 2000, refunds: 1000, shares: 0, host: 1000 })
    expect(b.transfers).toHaveLength(0)
  })

  test('nobody completes: every deposit goes to the host, nothing is refunded or transferred', async () => {
    const id = await depositChallenge()
    for (const openid of ['o_a', 'o_b']) await payDeposit(id, openid)
    await checkInOn(id, 'o_a', DAYS.slice(0, 2))
    runtime.clock.set(Date.parse('2026-11-30T00:00:00+08:00'))
    await settle()
    const b = await expectBalanced(id)
    expect(b).toMatchObject({ depositsIn: 2000, refunds: 0, shares: 0, host: 2000 })
  })

  test('a refund before the end removes the participation; the settlement leaves that deposit out of the pool', async () => {
    const id = await depositChallenge()
    const orderB = await payDeposit(id, 'o_b')
    await payDeposit(id, 'o_a')
    await payDeposit(id, 'o_c')
    await checkInOn(id, 'o_b', DAYS.slice(0, 1))
    ok(await call('membership', 'refundOrder', { orderId: orderB, amountFen: DEPOSIT, requestId: 'quit000001', reason: '成员退出' }, HOST))
    expect(await runtime.store.collection('challenge_participants').get(`${id}:o_b`)).toBeNull()
    expect(ok(await call('deposits', 'depositStatus', { challengeId: id }, 'o_b'))).toMatchObject({ poolFen: 2000, depositors: 2, mine: { outcome: 'withdrawn', refundedFen: 1000 } })
    runtime.clock.set(chinaAt(DAYS[1]))
    expect(await call('checkin', 'postCheckin', { challengeId: id, text: '再打卡', photoFileIds: [] }, 'o_b')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await checkInOn(id, 'o_a', DAYS)
    runtime.clock.set(Date.parse('2026-11-30T00:00:00+08:00'))
    await settle()
    const b = await expectBalanced(id)
    expect(b).toMatchObject({ depositsIn: 3000, refunds: 2000, shares: 1000, host: 0 })
    expect(b.transfers.map((t) => [t.openid, t.amountFen])).toEqual([['o_a', 1000]])
  })

  test('concurrent timer runs on the strict twin: each completer refunded once and paid once, the books balance', async () => {
    const id = await depositChallenge()
    const members = Array.from({ length: 8 }, (_, i) => `o_m${i}`)
    for (const openid of members) await payDeposit(id, openid)
    for (const openid of members.slice(0, 5)) await checkInOn(id, openid, DAYS)
    runtime.clock.set(Date.parse('2026-11-30T00:00:00+08:00'))
    // A run that dies half way (the provider's transfer times out after WeChat took it) then three at once, then one more.
    const transfer = runtime.payments.transfer.bind(runtime.payments)
    let calls = 0
    runtime.payments.transfer = async (request) => {
      const state = await transfer(request)
      if (++calls === 1) throw new Error('WeChat Pay 0 TIMEOUT')
      return state
    }
    await settle()
    runtime.payments.transfer = transfer
    const results = await Promise.all([1, 2, 3].map(() => call('settle', 'run', { jobs: ['settleDeposits'] }, HOST)))
    for (const result of results) expect(ok(result).jobs[0].ok).toBe(true)
    runtime.clock.advance(10 * 60_000)
    await settle(2)
    const b = await expectBalanced(id)
    expect(b).toMatchObject({ depositsIn: 8000, refunds: 5000, refundCount: 5, shares: 3000, host: 0 })
    // 3000 among 5: 600 each, no remainder; one transfer per completer, all paid.
    expect(b.transfers.map((t) => t.amountFen)).toEqual([600, 600, 600, 600, 600])
    const records = await docs<TransferDoc>('deposit_transfers', { challengeId: id })
    expect(records.map((r) => r.status)).toEqual(['paid', 'paid', 'paid', 'paid', 'paid'])
  })
})
