import { defineActions } from '../platform/define-action'
import { getProfile, updateProfile } from '../domain/members/profile'
import { meInput, updateProfileInput } from '../domain/members/schemas'
import { attributeInvite } from '../domain/leaderboard/referral'
import { MEMBERS, type MemberDoc } from '../domain/members/member'

export const memberActions = defineActions('member', {
  me: {
    role: 'member',
    input: meInput,
    example: {},
    // The invite code counts only on a member's first login (see referral.ts).
    handle: async (input, { runtime, caller, now }) => {
      if (input.inviteCode) {
        const member = await runtime.store.collection<MemberDoc>(MEMBERS).get(caller.openid)
        if (member) await attributeInvite(runtime, member, input.inviteCode, now)
      }
      return getProfile(runtime, caller.openid)
    }
  },
  updateProfile: {
    role: 'member',
    input: updateProfileInput,
    example: { nickname: '新的昵称' },
    handle: (input, { runtime, caller, now }) => updateProfile(runtime, caller.openid, input, now)
  }
})
