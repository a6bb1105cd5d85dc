import { fromPayloadPoints, type ScoringRule } from './rule'

export const streakReached: ScoringRule<'streak.reached'> = {
  rule: 'streakReached',
  counts: 'streak.reached',
  worth: fromPayloadPoints,
  reason: (event) => `连续打卡 ${String(event.payload.streak)} 天「${String(event.payload.challengeTitle ?? '挑战')}」`
}
