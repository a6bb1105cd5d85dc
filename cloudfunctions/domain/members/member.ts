import type { Role } from '../../../types/member'
import { COLLECTIONS } from '../../platform/collections'

export interface MemberDoc {
  _id: string // the openid
  nickname: string
  avatarFileId: string
  role: Role
  joinedAt: number
  updatedAt: number
  /** The tier the member's wallet reached, copied here when it rises (absent until the first rise: Lv1). */
  tierLevel?: number
}

export const MEMBERS = COLLECTIONS.members.name

export function defaultNickname(openid: string): string {
  return `成员${openid.slice(-4)}`
}
