import type { MemberProfile, UpdateProfileInput } from '../../../types/member'
import { AppError, errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { MEMBERS, type MemberDoc } from './member'
import { asksForProfile } from './profile-prompt'

export function toProfile(member: MemberDoc, runtime: Runtime): MemberProfile {
  return {
    openid: member._id,
    nickname: member.nickname,
    avatarUrl: member.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
    role: member.role,
    joinedAt: member.joinedAt,
    askProfile: asksForProfile(member)
  }
}

export async function getProfile(runtime: Runtime, openid: string): Promise<MemberProfile> {
  const member = await runtime.store.collection<MemberDoc>(MEMBERS).get(openid)
  if (!member) throw errors.notFound('成员')
  return toProfile(member, runtime)
}

export async function updateProfile(runtime: Runtime, openid: string, input: UpdateProfileInput, now: number): Promise<MemberProfile> {
  const set: Record<string, unknown> = { updatedAt: now }
  if (input.nickname !== undefined) set.nickname = input.nickname
  if (input.avatarFileId !== undefined) {
    if (input.avatarFileId !== '' && !(await runtime.files.isUsableBy(input.avatarFileId, openid))) {
      throw new AppError('INVALID_INPUT', '头像文件无效，请重新上传', 'avatarFileId')
    }
    set.avatarFileId = input.avatarFileId
  }
  const members = runtime.store.collection<MemberDoc>(MEMBERS)
  if (!(await members.update(openid, { set }))) throw errors.notFound('成员')
  return getProfile(runtime, openid)
}
