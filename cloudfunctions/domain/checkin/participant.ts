// A member's participation in one challenge: the dates checked in (made up or
// not), from which progress and streaks are derived.
import type { ChallengeProgress } from '../../../types/checkin'
import { COLLECTIONS } from '../../platform/collections'
import { addDays, chinaDate } from '../time/china-calendar'
import { isWindowOpen, isWithinChallenge, phaseOn, type ChallengeDoc } from './challenge'
import { computeStreaks } from './streaks'
import { countedDates, completionRuleOf } from './completion'

export const PARTICIPANTS = COLLECTIONS.participants.name
/** How many days back a make-up card reaches. */
export const MAKEUP_WINDOW_DAYS = 3

export interface ParticipantDoc {
  _id: string
  challengeId: string
  openid: string
  joinedAt: number
  doneDates: string[]
  makeupDates: string[]
  makeupUsed: number
  longestStreak: number
  completedAt: number | null
  /** Streak bonus days already earned here (absent on participants from before they were kept: see newBonusDays). */
  bonusDays?: number[]
  /** Days whose check-in the host graded 不合格: they do not count toward completion (written with the review: completion.ts failedDatesAfterReview). */
  failedDates?: string[]
}

export function participantId(challengeId: string, openid: string): string {
  return `${challengeId}:${openid}`
}

export function newParticipant(challengeId: string, openid: string, now: number): ParticipantDoc {
  return { _id: participantId(challengeId, openid), challengeId, openid, joinedAt: now, doneDates: [], makeupDates: [], makeupUsed: 0, longestStreak: 0, completedAt: null, bonusDays: [] }
}

/** Cards this challenge still allows the member (its own allowance, spent first). */
export function challengeCardsLeft(challenge: ChallengeDoc, participant: ParticipantDoc | null): number {
  return Math.max(0, challenge.makeupCardsPerMember - (participant?.makeupUsed ?? 0))
}

/** All cards usable here: the challenge's own plus the member's wallet cards (mall, tier perks). */
export function makeupCardsLeft(challenge: ChallengeDoc, participant: ParticipantDoc | null, walletCards = 0): number {
  return challengeCardsLeft(challenge, participant) + walletCards
}

/** The China date the member joined the challenge: the earliest day a make-up card can fill. */
export function joinDateOf(participant: Pick<ParticipantDoc, 'joinedAt'>): string {
  return chinaDate(participant.joinedAt)
}

/**
 * Missed days in the last MAKEUP_WINDOW_DAYS days that a card could still fill:
 * only days since the member joined (a member who joined today has none).
 */
export function makeupableDates(challenge: ChallengeDoc, participant: ParticipantDoc | null, today: string, walletCards = 0): string[] {
  if (!participant || makeupCardsLeft(challenge, participant, walletCards) === 0) return []
  const done = new Set(participant.doneDates)
  const joined = joinDateOf(participant)
  const dates: string[] = []
  for (let back = MAKEUP_WINDOW_DAYS; back >= 1; back--) {
    const date = addDays(today, -back)
    if (date >= joined && isWithinChallenge(challenge, date) && !done.has(date)) dates.push(date)
  }
  return dates
}

export function progressOf(challenge: ChallengeDoc, participant: ParticipantDoc | null, now: number, walletCards = 0): ChallengeProgress {
  const today = chinaDate(now)
  const doneDates = [...(participant?.doneDates ?? [])].sort()
  const makeups = new Set(participant?.makeupDates ?? [])
  const streaks = computeStreaks(doneDates, today)
  const counted = countedDates(completionRuleOf(challenge), participant).length
  return {
    joined: participant !== null,
    joinedAt: participant?.joinedAt ?? null,
    daysDone: doneDates.length,
    daysTotal: challenge.days,
    currentStreak: streaks.current,
    longestStreak: Math.max(streaks.longest, participant?.longestStreak ?? 0),
    makeupCardsLeft: makeupCardsLeft(challenge, participant, walletCards),
    today,
    checkedInToday: doneDates.includes(today),
    windowOpen: phaseOn(challenge, today) === 'running' && isWindowOpen(challenge, now),
    completed: counted >= completionRuleOf(challenge).completionDays,
    daysCounted: counted,
    doneDays: doneDates.map((date) => ({ date, makeup: makeups.has(date) })),
    makeupableDates: makeupableDates(challenge, participant, today, walletCards)
  }
}
