import type { GrowthRule, MallItemKind, Segment } from '../../../types/growth'

/** Rules in the order a host reads them, with what each one counts. */
export const RULES: { rule: GrowthRule; name: string; hint: string }[] = [
  { rule: 'checkinPosted', name: '打卡', hint: '每次有效打卡；挑战自设积分时以挑战为准' },
  { rule: 'streakReached', name: '连续打卡奖励', hint: '连续打卡达到挑战设定的天数' },
  { rule: 'challengeCompleted', name: '完成挑战', hint: '完成整个挑战周期' },
  { rule: 'featuredByHost', name: '被精选', hint: '打卡被主理人精选' },
  { rule: 'commentReceived', name: '收到评论', hint: '打卡收到其他成员的评论' },
  { rule: 'eventAttended', name: '参加活动', hint: '活动现场签到' },
  { rule: 'inviteActivated', name: '邀请激活', hint: '邀请的新成员完成激活' },
  { rule: 'firstPayment', name: '首次付费', hint: '成员第一次付费' },
  { rule: 'testimonialConverted', name: '打卡带来付费', hint: '新成员付费前最后看的是这条打卡（7 天内），奖励作者；设为 0 即关闭' }
]

export const KIND_OPTIONS: { kind: MallItemKind; label: string; hint: string }[] = [
  { kind: 'makeupCard', label: '补卡券', hint: '兑换后自动发放，任意挑战可用' },
  { kind: 'physical', label: '实物', hint: '成员填写收货地址，由你发货' },
  { kind: 'virtual', label: '虚拟', hint: '服务或权益，兑换后你联系成员' },
  { kind: 'coupon', label: '优惠券', hint: '兑换后自动放入成员的卡券（选一个「仅作奖品」的券最合适）' }
]

export const KIND_LABEL: Record<MallItemKind, string> = { makeupCard: '补卡券', physical: '实物', virtual: '虚拟', coupon: '优惠券' }

export const SEGMENTS: { segment: Segment; label: string; hint: string }[] = [
  { segment: 'kol', label: 'KOL', hint: 'Lv4 及以上' },
  { segment: 'core', label: '核心', hint: 'Lv3，或 30 天活跃 15 天以上' },
  { segment: 'ordinary', label: '普通', hint: '30 天内有活跃' },
  { segment: 'silent', label: '沉默', hint: '30 天无活跃' }
]

export const SEGMENT_LABEL: Record<Segment, string> = { kol: 'KOL', core: '核心', ordinary: '普通', silent: '沉默' }
