// The timer job that closes finished periods: last week's and last month's
// boards, and ended invite contests. Each stores its final board and grants its
// rewards once: the board is marked settled in the same transaction as the
// grants (points, and a contest's prize coupons), and every grant is keyed by
// board and place, so running it again changes nothing.
import type { Runtime } from '../../platform/runtime'
import { grant } from '../growth/ledger'
import { chinaTime } from '../../ports/clock'
import { loadSettings } from '../growth/settings'
import { BOARDS, boardIds, type BoardDoc } from './boards'
import { topEntries } from './board-view'
import { CONTESTS, prizesOf, type ContestDoc } from './contests'
import { issueCoupon, releaseCoupon } from '../rewards/coupons'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { prizeWonMessage } from '../notifications/messages'
import { loadBoardRewards } from './rewards'
import { FACTS, type FactDoc } from '../facts/facts'

const WEEK = 7 * 24 * 3600_000

interface Prize {
  points: number
  couponCampaignId?: string | null
}

interface SettleOptions {
  /** Contest prizes: their coupons were set aside at creation; unreached places give theirs back. */
  couponsReserved?: boolean
}

async function settleBoard(runtime: Runtime, boardId: string, prizes: Prize[], title: string, options: SettleOptions = {}): Promise<boolean> {
  const board = await runtime.store.collection<BoardDoc>(BOARDS).get(boardId)
  if (!board || board.settled) return false
  const top = await topEntries(runtime, boardId)
  const settings = await loadSettings(runtime)
  const now = runtime.clock.now()
  return runtime.store.transaction(async (tx) => {
    const fresh = await tx.collection<BoardDoc>(BOARDS).get(boardId)
    if (!fresh || fresh.settled) return false
    // Places, not ranks, take prizes: among ties the one who got there first places higher.
    for (const [place, entry] of top.slice(0, prizes.length).entries()) {
      const { points, couponCampaignId } = prizes[place]
      const key = `board:${boardId}:${place + 1}`
      if (points > 0) {
        await grant(
          tx,
          { openid: entry.openid, rule: 'manual', refId: key, reason: `${title}第 ${place + 1} 名奖励`, points, growth: 0, dailyCap: null, expireMonths: settings.pointsExpireMonths, now },
          settings.tiers
        )
      }
      if (couponCampaignId && (await issueCoupon(tx, couponCampaignId, entry.openid, key, now, { reserved: options.couponsReserved })) === 'issued') {
        await enqueueSubscribeMessage(tx, {
          key: `prize:${key}`,
          now,
          message: prizeWonMessage(entry.openid, title, place + 1)
        })
      }
    }
    if (options.couponsReserved) {
      for (const prize of prizes.slice(top.length)) if (prize.couponCampaignId) await releaseCoupon(tx, prize.couponCampaignId)
    }
    await tx.collection<BoardDoc>(BOARDS).update(boardId, { set: { settled: true, results: top.map((e) => ({ openid: e.openid, score: e.score, rank: e.rank })) } })
    return true
  })
}

/**
 * The time before which every fact has reached the boards: the oldest fact the
 * board mover has not moved yet (Infinity when none waits). A period ending
 * after it is settled on a later run, once its last facts are on its board.
 */
async function boardsCompleteBefore(runtime: Runtime): Promise<number> {
  const oldest = await runtime.store.collection<FactDoc>(FACTS).find({ boards: 'pending' }, { sort: [['createdAt', 'asc']], limit: 1 })
  return oldest.items[0]?.createdAt ?? Infinity
}

export async function settleBoards(runtime: Runtime): Promise<{ settled: number; waiting: number }> {
  const now = runtime.clock.now()
  const rewards = await loadBoardRewards(runtime)
  const complete = await boardsCompleteBefore(runtime)
  let settled = 0
  let waiting = 0
  const thisWeek = Date.parse(`${boardIds.week(now).slice('points:week:'.length)}T00:00:00+08:00`)
  const thisMonth = chinaTime(now).startOf('month').valueOf()
  const lastWeek = boardIds.week(now - WEEK)
  const lastMonth = boardIds.month(thisMonth - 1)
  for (const [boardId, prizes, title, endsAt] of [
    [lastWeek, rewards.weekly, '积分周榜', thisWeek],
    [`${lastWeek}:new`, rewards.weekly, '新人周榜', thisWeek],
    [lastMonth, rewards.monthly, '积分月榜', thisMonth],
    [`${lastMonth}:new`, rewards.monthly, '新人月榜', thisMonth]
  ] as Array<[string, number[], string, number]>) {
    if (complete < endsAt) {
      waiting++
      continue
    }
    if (
      await settleBoard(
        runtime,
        boardId,
        prizes.map((points) => ({ points })),
        title
      )
    )
      settled++
  }
  const contests = await runtime.store.collection<ContestDoc>(CONTESTS).find({ settled: false, endAt: { $lt: now } }, { sort: [['endAt', 'asc']], limit: 20 })
  for (const contest of contests.items) {
    if (complete <= contest.endAt) {
      waiting++
      continue
    }
    const boardId = boardIds.invites(contest._id)
    const hasBoard = (await runtime.store.collection<BoardDoc>(BOARDS).get(boardId)) !== null
    if (hasBoard) await settleBoard(runtime, boardId, prizesOf(contest), contest.title, { couponsReserved: true })
    await runtime.store.transaction(async (tx) => {
      const fresh = await tx.collection<ContestDoc>(CONTESTS).get(contest._id)
      if (!fresh || fresh.settled) return
      // Nobody made the board: every prize coupon set aside goes back to its campaign.
      if (!hasBoard) for (const prize of prizesOf(fresh)) if (prize.couponCampaignId) await releaseCoupon(tx, prize.couponCampaignId)
      await tx.collection<ContestDoc>(CONTESTS).update(contest._id, { set: { settled: true } })
    })
    settled++
  }
  return { settled, waiting }
}
