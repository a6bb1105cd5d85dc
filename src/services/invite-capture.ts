import Taro from '@tarojs/taro'

// Invite codes arrive on launch (WeChat: the mini-program code's `scene`, or
// `?invite=` on a shared path; H5: `#/pages/feed/index?invite=CODE`). The code
// waits in storage until member.me has carried it once: in H5 the dev login
// comes first, and the server only counts it on a member's first login.
const PENDING_KEY = 'pendingInviteCode'
const CODE_PATTERN = /^[A-Za-z0-9]{1,32}$/

interface LaunchOptions {
  query?: Record<string, string | undefined>
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The code in the launch options (WeChat) or the address (H5), if any. */
function codeFrom(options?: LaunchOptions): string {
  const query = options?.query ?? {}
  let code = query.invite ? decode(query.invite) : query.scene ? decode(query.scene) : ''
  if (!code && process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') {
    const match = /[?&]invite=([^&#]+)/.exec(location.hash || location.search)
    code = match ? decode(match[1]) : ''
  }
  return CODE_PATTERN.test(code) ? code : ''
}

/** Remembers an invite code from the launch; returns true when one was found. */
export function captureInvite(options?: LaunchOptions): boolean {
  const code = codeFrom(options)
  if (code) Taro.setStorageSync(PENDING_KEY, code)
  return code !== ''
}

/** The input for the next member.me call: carries the pending code, if any. */
export function pendingInvite(): { inviteCode?: string } {
  const code = (Taro.getStorageSync(PENDING_KEY) as string | undefined) || ''
  return code ? { inviteCode: code } : {}
}

/** member.me has carried this code: drop it (unless a newer one replaced it). */
export function inviteDelivered(code: string): void {
  if (Taro.getStorageSync(PENDING_KEY) === code) Taro.removeStorageSync(PENDING_KEY)
}
