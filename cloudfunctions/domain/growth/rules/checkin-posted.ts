import { fromPayloadPoints, type ScoringRule } from './rule'

export const checkinPosted: ScoringRule<'checkin.posted'> = {
  rule: 'checkinPosted',
  counts: 'checkin.posted',
  worth: fromPayloadPoints,
  reason: (event) => `${event.payload.makeup ? '补卡' : '打卡'}「${String(event.payload.challengeTitle ?? '挑战')}」`
}
