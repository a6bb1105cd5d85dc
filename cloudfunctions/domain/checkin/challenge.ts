// A check-in challenge: its schedule in China dates, its daily window, and what
// a check-in must contain.
import type { Challenge, ChallengeInput, ChallengePhase } from '../../../types/checkin'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { errors } from '../../platform/app-error'
import { addDays, chinaDate, chinaMinuteOfDay, daysBetween, parseClock } from '../time/china-calendar'
import { completionRuleOf } from './completion'

export const CHALLENGES = COLLECTIONS.challenges.name

export interface ChallengeDoc extends ChallengeInput {
  _id: string
  endDate: string
  archived: boolean
  participantCount: number
  checkinCount: number
  createdBy: string
  createdAt: number
  updatedAt: number
}

export function endDateOf(startDate: string, days: number): string {
  return addDays(startDate, days - 1)
}

export function phaseOn(challenge: Pick<ChallengeDoc, 'startDate' | 'endDate'>, today: string): ChallengePhase {
  if (today < challenge.startDate) return 'upcoming'
  if (today > challenge.endDate) return 'ended'
  return 'running'
}

/** Day N (1-based) of the challenge for a date. */
export function dayNumberOf(challenge: Pick<ChallengeDoc, 'startDate'>, date: string): number {
  return daysBetween(challenge.startDate, date) + 1
}

export function isWithinChallenge(challenge: Pick<ChallengeDoc, 'startDate' | 'endDate'>, date: string): boolean {
  return date >= challenge.startDate && date <= challenge.endDate
}

/** Whether `at` falls in the daily window (China time; the end minute is included). */
export function isWindowOpen(challenge: Pick<ChallengeDoc, 'windowStart' | 'windowEnd'>, at: number): boolean {
  const minute = chinaMinuteOfDay(at)
  return minute >= parseClock(challenge.windowStart) && minute <= parseClock(challenge.windowEnd)
}

export function toChallenge(doc: ChallengeDoc, runtime: Runtime, now: number): Challenge {
  const { _id, createdBy: _createdBy, updatedAt: _updatedAt, ...rest } = doc
  return {
    ...rest,
    ...completionRuleOf(doc),
    id: _id,
    coverUrl: doc.coverFileId ? runtime.files.urlFor(doc.coverFileId) : '',
    phase: phaseOn(doc, chinaDate(now))
  }
}

export async function loadChallenge(runtime: Runtime, challengeId: string, options: { allowArchived?: boolean } = {}): Promise<ChallengeDoc> {
  const doc = await runtime.store.collection<ChallengeDoc>(CHALLENGES).get(challengeId)
  if (!doc || (doc.archived && !options.allowArchived)) throw errors.notFound('挑战')
  return doc
}
