// The team. A staff role lives on the member document (the router reads it on
// every call anyway); the owner's comes from HOST_OPENIDS. The owner hands out
// the other roles with single-use invite links that expire after a week.
import { randomBytes } from 'node:crypto'
import type { InvitableRole, Role } from '../../../types/roles'
import { hasRole, isStaff } from '../../../types/roles'
import { STAFF_INVITE_DAYS, type StaffInvitePreview, type StaffInviteView, type StaffMemberView, type TeamView } from '../../../types/staff'
import { STAFF_JOIN_PATH } from '../../../types/staff-paths'
import { COLLECTIONS } from '../../platform/collections'
import { AppError, errors } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { MEMBERS, type MemberDoc } from '../members/member'
import { loadCommunity } from '../community/settings'

export const STAFF_INVITES = COLLECTIONS.staffInvites.name
const DAY = 24 * 60 * 60 * 1000
/** Staff are few; one page holds them all. */
const STAFF_LIMIT = 100

export interface StaffInviteDoc {
  _id: string // the token
  role: InvitableRole
  status: 'open' | 'used' | 'revoked'
  createdBy: string
  createdAt: number
  expiresAt: number
  usedBy?: string
  usedAt?: number
}

const STAFF_ROLES: Role[] = ['owner', 'admin', 'moderator', 'guest']

function toInviteView(doc: StaffInviteDoc): StaffInviteView {
  return { token: doc._id, role: doc.role, createdAt: doc.createdAt, expiresAt: doc.expiresAt, path: `${STAFF_JOIN_PATH}?token=${doc._id}` }
}

function toStaffView(runtime: Runtime, member: MemberDoc): StaffMemberView {
  return {
    openid: member._id,
    nickname: member.nickname,
    avatarUrl: member.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
    role: member.role,
    since: member.roleSince ?? member.joinedAt
  }
}

/** Everyone who holds a role (owner first), and the invites still open. Two queries. */
export async function team(runtime: Runtime, now: number): Promise<TeamView> {
  const [staff, invites] = await Promise.all([
    runtime.store.collection<MemberDoc>(MEMBERS).find({ role: { $in: STAFF_ROLES } }, { sort: [['role', 'asc']], limit: STAFF_LIMIT }),
    runtime.store.collection<StaffInviteDoc>(STAFF_INVITES).find({ status: 'open' }, { sort: [['createdAt', 'desc']], limit: STAFF_LIMIT })
  ])
  const order = (role: Role) => STAFF_ROLES.indexOf(role)
  return {
    staff: staff.items.map((m) => toStaffView(runtime, m)).sort((a, b) => order(a.role) - order(b.role) || a.since - b.since),
    invites: invites.items.filter((i) => i.expiresAt > now).map(toInviteView)
  }
}

/** The openids of everyone who runs the community (owner, admins, moderators): left out of boards, segments and automations. */
export async function staffOpenids(runtime: Runtime): Promise<Set<string>> {
  const staff = await runtime.store.collection<MemberDoc>(MEMBERS).find({ role: { $in: ['owner', 'admin', 'moderator'] } }, { sort: [['role', 'asc']], limit: STAFF_LIMIT })
  return new Set([...runtime.config.hostOpenids, ...staff.items.map((m) => m._id)])
}

export async function createStaffInvite(runtime: Runtime, caller: Caller, role: InvitableRole, now: number): Promise<StaffInviteView> {
  const doc: StaffInviteDoc = { _id: randomBytes(16).toString('base64url'), role, status: 'open', createdBy: caller.openid, createdAt: now, expiresAt: now + STAFF_INVITE_DAYS * DAY }
  await runtime.store.collection<StaffInviteDoc>(STAFF_INVITES).insert(doc)
  return toInviteView(doc)
}

async function loadOpenInvite(runtime: Runtime, token: string, now: number): Promise<StaffInviteDoc> {
  const invite = await runtime.store.collection<StaffInviteDoc>(STAFF_INVITES).get(token)
  if (!invite || invite.status === 'revoked') throw new AppError('NOT_FOUND', '邀请链接无效，请向主理人索取新的链接')
  if (invite.status === 'used') throw new AppError('CONFLICT', '这个邀请链接已被使用，请向主理人索取新的链接')
  if (invite.expiresAt <= now) throw new AppError('CONFLICT', '邀请链接已过期，请向主理人索取新的链接')
  return invite
}

export async function previewStaffInvite(runtime: Runtime, caller: Caller, token: string, now: number): Promise<StaffInvitePreview> {
  const invite = await loadOpenInvite(runtime, token, now)
  const [community, inviter] = await Promise.all([loadCommunity(runtime), runtime.store.collection<MemberDoc>(MEMBERS).get(invite.createdBy)])
  return {
    role: invite.role,
    communityName: community.name,
    invitedBy: inviter?.nickname ?? '主理人',
    expiresAt: invite.expiresAt,
    alreadyStaff: alreadyHolds(caller.role, invite.role)
  }
}

function alreadyHolds(current: Role, offered: InvitableRole): boolean {
  if (offered === 'guest') return current !== 'member'
  return hasRole(current, offered)
}

/**
 * The invited member takes the role: the invite is used once, in the same
 * transaction that writes the role (two members opening one link: one wins,
 * the other is told it was used). Someone who already holds the role or a
 * higher one keeps theirs and leaves the link for its addressee.
 */
export async function acceptStaffInvite(runtime: Runtime, caller: Caller, token: string, now: number): Promise<StaffMemberView> {
  const invite = await loadOpenInvite(runtime, token, now)
  const members = runtime.store.collection<MemberDoc>(MEMBERS)
  if (alreadyHolds(caller.role, invite.role)) throw new AppError('CONFLICT', `你已是${caller.role === 'owner' ? '主理人' : '团队成员'}，这个链接请留给受邀的人`)
  await runtime.store.transaction(async (tx) => {
    const current = await tx.collection<StaffInviteDoc>(STAFF_INVITES).get(token)
    if (!current || current.status !== 'open') throw new AppError('CONFLICT', '这个邀请链接已被使用，请向主理人索取新的链接')
    await tx.collection<StaffInviteDoc>(STAFF_INVITES).update(token, { set: { status: 'used', usedBy: caller.openid, usedAt: now } })
    await tx.collection<MemberDoc>(MEMBERS).update(caller.openid, { set: { role: invite.role, roleSince: now, updatedAt: now } })
  })
  const member = await members.get(caller.openid)
  return toStaffView(runtime, member!)
}

export async function revokeStaffInvite(runtime: Runtime, token: string): Promise<{ revoked: true }> {
  const invites = runtime.store.collection<StaffInviteDoc>(STAFF_INVITES)
  const invite = await invites.get(token)
  if (!invite) throw errors.notFound('邀请链接')
  if (invite.status === 'open') await invites.update(token, { set: { status: 'revoked' } })
  return { revoked: true }
}

/** The owner takes a role back; the member stays a member. The owner's own role comes from configuration and cannot be removed here. */
export async function removeStaff(runtime: Runtime, openid: string, now: number): Promise<{ removed: true }> {
  if (runtime.config.hostOpenids.has(openid)) throw new AppError('FORBIDDEN', '主理人由部署配置指定，不能在这里移除')
  const members = runtime.store.collection<MemberDoc>(MEMBERS)
  const member = await members.get(openid)
  if (!member) throw errors.notFound('成员')
  if (isStaff(member.role) || member.role === 'guest') await members.update(openid, { set: { role: 'member', roleSince: now, updatedAt: now } })
  return { removed: true }
}
