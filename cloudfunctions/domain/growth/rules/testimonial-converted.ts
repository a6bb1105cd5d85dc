import { fromSetting, type ScoringRule } from './rule'

/** The author's check-in was the last one a new member read before their first payment (domain/analytics/attribution.ts). */
export const testimonialConverted: ScoringRule<'testimonial.converted'> = {
  rule: 'testimonialConverted',
  counts: 'testimonial.converted',
  worth: fromSetting,
  reason: () => '你的打卡带来了一位新的付费成员'
}
