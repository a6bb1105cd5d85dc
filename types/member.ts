import type { Role } from './roles'

export type { Role } from './roles'

export interface MemberProfile {
  openid: string
  nickname: string
  /** Display URL for the avatar ('' when the member has none yet). */
  avatarUrl: string
  role: Role
  /** Epoch milliseconds of the member's first call. */
  joinedAt: number
  /**
   * Nickname and avatar are still the defaults and the member was never asked:
   * the app asks for them once, before their first check-in or comment.
   */
  askProfile: boolean
}

export interface MeInput {
  /** The invite code the app was opened with (scene of a mini-program code, or ?invite= in H5): counted only on a member's first login. */
  inviteCode?: string
}

export interface UpdateProfileInput {
  /** 1–20 characters after trimming. */
  nickname?: string
  /** A file id returned by the upload endpoint (local:// or cloud://), or '' to clear. */
  avatarFileId?: string
}
