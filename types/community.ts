// The community's own settings (one document the host edits): for now its name,
// which the app shows wherever it would otherwise say "社群" for the community
// (the invite poster, the share text, the host console).

/** The name used until the host sets one. */
export const DEFAULT_COMMUNITY_NAME = '我们的社群'
/** Longest name, in characters (code points). */
export const COMMUNITY_NAME_MAX = 20

export interface CommunitySettings {
  name: string
}

export interface UpdateCommunityInput {
  name: string
}
