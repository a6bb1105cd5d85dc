// Invite posters: a mini-program code (wxacode.getUnlimited, scene = invite
// code) in WeChat; a QR code of the H5 link locally.
export interface MiniCodes {
  /** An image (data URL) that opens the app with this invite code. */
  inviteImage(code: string): Promise<string>
  /** What a member shares: the H5 link locally, the mini-program page path in WeChat. */
  shareUrl(code: string): string
}

export const INVITE_PAGE = 'pages/feed/index'
