import { defineActions } from '../platform/define-action'
import { communityActions } from './community-actions'
import { inboxActions } from './inbox-actions'
import { getProfile, toProfile, updateProfile } from '../domain/members/profile'
import { markProfilePrompted, markProfilePromptedInput } from '../domain/members/profile-prompt'
import { meInput, updateProfileInput } from '../domain/members/schemas'
import { attributeInvite } from '../domain/leaderboard/referral'
import { grantWelcomeGift } from '../domain/plays/gift/welcome'
import { grantsOf, recordGrants, subscribeTemplateIds } from '../domain/notifications/grants'
import { getChallengeReminder, setChallengeReminder } from '../domain/notifications/reminders'
import { challengeReminderInput, recordSubscribeGrantsInput, setChallengeReminderInput, subscribeTemplatesInput } from '../domain/notifications/schemas'

export const memberActions = defineActions('member', {
  ...communityActions,
  ...inboxActions,
  me: {
    role: 'member',
    input: meInput,
    example: {},
    // The invite code counts only on a member's first login (see referral.ts).
    handle: async (input, { runtime, caller, member, now }) => {
      // The member as this call found or made it (no second read); one who just joined through the invite gets the
      // host's welcome gift (domain/plays/gift), once ever.
      if (input.inviteCode && (await attributeInvite(runtime, member, input.inviteCode, now))) await grantWelcomeGift(runtime, member._id, now)
      return getProfile(runtime, caller.openid)
    }
  },
  updateProfile: {
    role: 'member',
    input: updateProfileInput,
    example: { nickname: '新的昵称' },
    handle: (input, { runtime, caller, now }) => updateProfile(runtime, caller.openid, input, now)
  },
  // The once-only nickname and avatar prompt, skipped (saving goes through updateProfile).
  markProfilePrompted: {
    role: 'member',
    input: markProfilePromptedInput,
    example: {},
    handle: async (_input, { runtime, member, now }) => toProfile(await markProfilePrompted(runtime, member, now), runtime)
  },
  // Subscribe messages: the template ids the app asks for (and the grants left), and the grants a tap gave.
  subscribeTemplates: {
    role: 'member',
    input: subscribeTemplatesInput,
    example: {},
    handle: async (_input, { runtime, caller }) => ({ ...subscribeTemplateIds(runtime), grants: await grantsOf(runtime.store, caller.openid) })
  },
  recordSubscribeGrants: {
    role: 'member',
    input: recordSubscribeGrantsInput,
    example: { requestId: 'grant-req-0001', accepted: ['eventReminder'] },
    handle: (input, { runtime, caller, now }) => recordGrants(runtime, caller.openid, input.requestId, input.accepted, now)
  },
  // The opt-in check-in reminders of one challenge.
  challengeReminder: {
    role: 'member',
    input: challengeReminderInput,
    example: { challengeId: 'c1' },
    handle: (input, { runtime, caller }) => getChallengeReminder(runtime, caller.openid, input.challengeId)
  },
  setChallengeReminder: {
    role: 'member',
    input: setChallengeReminderInput,
    example: { challengeId: 'c1', daily: true, streak: false },
    handle: (input, { runtime, caller, now }) => setChallengeReminder(runtime, caller.openid, input, now)
  }
})
