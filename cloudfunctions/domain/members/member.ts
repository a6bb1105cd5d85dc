import type { Role } from '../../../types/roles'
import { COLLECTIONS } from '../../platform/collections'

export interface MemberDoc {
  _id: string // the openid
  nickname: string
  avatarFileId: string
  /** The member's role: 'owner' kept in step with HOST_OPENIDS; admin, moderator and guest from an accepted staff invite. */
  role: Role
  /** When the current role was given (absent: since joining). */
  roleSince?: number
  joinedAt: number
  updatedAt: number
  /** The tier the member's wallet reached, copied here when it rises (absent until the first rise: Lv1). */
  tierLevel?: number
  /**
   * Whether an invite of theirs waits for their first check-in or payment:
   * 'none' (never invited), 'pending' (attributed, maybe activated since: the
   * referral says). Absent on members from before it was kept.
   */
  invite?: 'none' | 'pending'
  /**
   * The member's latest check-ins posted while an image check (or a review) was
   * still pending, newest last: the wall pins the ones still pending for their
   * author without a query when there are none. Absent or empty: nothing pending.
   */
  pendingCheckins?: string[]
  /** When the app first asked them for a nickname and avatar and they skipped (absent: never asked; see profile-prompt.ts). */
  profilePromptedAt?: number
}

export const MEMBERS = COLLECTIONS.members.name

export function defaultNickname(openid: string): string {
  return `成员${openid.slice(-4)}`
}
