// Board scores: one entry per member per board, moved by the board mover
// (move-boards.ts) from applied facts. Board ids name their period in China time:
// points:week:<Monday>, points:month:<yyyymm>, points:all, checkins:<challenge>,
// streak:<challenge>, invites:<contest>; a ':new' suffix is the newcomers' view.
import { COLLECTIONS } from '../../platform/collections'
import { chinaTime } from '../../ports/clock'
import { addDays } from '../time/china-calendar'

export const ENTRIES = COLLECTIONS.boardEntries.name
export const BOARDS = COLLECTIONS.boards.name
export const NEWCOMER_DAYS = 30

export interface EntryDoc {
  _id: string
  boardId: string
  openid: string
  score: number
  /** When the member reached this score: earlier wins a tie. */
  reachedAt: number
}

export interface BoardDoc {
  _id: string
  settled: boolean
  results: Array<{ openid: string; score: number; rank: number }> | null
}

export function weekStart(at: number): string {
  const t = chinaTime(at)
  return addDays(t.format('YYYY-MM-DD'), -((t.day() + 6) % 7)) // Monday
}

export function monthKey(at: number): string {
  return chinaTime(at).format('YYYYMM')
}

export const boardIds = {
  week: (at: number) => `points:week:${weekStart(at)}`,
  month: (at: number) => `points:month:${monthKey(at)}`,
  all: () => 'points:all',
  checkins: (challengeId: string) => `checkins:${challengeId}`,
  streak: (challengeId: string) => `streak:${challengeId}`,
  invites: (contestId: string) => `invites:${contestId}`
}
