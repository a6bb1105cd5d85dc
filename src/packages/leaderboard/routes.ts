// Pages of the leaderboard and host-leaderboard subpackages, in one place so a
// moved page breaks one line. 我的 imports this file, so it stays tiny.
import type { BoardKind } from '../../../types/leaderboard'

export const BOARDS_PAGE = '/packages/leaderboard/boards/index'
export const INVITE_PAGE = '/packages/leaderboard/invite/index'
export const CONTESTS_PAGE = '/packages/leaderboard/contests/index'
export const HOST_LEADERBOARD_PAGE = '/packages/host-leaderboard/index/index'

/** The board page for a challenge (challengeCheckins / challengeStreak) or a contest (contestInvites). */
export function boardUrl(kind: BoardKind, ids: { challengeId?: string; contestId?: string; title?: string } = {}): string {
  const params = [`kind=${kind}`]
  if (ids.challengeId) params.push(`challengeId=${encodeURIComponent(ids.challengeId)}`)
  if (ids.contestId) params.push(`contestId=${encodeURIComponent(ids.contestId)}`)
  if (ids.title) params.push(`title=${encodeURIComponent(ids.title)}`)
  return `${BOARDS_PAGE}?${params.join('&')}`
}
