import type { MemberProfile, UpdateProfileInput } from '../../types/member'
import { callFunction } from './api'
import { setQueryData, useQuery } from './use-query'

// Member calls the pages share, so 我的 and 编辑资料 read one cached profile.
const ME_KEY = 'member.me'

export function useMe() {
  return useQuery<MemberProfile>(ME_KEY, () => callFunction('member', 'me', {}))
}

/** Saves and puts the answer in the cache, so 我的 shows it the moment it reappears. */
export async function updateProfile(input: UpdateProfileInput): Promise<MemberProfile> {
  const profile = await callFunction('member', 'updateProfile', input)
  setQueryData(ME_KEY, profile)
  return profile
}
