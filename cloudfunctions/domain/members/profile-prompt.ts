// A new member is "成员xxxx" with a letter avatar until they say otherwise. The
// app asks them once for a nickname and avatar, at the first moment it matters
// (their first check-in or comment); saving goes through updateProfile, and
// skipping is remembered here so no other device asks again.
import * as z from 'zod/mini'
import type { Runtime } from '../../platform/runtime'
import { MEMBERS, defaultNickname, type MemberDoc } from './member'

/** Never asked, and nickname and avatar are still the ones given at creation. */
export function asksForProfile(member: MemberDoc): boolean {
  if (member.profilePromptedAt) return false
  return member.nickname === defaultNickname(member._id) && !member.avatarFileId
}

export const markProfilePromptedInput: z.ZodMiniType<Record<string, never>> = z.strictObject({})

/** The member saw the prompt (and skipped it): keeps the first time; one write, none when already kept. */
export async function markProfilePrompted(runtime: Runtime, member: MemberDoc, now: number): Promise<MemberDoc> {
  if (member.profilePromptedAt) return member
  await runtime.store.collection<MemberDoc>(MEMBERS).update(member._id, { set: { profilePromptedAt: now } })
  return { ...member, profilePromptedAt: now }
}
