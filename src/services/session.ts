import Taro from '@tarojs/taro'
import { ApiCallError, NETWORK_MESSAGE } from './api-error'
import type { ApiResult } from '../../types/result'
import type { Role } from '../../types/member'

// H5 only. In WeChat the cloud context tells the function who is calling; on the
// dev host a persona token stands in for that, kept in storage across reloads.
const TOKEN_KEY = 'devSessionToken'

export interface DevPersona {
  persona: string
  nickname: string
  role: Role
}

export interface DevLogin {
  token: string
  openid: string
}

/** Same rule as the dev host: a persona name is a short id. */
export const PERSONA_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

export function getToken(): string {
  return (Taro.getStorageSync(TOKEN_KEY) as string | undefined) || ''
}

export function hasSession(): boolean {
  return getToken() !== ''
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}

export async function listPersonas(): Promise<DevPersona[]> {
  return devRequest<DevPersona[]>('/dev/personas', { method: 'GET' })
}

export async function loginAs(persona: string): Promise<DevLogin> {
  const login = await devRequest<DevLogin>('/dev/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona })
  })
  Taro.setStorageSync(TOKEN_KEY, login.token)
  return login
}

async function devRequest<T>(path: string, init: RequestInit): Promise<T> {
  let body: ApiResult<T>
  try {
    const res = await fetch(path, init)
    body = (await res.json()) as ApiResult<T>
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  if (!body.ok) throw ApiCallError.from(body.error)
  return body.data
}
