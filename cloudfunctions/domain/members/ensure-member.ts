// Members are created on their first call. The insert is keyed by openid, so
// concurrent first calls create one member and one welcome message.
import type { Role } from '../../../types/roles'
import { isConflict } from '../../ports/store'
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { welcomeMessage } from '../notifications/messages'
import { loadCommunity } from '../community/settings'
import { MEMBERS, defaultNickname, type MemberDoc } from './member'

/**
 * The member's role: the owner is whoever HOST_OPENIDS names (`isOwner`); the
 * other staff roles are stored on the member when they accept the owner's
 * invite (domain/staff). A stored 'owner' (or the old 'host') no longer in the
 * configuration falls back to member.
 */
function effectiveRole(stored: Role | 'host' | undefined, isOwner: boolean): Role {
  if (isOwner) return 'owner'
  if (stored === 'admin' || stored === 'moderator' || stored === 'guest') return stored
  return 'member'
}

export async function ensureMember(runtime: Runtime, openid: string, isOwner: boolean, now: number): Promise<MemberDoc> {
  const members = runtime.store.collection<MemberDoc>(MEMBERS)
  const existing = await members.get(openid)
  const role = effectiveRole(existing?.role, isOwner)
  if (existing) {
    // Owner rights come from configuration; keep the stored copy in step with it.
    if (existing.role !== role) {
      await members.update(openid, { set: { role, updatedAt: now } })
      return { ...existing, role, updatedAt: now }
    }
    return existing
  }
  const member: MemberDoc = { _id: openid, nickname: defaultNickname(openid), avatarFileId: '', role, joinedAt: now, updatedAt: now, invite: 'none' }
  // The welcome names the community (one read, on a member's very first call only).
  const community = await loadCommunity(runtime)
  try {
    await runtime.store.transaction(async (tx) => {
      await tx.collection<MemberDoc>(MEMBERS).insert(member)
      await enqueueSubscribeMessage(tx, {
        key: `welcome:${openid}`,
        now,
        message: welcomeMessage(openid, community, now)
      })
    })
  } catch (error) {
    if (!isConflict(error)) throw error
    return (await members.get(openid))!
  }
  return member
}
