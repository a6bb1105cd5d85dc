import { defineActions } from '../platform/define-action'
import { getProfile, updateProfile } from '../domain/members/profile'
import { meInput, updateProfileInput } from '../domain/members/schemas'

export const memberActions = defineActions('member', {
  me: {
    role: 'member',
    input: meInput,
    example: {},
    handle: (_input, { runtime, caller }) => getProfile(runtime, caller.openid)
  },
  updateProfile: {
    role: 'member',
    input: updateProfileInput,
    example: { nickname: '新的昵称' },
    handle: (input, { runtime, caller, now }) => updateProfile(runtime, caller.openid, input, now)
  }
})
