// Board scores. Each score change updates the member's entry and the rank
// index in one transaction. Board ids name their period in China time:
// points:week:<Monday>, points:month:<yyyymm>, points:all, checkins:<challenge>,
// streak:<challenge>, invites:<contest>; a ':new' suffix is the newcomers' view.
import type { DocOps, Transaction } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'
import { chinaTime } from '../../ports/clock'
import { addDays } from '../time/china-calendar'
import { TREE, treeAdd } from './rank-index'

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
  total: number
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

/** Sets a member's score on a board (creating the entry), keeping the rank index in step. */
export async function setScore(tx: Transaction, boardId: string, openid: string, score: number, at: number): Promise<void> {
  const entries = tx.collection<EntryDoc>(ENTRIES)
  const nodes = tx.collection<{ _id: string; n: number }>(TREE)
  const boards = tx.collection<BoardDoc>(BOARDS) as DocOps<BoardDoc>
  const id = `${boardId}:${openid}`
  const current = await entries.get(id)
  if (current && current.score === score) return
  if (current) await treeAdd(nodes, boardId, current.score, -1)
  else {
    const board = await boards.get(boardId)
    await boards.set({ _id: boardId, total: (board?.total ?? 0) + 1, settled: board?.settled ?? false, results: board?.results ?? null })
  }
  await treeAdd(nodes, boardId, score, 1)
  await entries.set({ _id: id, boardId, openid, score, reachedAt: at })
}

export async function addScore(tx: Transaction, boardId: string, openid: string, delta: number, at: number): Promise<void> {
  const current = await tx.collection<EntryDoc>(ENTRIES).get(`${boardId}:${openid}`)
  await setScore(tx, boardId, openid, Math.max(0, (current?.score ?? 0) + delta), at)
}
