// Who sees what inside a circle. Staff (owner, admins, moderators) see
// everything; a current member of the circle (paid, trial or free, not ended)
// sees its posts unless a post asks for a higher tier; everyone else sees each
// post LOCKED: its teaser and what unlocks it, never the body, photos, files or
// link. The same rule circle check-ins follow (domain/circles/access.ts).
import type { PostLock } from '../../../types/posts'
import { isManager, isStaff, type Role } from '../../../types/roles'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { isCircleMember } from '../circles/access'
import type { MemberDoc } from '../members/member'
import { loadCircle, type CircleDoc } from '../membership/circle'
import type { PostDoc } from './post-doc'

export interface Viewer {
  openid: string
  role: Role
  /** Owner, admin or moderator: sees everything. */
  staff: boolean
  /** Owner or admin: posts, announcements, 精华, reads, edits anyone's post. */
  manager: boolean
  /** A current member of the circle (staff count as in). */
  inCircle: boolean
  tierLevel: number
  circle: CircleDoc
}

/** The caller as seen by one circle: 2 requests (the circle and the caller's membership of it). */
export async function loadViewer(runtime: Runtime, caller: Caller, member: MemberDoc, circleId: string, now: number): Promise<Viewer> {
  const staff = isStaff(caller.role)
  const [circle, inCircle] = await Promise.all([loadCircle(runtime, circleId, { allowArchived: staff }), staff ? Promise.resolve(true) : isCircleMember(runtime, circleId, caller.openid, now)])
  return { openid: caller.openid, role: caller.role, staff, manager: isManager(caller.role), inCircle, tierLevel: member.tierLevel ?? 1, circle }
}

/** Admins and the owner post anywhere; a 嘉宾 posts in the circles they are a current member of. */
export function canPost(viewer: Viewer): boolean {
  return viewer.manager || (viewer.role === 'guest' && viewer.inCircle)
}

export function canEdit(viewer: Viewer, post: PostDoc): boolean {
  return viewer.manager || post.openid === viewer.openid
}

/** ¥ with the fen, as every price in the app reads (¥99.00). */
function formatPrice(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}

/** What unlocks the circle for a non-member: 加入「圈名」 with its lowest price. */
export function joinLock(circle: CircleDoc): PostLock {
  const prices = circle.kind === 'free' ? [] : circle.plans.map((p) => p.priceFen)
  const priceFen = prices.length > 0 ? Math.min(...prices) : null
  const label = priceFen === null ? `加入「${circle.name}」后解锁` : `加入「${circle.name}」（${formatPrice(priceFen)} 起）解锁`
  return { reason: 'join', circleId: circle._id, circleName: circle.name, priceFen, label }
}

/** Null when the viewer sees the whole post; otherwise why not and what unlocks it. */
export function lockOf(viewer: Viewer, post: PostDoc): PostLock | null {
  if (viewer.staff || post.openid === viewer.openid) return null
  if (!viewer.inCircle) return joinLock(viewer.circle)
  if (post.minTierLevel !== null && viewer.tierLevel < post.minTierLevel) return { reason: 'tier', minTierLevel: post.minTierLevel, label: `达到 Lv${post.minTierLevel} 解锁` }
  return null
}

/** Refuses anything past the teaser (comments, likes, files, 已读) on a post the viewer sees locked. */
export function assertUnlocked(viewer: Viewer, post: PostDoc): void {
  const lock = lockOf(viewer, post)
  if (lock) throw new AppError('FORBIDDEN', lock.reason === 'join' ? `仅圈子成员可查看，${lock.label}` : `该内容需${lock.label}`)
}
