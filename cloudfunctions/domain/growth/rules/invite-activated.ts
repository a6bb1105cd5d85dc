import { fromSetting, type ScoringRule } from './rule'

export const inviteActivated: ScoringRule<'invite.activated'> = {
  rule: 'inviteActivated',
  counts: 'invite.activated',
  worth: fromSetting,
  reason: () => '邀请的好友完成首次打卡或付费'
}
