// Before an invite contest starts the host may edit or cancel it: the prize
// coupons it set aside go back to their campaigns, once. After it starts: CONFLICT.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { settleBoards } from '../../cloudfunctions/domain/leaderboard/settle'
import type { ContestInput } from '../../types/leaderboard'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { at: '2026-11-25T10:00:00+08:00' })

const DAY = 24 * 3600_000

async function prizeCampaign(name: string, stock = 5) {
  return ok(
    await call(
      'rewards',
      'createCampaign',
      {
        name,
        kind: 'amountOff',
        amountOffFen: 1000,
        percentOff: 0,
        minSpendFen: 0,
        validFrom: runtime.clock.now(),
        validTo: runtime.clock.now() + 90 * DAY,
        appliesTo: ['event'],
        stock,
        channel: 'reward'
      },
      HOST
    )
  )
}

const claimed = async (id: string) => ok(await call('rewards', 'hostCampaigns', {}, HOST)).items.find((c) => c.id === id)!.claimed

async function contest(a: string, b: string): Promise<{ id: string; input: ContestInput }> {
  const input: ContestInput = {
    title: '12 月邀请赛',
    startAt: runtime.clock.now() + 7 * DAY,
    endAt: runtime.clock.now() + 30 * DAY,
    prizes: [
      { points: 500, couponCampaignId: a },
      { points: 300, couponCampaignId: a },
      { points: 100, couponCampaignId: b }
    ]
  }
  return { id: ok(await call('leaderboard', 'createContest', input, HOST)).id, input }
}

test('cancelling before the start gives the prize coupons back once; a second cancel gives nothing more', async () => {
  const a = await prizeCampaign('一等奖券')
  const b = await prizeCampaign('三等奖券')
  const { id } = await contest(a.id, b.id)
  expect([await claimed(a.id), await claimed(b.id)]).toEqual([2, 1])
  const cancelled = ok(await call('leaderboard', 'cancelContest', { contestId: id }, HOST))
  expect(cancelled).toMatchObject({ cancelled: true, settled: true })
  expect([await claimed(a.id), await claimed(b.id)]).toEqual([0, 0])
  // Twice, or two at once: nothing more goes back.
  await Promise.all([call('leaderboard', 'cancelContest', { contestId: id }, HOST), call('leaderboard', 'cancelContest', { contestId: id }, HOST)])
  expect([await claimed(a.id), await claimed(b.id)]).toEqual([0, 0])
  // It never settles, and edits are refused.
  runtime.clock.advance(40 * DAY)
  await settleBoards(runtime)
  expect([await claimed(a.id), await claimed(b.id)]).toEqual([0, 0])
  // The host sees it marked cancelled; members no longer see it.
  expect(ok(await call('leaderboard', 'contests', {}, HOST)).items.find((c) => c.id === id)).toMatchObject({ cancelled: true })
  expect(ok(await call('leaderboard', 'contests', {}, 'o_member')).items.map((c) => c.id)).not.toContain(id)
})

test('editing before the start moves the set-aside coupons to the new prizes', async () => {
  const a = await prizeCampaign('一等奖券')
  const b = await prizeCampaign('三等奖券')
  const c = await prizeCampaign('新奖券', 1)
  const { id, input } = await contest(a.id, b.id)
  const updated = ok(
    await call(
      'leaderboard',
      'updateContest',
      {
        contestId: id,
        ...input,
        title: '12 月邀请赛（加码）',
        prizes: [
          { points: 800, couponCampaignId: c.id },
          { points: 300, couponCampaignId: a.id },
          { points: 100, couponCampaignId: null }
        ]
      },
      HOST
    )
  )
  expect(updated).toMatchObject({ title: '12 月邀请赛（加码）', phase: 'upcoming' })
  expect(updated.prizes.map((p) => p.couponName)).toEqual(['新奖券', '一等奖券', null])
  expect([await claimed(a.id), await claimed(b.id), await claimed(c.id)]).toEqual([1, 0, 1])
  // Not enough left: refused, nothing moved.
  const refused = await call(
    'leaderboard',
    'updateContest',
    {
      contestId: id,
      ...input,
      prizes: [
        { points: 1, couponCampaignId: c.id },
        { points: 1, couponCampaignId: c.id },
        { points: 1, couponCampaignId: null }
      ]
    },
    HOST
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
  expect([await claimed(a.id), await claimed(b.id), await claimed(c.id)]).toEqual([1, 0, 1])
})

test('after the start: editing or cancelling is a CONFLICT, and its prizes stay set aside', async () => {
  const a = await prizeCampaign('一等奖券')
  const b = await prizeCampaign('三等奖券')
  const { id, input } = await contest(a.id, b.id)
  runtime.clock.advance(7 * DAY + 1)
  expect(await call('leaderboard', 'cancelContest', { contestId: id }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '邀请赛已开始，不能修改或取消' } })
  expect(await call('leaderboard', 'updateContest', { contestId: id, ...input, startAt: runtime.clock.now() + DAY }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect([await claimed(a.id), await claimed(b.id)]).toEqual([2, 1])
  expect(await call('leaderboard', 'cancelContest', { contestId: id }, 'o_member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})
