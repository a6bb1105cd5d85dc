import type { StaffInvitePreview, StaffInviteView, StaffMemberView, TeamView } from '../../types/staff'
import type { InvitableRole } from '../../types/roles'
import { callFunction } from './api'

// The team (owner only) and the staff invite link: every host-function call the
// team and join pages make, typed from types/staff.

export const TEAM_KEY = 'host.team'

export function fetchTeam(): Promise<TeamView> {
  return callFunction('host', 'team', {})
}

export function createStaffInvite(role: InvitableRole): Promise<StaffInviteView> {
  return callFunction('host', 'createStaffInvite', { role })
}

export function revokeStaffInvite(token: string): Promise<{ revoked: true }> {
  return callFunction('host', 'revokeStaffInvite', { token })
}

export function removeStaff(memberId: string): Promise<{ removed: true }> {
  return callFunction('host', 'removeStaff', { memberId })
}

export function previewStaffInvite(token: string): Promise<StaffInvitePreview> {
  return callFunction('host', 'previewStaffInvite', { token })
}

export function acceptStaffInvite(token: string): Promise<StaffMemberView> {
  return callFunction('host', 'acceptStaffInvite', { token })
}
