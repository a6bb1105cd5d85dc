import type { CommunitySettings, UpdateCommunityInput } from '../../types/community'
import { callFunction } from './api'
import { setQueryData, useQuery } from './use-query'

// The community's settings (name, logo, intro, 群规, welcome), read once per
// session and kept in the query cache: every page that names the community
// shares the one answer.
const COMMUNITY_KEY = 'member.community'
/** The server's defaults (types/community; types/ is type-only for the app build). */
export const DEFAULT_COMMUNITY_NAME = '我们的社群'
export const COMMUNITY_NAME_MAX = 20
export const COMMUNITY_INTRO_MAX = 40
export const COMMUNITY_RULES_MAX = 1000
export const COMMUNITY_WELCOME_MAX = 200

export function useCommunity() {
  return useQuery<CommunitySettings>(COMMUNITY_KEY, () => callFunction('member', 'community', {}))
}

/**
 * The community's name where the app would otherwise say "社群": '' while the
 * first answer is on its way, the default name if it cannot be had.
 */
export function useCommunityName(): string {
  const { data, error } = useCommunity()
  return data?.name ?? (error ? DEFAULT_COMMUNITY_NAME : '')
}

/** The owner's edit (fields left out keep their saved values); every reader sees the saved settings at once. */
export async function updateCommunity(input: UpdateCommunityInput): Promise<CommunitySettings> {
  const saved = await callFunction('member', 'updateCommunity', input)
  setQueryData(COMMUNITY_KEY, saved)
  return saved
}
