import { fromSetting, type ScoringRule } from './rule'

export const commentReceived: ScoringRule<'comment.received'> = {
  rule: 'commentReceived',
  counts: 'comment.received',
  worth: fromSetting,
  reason: () => '打卡收到评论'
}
