// The team: the owner invites admins, moderators and guests by link and removes them.
import type { ActionMap } from '../platform/define-action'
import { acceptStaffInvite, createStaffInvite, previewStaffInvite, removeStaff, revokeStaffInvite, team } from '../domain/staff/staff'
import { createStaffInviteInput, emptyInput, removeStaffInput, staffInviteTokenInput } from '../domain/staff/schemas'

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA'

export const staffActions: Pick<ActionMap<'host'>, 'team' | 'createStaffInvite' | 'revokeStaffInvite' | 'removeStaff' | 'previewStaffInvite' | 'acceptStaffInvite'> = {
  team: { role: 'owner', input: emptyInput, example: {}, handle: (_input, { runtime, now }) => team(runtime, now) },
  createStaffInvite: { role: 'owner', input: createStaffInviteInput, example: { role: 'moderator' }, handle: (input, { runtime, caller, now }) => createStaffInvite(runtime, caller, input.role, now) },
  revokeStaffInvite: { role: 'owner', input: staffInviteTokenInput, example: { token: TOKEN }, handle: (input, { runtime }) => revokeStaffInvite(runtime, input.token) },
  removeStaff: { role: 'owner', input: removeStaffInput, example: { memberId: 'o_someone' }, handle: (input, { runtime, now }) => removeStaff(runtime, input.memberId, now) },
  previewStaffInvite: { role: 'member', input: staffInviteTokenInput, example: { token: TOKEN }, handle: (input, { runtime, caller, now }) => previewStaffInvite(runtime, caller, input.token, now) },
  acceptStaffInvite: { role: 'member', input: staffInviteTokenInput, example: { token: TOKEN }, handle: (input, { runtime, caller, now }) => acceptStaffInvite(runtime, caller, input.token, now) }
}
