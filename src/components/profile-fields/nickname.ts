// The server's rule (types/member.ts): 1–20 characters after trimming, counted
// as code points like the server does, so an emoji is one character, not two.
export const NICKNAME_MAX = 20

export function nicknameLength(raw: string): number {
  return Array.from(raw.trim()).length
}

export function nicknameError(raw: string): string | null {
  const length = nicknameLength(raw)
  if (length === 0) return '昵称不能为空'
  if (length > NICKNAME_MAX) return `昵称最多 ${NICKNAME_MAX} 个字`
  return null
}
