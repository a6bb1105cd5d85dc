import { fromSetting, type ScoringRule } from './rule'

export const firstPayment: ScoringRule<'payment.first'> = {
  rule: 'firstPayment',
  counts: 'payment.first',
  worth: fromSetting,
  // Event fees are a first payment too: 报名, not 加入.
  reason: (event) =>
    event.payload.kind === undefined ? `首次付费加入「${event.payload.circleName ?? '圈子'}」` : `首次付费${event.payload.kind === 'event' ? '报名' : '购买'}「${event.payload.title ?? '活动'}」`
}
