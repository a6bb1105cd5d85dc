// The community's own settings (one document the owner edits): its name, which
// the app shows wherever it would otherwise say "社群" for the community (the
// invite poster, the share text, the host console), its logo and one-line intro
// (beside the name on the feed and the me page), its rules (群规, a page every
// member can read) and the welcome a new member is sent.

/** The name used until the host sets one. */
export const DEFAULT_COMMUNITY_NAME = '我们的社群'
/** Longest name, in characters (code points). */
export const COMMUNITY_NAME_MAX = 20

/** Longest intro (one line), rules and welcome, in characters (code points). */
export const COMMUNITY_INTRO_MAX = 40
export const COMMUNITY_RULES_MAX = 1000
export const COMMUNITY_WELCOME_MAX = 200

export interface CommunitySettings {
  name: string
  /** The logo's file id ('' for none) and its display URL. */
  logoFileId: string
  logoUrl: string
  /** One line under the name ('' for none). */
  intro: string
  /** 群规 ('' for none); may have line breaks. */
  rules: string
  /** Sent to a new member (the subscribe message shows its first 20 characters); '' for 欢迎加入{name}. */
  welcome: string
}

/** The owner's edit: the name always; a field left out keeps its saved value, '' clears it. */
export interface UpdateCommunityInput {
  name: string
  logoFileId?: string
  intro?: string
  rules?: string
  welcome?: string
}
