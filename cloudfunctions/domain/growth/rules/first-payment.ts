import { fromSetting, type ScoringRule } from './rule'

export const firstPayment: ScoringRule = {
  rule: 'firstPayment',
  counts: 'payment.first',
  worth: fromSetting,
  reason: (event) => `首次付费加入「${String(event.payload.circleName ?? '圈子')}」`
}
