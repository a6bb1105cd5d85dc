// Reading a board: the top 50 from the (boardId, score desc, reachedAt asc)
// index, and the caller's own rank from the rank counts (one request at any
// board size) — never by scanning. Boards move a minute or so after the facts
// behind them (the board mover is a cron job).
import type { BoardEntryView, BoardInput, BoardView } from '../../../types/leaderboard'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { chinaTime } from '../../ports/clock'
import { authorsOf } from '../checkin/views'
import { CHALLENGES, type ChallengeDoc } from '../checkin/challenge'
import { BOARDS, ENTRIES, boardIds, type BoardDoc, type EntryDoc } from './boards'
import { RANK_COUNTS, countAbove, readCounts, type CountsDoc } from './rank-counts'
import { CONTESTS, prizeViews, prizesOf, type ContestDoc } from './contests'
import { loadBoardRewards } from './rewards'

const WEEK = 7 * 24 * 3600_000

/** Competition ranking: ties share a rank (1, 2, 2, 4). One request. */
export async function rankOf(runtime: Runtime, boardId: string, entry: Pick<EntryDoc, 'score'>): Promise<number> {
  const { coarse, bucket } = await readCounts(runtime.store.collection<CountsDoc>(RANK_COUNTS), boardId, entry.score)
  return 1 + countAbove(coarse, bucket, entry.score).above
}

export async function topEntries(runtime: Runtime, boardId: string, limit = 50): Promise<Array<EntryDoc & { rank: number }>> {
  const page = await runtime.store.collection<EntryDoc>(ENTRIES).find(
    { boardId, score: { $gt: 0 } },
    {
      sort: [
        ['score', 'desc'],
        ['reachedAt', 'asc']
      ],
      limit
    }
  )
  let rank = 0
  return page.items.map((entry, i) => {
    if (i === 0 || entry.score !== page.items[i - 1].score) rank = i + 1
    return { ...entry, rank }
  })
}

async function describe(runtime: Runtime, input: BoardInput, now: number): Promise<{ boardId: string; title: string; periodLabel: string; rewards: number[]; rewardCoupons?: Array<string | null> }> {
  const previous = input.period === 'previous'
  const rewards = await loadBoardRewards(runtime)
  const suffix = input.newcomers ? ':new' : ''
  const label = (a: number, b: number) => `${chinaTime(a).format('MM月DD日')}–${chinaTime(b).format('MM月DD日')}`
  switch (input.kind) {
    case 'pointsWeek': {
      const at = previous ? now - WEEK : now
      const start = Date.parse(`${boardIds.week(at).slice('points:week:'.length)}T00:00:00+08:00`)
      return { boardId: boardIds.week(at) + suffix, title: input.newcomers ? '新人周榜' : '积分周榜', periodLabel: label(start, start + WEEK - 1), rewards: rewards.weekly }
    }
    case 'pointsMonth': {
      const month = chinaTime(now).startOf('month')
      const at = previous ? month.subtract(1, 'day').valueOf() : now
      return { boardId: boardIds.month(at) + suffix, title: input.newcomers ? '新人月榜' : '积分月榜', periodLabel: chinaTime(at).format('YYYY年MM月'), rewards: rewards.monthly }
    }
    case 'pointsAll':
      return { boardId: boardIds.all() + suffix, title: '积分总榜', periodLabel: '全部时间', rewards: [] }
    case 'challengeCheckins':
    case 'challengeStreak': {
      if (!input.challengeId) throw new AppError('INVALID_INPUT', '缺少参数：challengeId', 'challengeId')
      const challenge = await runtime.store.collection<ChallengeDoc>(CHALLENGES).get(input.challengeId)
      if (!challenge) throw new AppError('NOT_FOUND', '挑战不存在', 'challengeId')
      const streak = input.kind === 'challengeStreak'
      return {
        boardId: (streak ? boardIds.streak : boardIds.checkins)(challenge._id),
        title: `${challenge.title}·${streak ? '连续打卡榜' : '打卡次数榜'}`,
        periodLabel: `${challenge.startDate}–${challenge.endDate}`,
        rewards: []
      }
    }
    case 'contestInvites': {
      if (!input.contestId) throw new AppError('INVALID_INPUT', '缺少参数：contestId', 'contestId')
      const contest = await runtime.store.collection<ContestDoc>(CONTESTS).get(input.contestId)
      if (!contest) throw new AppError('NOT_FOUND', '邀请赛不存在', 'contestId')
      const prizes = await prizeViews(runtime, prizesOf(contest))
      return {
        boardId: boardIds.invites(contest._id),
        title: contest.title,
        periodLabel: label(contest.startAt, contest.endAt),
        rewards: prizes.map((p) => p.points),
        rewardCoupons: prizes.map((p) => p.couponName)
      }
    }
  }
}

export async function boardView(runtime: Runtime, caller: Caller, input: BoardInput, now: number): Promise<BoardView> {
  const { boardId, title, periodLabel, rewards, rewardCoupons = [] } = await describe(runtime, input, now)
  const [board, top, mine] = await Promise.all([
    runtime.store.collection<BoardDoc>(BOARDS).get(boardId),
    topEntries(runtime, boardId),
    runtime.store.collection<EntryDoc>(ENTRIES).get(`${boardId}:${caller.openid}`)
  ])
  const ranked = mine && mine.score > 0 ? mine : null
  const counts = await readCounts(runtime.store.collection<CountsDoc>(RANK_COUNTS), boardId, ranked?.score ?? null)
  const authors = await authorsOf(runtime, [...top.map((e) => e.openid), caller.openid])
  const view = (entry: EntryDoc, rank: number): BoardEntryView => {
    const a = authors.get(entry.openid)!
    return { rank, openid: entry.openid, nickname: a.nickname, avatarUrl: a.avatarUrl, badge: a.badge, score: entry.score }
  }
  return {
    boardId,
    title,
    periodLabel,
    rewards,
    rewardCoupons,
    settled: board?.settled ?? false,
    entries: top.map((e) => view(e, e.rank)),
    me: ranked ? view(ranked, 1 + countAbove(counts.coarse, counts.bucket, ranked.score).above) : null,
    total: countAbove(counts.coarse, null, 0).total
  }
}
