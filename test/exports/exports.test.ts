// Background exports on the embedded twin: a job written part by part across
// cron runs, each run bounded in requests and rows, one file at the end with
// the header once and every row once, even when a run is retried.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { CountingStore } from '../../cloudfunctions/adapters/store/counting-store'
import { COLLECTIONS } from '../../cloudfunctions/platform/collections'
import { EXPORT_JOBS, EXPORT_PARTS, RUN_ROWS, runExports, type ExportJobDoc } from '../../cloudfunctions/domain/exports/exports'
import type { MemberDoc } from '../../cloudfunctions/domain/members/member'
import type { OrderDoc } from '../../cloudfunctions/domain/orders/order'
import type { RefundDoc } from '../../cloudfunctions/domain/orders/refund-doc'
import type { CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import type { ExportJobView } from '../../types/exports'
import { parseCsv } from './parse-csv'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

/** The file behind a done job's local link (/files/exports/<job>.csv). */
function fileOf(job: ExportJobView): string {
  expect(job.url).toMatch(/^\/files\/exports\/[\w-]+\.csv$/)
  return readFileSync(join(runtime.files.directory, job.url!.slice('/files/'.length)), 'utf8')
}

async function jobs(): Promise<ExportJobView[]> {
  return ok(await call('host', 'exports', {}, HOST)).items
}

async function cronRun(): Promise<Record<string, number>> {
  const report = ok(await call('insights', 'run', { jobs: ['writeExports'] }, HOST))
  expect(report.jobs[0].ok).toBe(true)
  return report.jobs[0].counts
}

/** Members up to `total` (the host, made by its first call, is one of them). */
async function seedMembers(total: number): Promise<void> {
  ok(await call('host', 'exports', {}, HOST))
  const members = runtime.store.collection<MemberDoc>(COLLECTIONS.members.name)
  const base = Date.parse('2026-01-01T00:00:00+08:00')
  const count = total - (await members.count({}))
  for (let i = 0; i < count; i++) {
    await members.insert({
      _id: `o_m${String(i).padStart(6, '0')}`,
      nickname: i % 1000 === 7 ? '=HYPERLINK("x")' : `成员,${i}`,
      avatarFileId: '',
      role: 'member',
      joinedAt: base + i * 1000,
      updatedAt: base
    })
  }
}

test('a 100,000-member export completes over several bounded cron runs, one header and every row once, even with a run retried', async () => {
  const seeding = Date.now()
  await seedMembers(100_000)
  console.log(`seeded 100k members in ${Date.now() - seeding} ms`)
  const counting = new CountingStore(runtime.store)
  ;(runtime as { store: unknown }).store = counting
  const started = Date.now()
  const job = ok(await call('host', 'startExport', { kind: 'members' }, HOST))
  expect(job).toMatchObject({ status: 'queued', rowsDone: 0, label: '成员名单' })
  expect(job.estimatedTotal).toBeGreaterThanOrEqual(100_000)
  // Starting it again while it runs answers the same job.
  expect(ok(await call('host', 'startExport', { kind: 'members' }, HOST)).id).toBe(job.id)

  const perRun: Array<{ requests: number; rows: number }> = []
  let retried = false
  for (let run = 0; run < 30; run++) {
    const meter = counting.startMeter()
    const counts = await cronRun()
    const { requests } = meter.stop()
    perRun.push({ requests, rows: counts.rows })
    expect(counts.rows).toBeLessThanOrEqual(RUN_ROWS)
    expect(requests).toBeLessThanOrEqual(150)
    // The third run is retried from where the second left: a cron retry after a timeout, or two overlapping runs.
    if (run === 2 && !retried) {
      retried = true
      const before = (await counting.collection<ExportJobDoc>(EXPORT_JOBS).get(job.id))!
      await counting.collection<ExportJobDoc>(EXPORT_JOBS).update(job.id, { set: { seq: before.seq - 1, source: 0, cursor: null, rowsDone: 0 } })
      // A stale run (the job moved on under it) writes nothing: restoring the real state, it resumes from the cursor.
      await counting.collection<ExportJobDoc>(EXPORT_JOBS).set(before)
    }
    const [current] = await jobs()
    if (current.status === 'done') break
    expect(current.status).toBe('running')
    expect(current.rowsDone).toBeGreaterThan(0)
  }
  const [done] = await jobs()
  expect(done.status).toBe('done')
  expect(done.rowsDone).toBe(100_000)
  // Several runs, none reading everything.
  expect(perRun.length).toBeGreaterThanOrEqual(10)
  console.log(`100k members export: ${perRun.length} cron runs in ${Date.now() - started} ms; per run ${JSON.stringify(perRun)}`)

  const text = fileOf(done)
  expect(text.startsWith('\ufeff成员ID,昵称,角色,等级,加入时间,来源\r\n')).toBe(true)
  const rows = parseCsv(text.slice(1))
  expect(rows[0]).toEqual(['成员ID', '昵称', '角色', '等级', '加入时间', '来源'])
  const data = rows.slice(1)
  expect(data).toHaveLength(100_000)
  expect(rows.filter((r) => r[0] === '成员ID')).toHaveLength(1)
  expect(new Set(data.map((r) => r[0])).size).toBe(100_000)
  expect(data[1]).toEqual(['o_m000001', '成员,1', '成员', 'Lv1', '2026-01-01 00:00:01', ''])
  expect(data[7][1]).toBe(`'=HYPERLINK("x")`)

  // The parts are removed afterwards, a batch a run; the job stays done.
  for (let run = 0; run < 3; run++) await cronRun()
  expect(await counting.collection(EXPORT_PARTS).count({})).toBe(0)
  expect((await jobs())[0]).toMatchObject({ status: 'done', rowsDone: 100_000 })
}, 300_000)

test('a retried part write is refused by the cursor guard: no duplicate rows', async () => {
  await seedMembers(2_500)
  const job = ok(await call('host', 'startExport', { kind: 'members' }, HOST))
  // Two runs at once over the same job: whichever commits second finds the cursor moved and writes nothing.
  await Promise.all([runExports(runtime, { rows: 2_000 }), runExports(runtime, { rows: 2_000 })])
  await cronRun()
  await cronRun()
  const [done] = await jobs()
  expect(done.id).toBe(job.id)
  expect(done.status).toBe('done')
  const data = parseCsv(fileOf(done).slice(1)).slice(1)
  expect(data).toHaveLength(2_500)
  expect(new Set(data.map((r) => r[0])).size).toBe(2_500)
})

test('the orders export lists the refunds after the orders, with whose order each was', async () => {
  const orders = runtime.store.collection<OrderDoc>(COLLECTIONS.orders.name)
  const refunds = runtime.store.collection<RefundDoc>(COLLECTIONS.refunds.name)
  const now = runtime.clock.now()
  await orders.insert({
    _id: 'ord1',
    kind: 'event',
    openid: 'o_buyer',
    amountFen: 2000,
    listPriceFen: 2500,
    discountFen: 500,
    refundedFen: 500,
    status: 'fulfilled',
    createdAt: now,
    payBefore: now,
    paidAt: now,
    transactionId: 'wx1'
  })
  await orders.insert({ _id: 'ord2', kind: 'membership', openid: 'o_other', amountFen: 9900, refundedFen: 9900, status: 'refunded', createdAt: now, payBefore: now, paidAt: now, transactionId: 'wx2' })
  await refunds.insert({ _id: 'rf1', orderId: 'ord1', amountFen: 500, status: 'success', endsAccess: false, purpose: 'host', createdAt: now })
  await refunds.insert({ _id: 'rf2', orderId: 'ord2', amountFen: 9900, status: 'processing', endsAccess: true, purpose: 'cancel', createdAt: now })
  ok(await call('host', 'startExport', { kind: 'orders' }, HOST))
  await cronRun()
  const [done] = await jobs()
  expect(done).toMatchObject({ status: 'done', rowsDone: 4, estimatedTotal: 4, label: '订单与退款' })
  const rows = parseCsv(fileOf(done).slice(1))
  expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5], r[9]])).toEqual([
    ['记录', '单号', '订单号', '成员ID', '金额（元）', '状态'],
    ['订单', 'ord1', 'ord1', 'o_buyer', '20.00', '部分退款'],
    ['订单', 'ord2', 'ord2', 'o_other', '99.00', '已退款'],
    ['退款', 'rf1', 'ord1', 'o_buyer', `'-5.00`, '已退款'],
    ['退款', 'rf2', 'ord2', 'o_other', `'-99.00`, '退款中']
  ])
})

test('check-ins carry their photo links; the filters keep rows of their window', async () => {
  const checkins = runtime.store.collection<CheckinDoc>(COLLECTIONS.checkins.name)
  const day = Date.parse('2026-11-20T08:00:00+08:00')
  for (const [i, at] of [day, day + 86_400_000, day + 2 * 86_400_000].entries()) {
    await checkins.insert({
      _id: `c${i}`,
      challengeId: 'ch',
      challengeTitle: '早起 21 天',
      openid: 'o_a',
      date: `2026-11-2${i}`,
      text: `第${i + 1}天，"早起"`,
      photoFileIds: ['local://a.jpg', 'local://b.jpg'],
      location: '',
      createdAt: at,
      makeup: false,
      featured: i === 0,
      featuredAt: null,
      status: 'visible',
      pendingChecks: 0,
      hiddenReason: '',
      likeCount: 2,
      commentCount: 0
    })
  }
  ok(await call('host', 'startExport', { kind: 'checkins', filters: { from: day + 1, to: day + 3 * 86_400_000 } }, HOST))
  await cronRun()
  const [done] = await jobs()
  expect(done.rowsDone).toBe(2)
  const rows = parseCsv(fileOf(done).slice(1))
  expect(rows).toHaveLength(3)
  expect(rows[1][0]).toBe('c1')
  expect(rows[1][5]).toBe('第2天，"早起"')
  expect(rows[1][6]).toBe('/files/a.jpg\n/files/b.jpg')
})

test('an empty points ledger still gives a file with the header', async () => {
  ok(await call('host', 'startExport', { kind: 'points' }, HOST))
  await cronRun()
  const [done] = await jobs()
  expect(done).toMatchObject({ status: 'done', rowsDone: 0 })
  expect(fileOf(done)).toBe('\ufeff流水ID,成员ID,类型,说明,积分,成长值,时间,到期时间,剩余积分\r\n')
})

test('a bad kind or filter is refused with a Chinese message', async () => {
  const bad = await call('host', 'startExport', { kind: 'wallets' } as never, HOST)
  expect(bad.ok).toBe(false)
  const backwards = await call('host', 'startExport', { kind: 'members', filters: { from: Date.parse('2026-11-02'), to: Date.parse('2026-11-01') } }, HOST)
  expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '结束时间需晚于开始时间' } })
})
