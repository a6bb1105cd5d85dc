// Invite contests: a time window, a live board of activated invites, and
// prizes for the top 3 when it ends.
import { randomUUID } from 'node:crypto'
import type { ContestInput, ContestView } from '../../../types/leaderboard'
import type { Page, PageInput } from '../../../types/page'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'

export const CONTESTS = COLLECTIONS.contests.name

export interface ContestDoc extends ContestInput {
  _id: string
  settled: boolean
  createdAt: number
}

function toView(doc: ContestDoc, now: number): ContestView {
  const { _id, createdAt: _c, ...rest } = doc
  return { ...rest, id: _id, phase: now < doc.startAt ? 'upcoming' : now <= doc.endAt ? 'running' : 'ended' }
}

export async function createContest(runtime: Runtime, input: ContestInput, now: number): Promise<ContestView> {
  if (input.endAt <= input.startAt) throw new AppError('INVALID_INPUT', '结束时间需晚于开始时间', 'endAt')
  const doc: ContestDoc = { ...input, _id: randomUUID(), settled: false, createdAt: now }
  await runtime.store.collection<ContestDoc>(CONTESTS).insert(doc)
  return toView(doc, now)
}

export async function listContests(runtime: Runtime, input: PageInput, now: number): Promise<Page<ContestView>> {
  const page = await runtime.store.collection<ContestDoc>(CONTESTS).find({}, { sort: [['startAt', 'desc']], limit: 20, after: input.after })
  return { items: page.items.map((d) => toView(d, now)), next: page.next }
}
