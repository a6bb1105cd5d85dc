import { fromSetting, type ScoringRule } from './rule'

export const eventAttended: ScoringRule<'event.attended'> = {
  rule: 'eventAttended',
  counts: 'event.attended',
  worth: fromSetting,
  reason: (event) => `参加活动「${String(event.payload.eventTitle ?? '活动')}」`
}
