// The completion rule of a challenge: how many days a member must have done
// (completionDays, 1..days, default every day) and whether days filled with a
// make-up card count toward them (makeupsCount, default yes). Whether a member
// completed is read from their participant document alone (its done days, its
// make-up days and the days the host graded 不合格), so no check-in is scanned.
import type { ChallengeInput } from '../../../types/checkin'
import type { ParticipantDoc } from './participant'

export interface CompletionRule {
  /** Days a member must have done, 1..days. */
  completionDays: number
  /** Whether a day filled with a make-up card counts. */
  makeupsCount: boolean
}

/** The grade of a host's review (点评) that keeps its day from counting toward completion (stored as 'fail'; its label 不合格 is read too). */
export const FAILING_GRADE = '不合格'
const FAILING_GRADES: unknown[] = ['fail', FAILING_GRADE]

/** The rule of a challenge, with the defaults for challenges stored before the rule existed (every day, make-ups count). */
export function completionRuleOf(challenge: Pick<ChallengeInput, 'days' | 'completionDays' | 'makeupsCount'>): CompletionRule {
  const days = Math.max(1, challenge.days)
  const wanted = typeof challenge.completionDays === 'number' && Number.isFinite(challenge.completionDays) ? Math.round(challenge.completionDays) : days
  return { completionDays: Math.min(days, Math.max(1, wanted)), makeupsCount: challenge.makeupsCount !== false }
}

/**
 * Whether a check-in's host review keeps its day from counting: true only for a
 * grade of 不合格 ('fail'). Read defensively: check-ins without a review, or with one of
 * another shape, count.
 */
export function reviewFails(review: unknown): boolean {
  return typeof review === 'object' && review !== null && FAILING_GRADES.includes((review as { grade?: unknown }).grade)
}

/**
 * HOOK for host reviews: the participant's `failedDates` after a check-in of
 * `date` is graded. Whoever stores `review: { grade, ... }` on a check-in writes
 * this onto its participant document (`participants.update(id, { set: { failedDates } })`),
 * so completion stays a by-id read of one document. A later passing grade takes the day back.
 */
export function failedDatesAfterReview(participant: Pick<ParticipantDoc, 'failedDates'>, date: string, grade: unknown): string[] {
  const rest = (participant.failedDates ?? []).filter((d) => d !== date)
  return reviewFails({ grade }) ? [...rest, date].sort() : rest
}

type Done = Pick<ParticipantDoc, 'doneDates' | 'makeupDates' | 'failedDates'>

/** The days that count toward completion under the rule, sorted. `failedDates` overrides the participant's own list (e.g. read from check-in reviews). */
export function countedDates(rule: CompletionRule, participant: Done | null, failedDates?: Iterable<string>): string[] {
  if (!participant) return []
  const failed = new Set(failedDates ?? participant.failedDates ?? [])
  const makeups = new Set(participant.makeupDates ?? [])
  return [...new Set(participant.doneDates)].filter((date) => !failed.has(date) && (rule.makeupsCount || !makeups.has(date))).sort()
}

/** Whether the participant completed the challenge under its rule. */
export function isCompleted(challenge: Pick<ChallengeInput, 'days' | 'completionDays' | 'makeupsCount'>, participant: Done | null, failedDates?: Iterable<string>): boolean {
  const rule = completionRuleOf(challenge)
  return countedDates(rule, participant, failedDates).length >= rule.completionDays
}

/** The rule in words, as the challenge page and the report state it. */
export function describeRule(challenge: Pick<ChallengeInput, 'days' | 'completionDays' | 'makeupsCount'>): string {
  const rule = completionRuleOf(challenge)
  const days = rule.completionDays === challenge.days ? `全部 ${challenge.days} 天` : `${challenge.days} 天中的 ${rule.completionDays} 天`
  return `完成${days}打卡即算完成挑战${rule.makeupsCount ? '（补卡计入）' : '（补卡不计入）'}`
}
