// How facts move the boards and referrals. Called inside the transaction that
// applies each fact, so a fact moves a board exactly once.
import type { Transaction } from '../../ports/store'
import type { DomainEventDoc } from '../events/domain-events'
import type { LedgerEntryDoc } from '../growth/wallet'
import { MEMBERS, type MemberDoc } from '../members/member'
import { COLLECTIONS } from '../../platform/collections'
import { NEWCOMER_DAYS, addScore, boardIds, setScore } from './boards'
import { activateInvite } from './referral'

interface ContestDoc {
  _id: string
  startAt: number
  endAt: number
}

export async function moveBoards(tx: Transaction, event: DomainEventDoc, granted: LedgerEntryDoc | null, runningContests: ContestDoc[]): Promise<void> {
  const at = event.createdAt
  if (granted && granted.points > 0) {
    const member = await tx.collection<MemberDoc>(MEMBERS).get(event.openid)
    const newcomer = member !== null && at - member.joinedAt <= NEWCOMER_DAYS * 24 * 3600_000
    for (const boardId of [boardIds.week(at), boardIds.month(at), boardIds.all()]) {
      await addScore(tx, boardId, event.openid, granted.points, at)
      if (newcomer) await addScore(tx, `${boardId}:new`, event.openid, granted.points, at)
    }
  }
  const challengeId = typeof event.payload.challengeId === 'string' ? event.payload.challengeId : null
  if (event.type === 'checkin.posted' && challengeId) {
    await addScore(tx, boardIds.checkins(challengeId), event.openid, 1, at)
    if (typeof event.payload.streak === 'number') await setScore(tx, boardIds.streak(challengeId), event.openid, event.payload.streak, at)
  }
  if (event.type === 'checkin.revoked' && typeof event.payload.challengeId === 'string') {
    await addScore(tx, boardIds.checkins(event.payload.challengeId), event.openid, -1, at)
  }
  if (event.type === 'checkin.posted' || event.type === 'payment.first') await activateInvite(tx, event.openid, at)
  if (event.type === 'invite.activated') {
    for (const contest of runningContests) {
      if (at >= contest.startAt && at <= contest.endAt) await addScore(tx, boardIds.invites(contest._id), event.openid, 1, at)
    }
  }
}

export async function runningContests(store: { collection<T extends { _id: string }>(name: string): { find: (...args: any[]) => Promise<{ items: T[] }> } }, now: number): Promise<ContestDoc[]> {
  const page = await store.collection<ContestDoc & { settled: boolean }>(COLLECTIONS.contests.name).find({ startAt: { $lte: now } }, { sort: [['startAt', 'desc']], limit: 50 })
  return page.items.filter((c) => c.endAt >= now - 24 * 3600_000)
}
