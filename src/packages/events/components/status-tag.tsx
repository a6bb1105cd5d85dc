import { Text } from '@tarojs/components'
import type { SignupView } from '../../../../types/events'
import { myStatusTag } from '../../../services/events'
import './status-tag.css'

/** The member's own status on an event (待支付, 候补第 2 位, 已报名, 已签到); nothing when not signed up. */
export default function StatusTag({ signup, className }: { signup: Pick<SignupView, 'status' | 'waitlistPosition'> | null; className?: string }) {
  const tag = myStatusTag(signup)
  if (!tag) return null
  return <Text className={`ev-status-tag ev-status-${tag.tone} ${className ?? ''}`}>{tag.label}</Text>
}
