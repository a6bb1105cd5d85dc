import type { ChallengeReminderInput, ChallengeReminderView, SetChallengeReminderInput } from '../../types/notifications'
import type { MemberProfile, UpdateProfileInput } from '../../types/member'
import { ApiCallError, callFunction } from './api'
import { inviteDelivered, pendingInvite } from './invite-capture'
import { setQueryData, useQuery } from './use-query'

// Member calls the pages share, so 我的 and 编辑资料 read one cached profile.
const ME_KEY = 'member.me'

export function useMe() {
  return useQuery<MemberProfile>(ME_KEY, fetchMe)
}

/** member.me, carrying a pending invite code once (the server counts it only on a first login). */
async function fetchMe(): Promise<MemberProfile> {
  const input = pendingInvite()
  if (!input.inviteCode) return callFunction('member', 'me', {})
  try {
    const profile = await callFunction('member', 'me', input)
    inviteDelivered(input.inviteCode)
    return profile
  } catch (err) {
    // A code the server refuses must not keep 我的 from loading.
    if (!(err instanceof ApiCallError && err.code === 'INVALID_INPUT')) throw err
    inviteDelivered(input.inviteCode)
    return callFunction('member', 'me', {})
  }
}

/** Delivers a just-captured invite code now (first login is a 10-minute window) and caches the profile. */
export async function deliverInvite(): Promise<void> {
  if (!pendingInvite().inviteCode) return
  setQueryData(ME_KEY, await fetchMe())
}

/** Saves and puts the answer in the cache, so 我的 shows it the moment it reappears. */
export async function updateProfile(input: UpdateProfileInput): Promise<MemberProfile> {
  const profile = await callFunction('member', 'updateProfile', input)
  setQueryData(ME_KEY, profile)
  return profile
}

/**
 * The member skipped the nickname and avatar prompt: not asked again in this
 * run at once, and on no device once the server has kept it (a failed call
 * means asking again on a later launch, never blocking what they were doing).
 */
export async function skipProfilePrompt(me: MemberProfile): Promise<void> {
  setQueryData<MemberProfile>(ME_KEY, { ...me, askProfile: false })
  try {
    setQueryData(ME_KEY, await callFunction('member', 'markProfilePrompted', {}))
  } catch {
    // Kept locally above; the server is told next time.
  }
}

// Server calls (member): the pages call these, never callFunction.

export function fetchChallengeReminder(input: ChallengeReminderInput): Promise<ChallengeReminderView> {
  return callFunction('member', 'challengeReminder', input)
}

export function setChallengeReminder(input: SetChallengeReminderInput): Promise<ChallengeReminderView> {
  return callFunction('member', 'setChallengeReminder', input)
}
