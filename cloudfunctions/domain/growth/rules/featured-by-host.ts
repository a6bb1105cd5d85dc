import { fromSetting, type ScoringRule } from './rule'

export const featuredByHost: ScoringRule<'checkin.featured'> = {
  rule: 'featuredByHost',
  counts: 'checkin.featured',
  worth: fromSetting,
  reason: () => '打卡被主理人精选'
}
