import { fromSetting, type ScoringRule } from './rule'

export const firstPayment: ScoringRule = {
  rule: 'firstPayment',
  counts: 'payment.first',
  worth: fromSetting,
  // Event fees are a first payment too: 报名, not 加入.
  reason: (event) => event.payload.kind === 'event' ? `首次付费报名「${String(event.payload.title ?? event.payload.circleName ?? '活动')}」` : `首次付费加入「${String(event.payload.circleName ?? '圈子')}」`
}
