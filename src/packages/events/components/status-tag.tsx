import type { SignupStatus, SignupView } from '../../../../types/events'
import { myStatusTag } from '../../../services/events'
import Tag, { type Tone } from '../../../components/tag'

const TONE: Record<SignupStatus, Tone> = { confirmed: 'green', attended: 'blue', held: 'orange', offered: 'orange', waitlisted: 'purple', cancelled: 'grey', expired: 'grey' }

/** The member's own status on an event (待支付, 候补第 2 位, 已报名, 已签到); nothing when not signed up. */
export default function StatusTag({ signup, className }: { signup: Pick<SignupView, 'status' | 'waitlistPosition'> | null; className?: string }) {
  const tag = myStatusTag(signup)
  if (!tag) return null
  return (
    <Tag tone={TONE[tag.tone]} className={className}>
      {tag.label}
    </Tag>
  )
}
