// Who may do what. The owner is bootstrapped from HOST_OPENIDS; admins,
// moderators and guests are added by the owner through an invite link and
// removed by the owner. Each action declares the lowest role it needs; a role
// passes every check a lower role passes. A guest (嘉宾) is a member with a
// voice in the circles that allow it: no host action is open to a guest.

export type StaffRole = 'owner' | 'admin' | 'moderator'
export type Role = 'member' | 'guest' | StaffRole
/** The lowest role an action needs. */
export type ActionRole = 'member' | StaffRole
/** Roles the owner hands out by invite link. */
export type InvitableRole = 'admin' | 'moderator' | 'guest'

const RANK: Record<Role, number> = { member: 0, guest: 0, moderator: 1, admin: 2, owner: 3 }

export const ROLE_LABELS: Record<Role, string> = { member: '成员', guest: '嘉宾', moderator: '审核员', admin: '管理员', owner: '主理人' }

/** What each role may do, as the staff page explains it. */
export const ROLE_DUTIES: Record<InvitableRole, string> = {
  admin: '管理挑战、圈子、活动、订单与退款、积分与成员，不能管理团队',
  moderator: '只能审核：隐藏或恢复打卡、处理举报',
  guest: '以嘉宾身份在允许的圈子里发帖和回答，不进入后台'
}

export const INVITABLE_ROLES: readonly InvitableRole[] = ['admin', 'moderator', 'guest']

export function hasRole(role: Role, needed: ActionRole): boolean {
  return RANK[role] >= RANK[needed]
}

/** Staff run the community: left out of member boards, segments and automations. */
export function isStaff(role: Role | undefined): role is StaffRole {
  return role === 'owner' || role === 'admin' || role === 'moderator'
}

/** Manages the community (challenges, circles, orders, growth): admin or owner. */
export function isManager(role: Role | undefined): boolean {
  return role !== undefined && hasRole(role, 'admin')
}

/** The refusal's words for an action that needs `needed`. */
export function forbiddenMessage(needed: ActionRole): string {
  if (needed === 'owner') return '只有主理人可以进行此操作'
  if (needed === 'admin') return '只有主理人或管理员可以进行此操作'
  return '只有主理人、管理员或审核员可以进行此操作'
}
