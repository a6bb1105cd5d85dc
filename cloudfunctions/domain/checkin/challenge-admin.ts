// Hosts create, edit and archive challenges.
import { randomUUID } from 'node:crypto'
import type { Challenge, ChallengeInput, ListChallengesInput, UpdateChallengeInput } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import type { Filter } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { chinaDate } from '../time/china-calendar'
import { assertCircleExists } from '../circles/access'
import { completionRuleOf } from './completion'
import { CHALLENGES, endDateOf, loadChallenge, toChallenge, type ChallengeDoc } from './challenge'
import { isManager, isStaff } from '../../../types/roles'
import { locksFor } from '../circles/gate'
import { assertDepositTermsKept, syncDepositSettlement } from '../deposits/views'

async function checkCover(runtime: Runtime, coverFileId: string, openid: string): Promise<void> {
  if (coverFileId && !(await runtime.files.isUsableBy(coverFileId, openid))) {
    throw new AppError('INVALID_INPUT', '封面图片无效，请重新上传', 'coverFileId')
  }
}

function checkConsistency(input: ChallengeInput): void {
  if (input.minPhotos > input.maxPhotos) throw new AppError('INVALID_INPUT', '最少图片数不能大于最多图片数', 'minPhotos')
  if (input.windowStart >= input.windowEnd) throw new AppError('INVALID_INPUT', '每日打卡开始时间需早于结束时间', 'windowStart')
  const bonusDays = input.streakBonuses.map((b) => b.day)
  if (new Set(bonusDays).size !== bonusDays.length) throw new AppError('INVALID_INPUT', '连续打卡奖励的天数不能重复', 'streakBonuses')
  if (bonusDays.some((day) => day > input.days)) throw new AppError('INVALID_INPUT', '连续打卡奖励的天数不能超过挑战天数', 'streakBonuses')
  if (input.completionDays !== undefined && input.completionDays > input.days) throw new AppError('INVALID_INPUT', '完成所需天数不能超过挑战天数', 'completionDays')
}

export async function createChallenge(runtime: Runtime, caller: Caller, input: ChallengeInput, now: number): Promise<Challenge> {
  checkConsistency(input)
  await checkCover(runtime, input.coverFileId, caller.openid)
  await assertCircleExists(runtime, input.circleId)
  const doc: ChallengeDoc = {
    ...input,
    // The completion rule's defaults: every day, make-ups counted (challenges stored before the rule read the same through completionRuleOf).
    ...completionRuleOf(input),
    streakBonuses: [...input.streakBonuses].sort((a, b) => a.day - b.day),
    _id: randomUUID(),
    endDate: endDateOf(input.startDate, input.days),
    archived: false,
    participantCount: 0,
    checkinCount: 0,
    createdBy: caller.openid,
    createdAt: now,
    updatedAt: now
  }
  await runtime.store.collection<ChallengeDoc>(CHALLENGES).insert(doc)
  if ((doc.depositFen ?? 0) > 0) await syncDepositSettlement(runtime, doc, now)
  return toChallenge(doc, runtime, now)
}

export async function updateChallenge(runtime: Runtime, caller: Caller, input: UpdateChallengeInput, now: number): Promise<Challenge> {
  const { challengeId, ...changes } = input
  const current = await loadChallenge(runtime, challengeId, { allowArchived: true })
  const { _id, endDate: _end, archived: _a, participantCount: _p, checkinCount: _c, createdBy: _b, createdAt: _t, updatedAt: _u, ...editable } = current
  // A challenge whose rule was every day keeps that rule when its length changes.
  if (changes.days !== undefined && changes.completionDays === undefined && completionRuleOf(current).completionDays >= current.days) changes.completionDays = changes.days
  const next: ChallengeInput = { ...editable, ...changes }
  checkConsistency(next)
  if (changes.coverFileId !== undefined) await checkCover(runtime, changes.coverFileId, caller.openid)
  if (changes.circleId !== undefined) await assertCircleExists(runtime, changes.circleId)
  assertDepositTermsKept(current, changes)
  if (current.checkinCount > 0 && changes.startDate !== undefined && changes.startDate !== current.startDate) {
    throw new AppError('CONFLICT', '已有成员打卡，不能修改开始日期')
  }
  // Each check-in keeps the circle it was posted under: moving a challenge with
  // check-ins into or out of a circle would leave them with the wrong audience.
  if (current.checkinCount > 0 && changes.circleId !== undefined && changes.circleId !== (current.circleId ?? null)) {
    throw new AppError('CONFLICT', '已有成员打卡，不能修改圈子限制；可以新建一个圈子专属挑战')
  }
  const set = { ...changes, streakBonuses: [...next.streakBonuses].sort((a, b) => a.day - b.day), endDate: endDateOf(next.startDate, next.days), updatedAt: now }
  await runtime.store.collection<ChallengeDoc>(CHALLENGES).update(challengeId, { set })
  const updated = await loadChallenge(runtime, challengeId, { allowArchived: true })
  if ((current.depositFen ?? 0) > 0 || (updated.depositFen ?? 0) > 0) await syncDepositSettlement(runtime, updated, now)
  return toChallenge(updated, runtime, now)
}

export async function archiveChallenge(runtime: Runtime, challengeId: string, now: number): Promise<Challenge> {
  await loadChallenge(runtime, challengeId, { allowArchived: true })
  await runtime.store.collection<ChallengeDoc>(CHALLENGES).update(challengeId, { set: { archived: true, updatedAt: now } })
  return toChallenge(await loadChallenge(runtime, challengeId, { allowArchived: true }), runtime, now)
}

export async function listChallenges(runtime: Runtime, caller: Caller, input: ListChallengesInput, now: number): Promise<Page<Challenge>> {
  const today = chinaDate(now)
  const filter: Filter = {}
  if (!(input.includeArchived && isManager(caller.role))) filter.archived = false
  if (input.circleId) filter.circleId = input.circleId
  const phase = input.phase ?? 'all'
  if (phase === 'upcoming') filter.startDate = { $gt: today }
  if (phase === 'running') filter.startDate = { $lte: today }
  if (phase === 'ended') filter.endDate = { $lt: today }
  // Running needs both bounds; the end bound is checked here so paging stays on the start-date index.
  const page = await runtime.store.collection<ChallengeDoc>(CHALLENGES).find(filter, { sort: [['startDate', 'desc']], limit: 20, after: input.after })
  const items = page.items.filter((doc) => phase !== 'running' || doc.endDate >= today)
  // Shown locked with what unlocks them (domain/circles/gate.ts): two or three reads for the page.
  const locks = await locksFor(runtime, items, caller.openid, now, isStaff(caller.role))
  return { items: items.map((doc, i) => ({ ...toChallenge(doc, runtime, now), lock: locks[i] })), next: page.next }
}
