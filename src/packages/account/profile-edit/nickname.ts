// The server's rule (types/member.ts): 1–20 characters after trimming.
export const NICKNAME_MAX = 20

export function nicknameError(raw: string): string | null {
  const nickname = raw.trim()
  if (nickname.length === 0) return '昵称不能为空'
  if (nickname.length > NICKNAME_MAX) return `昵称最多 ${NICKNAME_MAX} 个字`
  return null
}
