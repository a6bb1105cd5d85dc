// The team: the owner (from HOST_OPENIDS) adds admins, moderators and guests
// with an invite link and removes them. See types/roles.ts for what each may do.
import type { InvitableRole, Role } from './roles'

export interface StaffMemberView {
  openid: string
  nickname: string
  avatarUrl: string
  role: Role
  /** When they took the role (the owner: when they first opened the app). */
  since: number
}

export interface StaffInviteView {
  token: string
  role: InvitableRole
  createdAt: number
  expiresAt: number
  /** The page the link opens (the app's path with its query): share it as a card or copy it. */
  path: string
}

export interface TeamView {
  staff: StaffMemberView[]
  /** Invites not yet used and not expired, newest first. */
  invites: StaffInviteView[]
}

export interface CreateStaffInviteInput {
  role: InvitableRole
}

export interface StaffInviteTokenInput {
  token: string
}

export interface StaffInvitePreview {
  role: InvitableRole
  communityName: string
  invitedBy: string
  expiresAt: number
  /** The caller already holds this role or a higher one. */
  alreadyStaff: boolean
}

export interface RemoveStaffInput {
  /** The member's openid. */
  memberId: string
}

/** How long an invite link stays usable. */
export const STAFF_INVITE_DAYS = 7
