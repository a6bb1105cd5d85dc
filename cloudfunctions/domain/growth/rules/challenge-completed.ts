import { fromSetting, type ScoringRule } from './rule'

export const challengeCompleted: ScoringRule<'challenge.completed'> = {
  rule: 'challengeCompleted',
  counts: 'challenge.completed',
  worth: fromSetting,
  reason: (event) => `完成挑战「${String(event.payload.challengeTitle ?? '挑战')}」`
}
