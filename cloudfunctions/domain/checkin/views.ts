// Turns stored check-ins and comments into what the app shows, fetching the
// authors and the caller's likes for a whole page at once. On CloudBase each
// lookup is a network round trip, so a page costs two: the authors' member
// documents (they carry the tier for the badge) and the likes. The badge names
// come from the settings, which an instance keeps for a while; the challenge's
// title and day number come with the check-in (copied at posting), and only
// older check-ins without them need their challenges looked up.
import type { Author, CheckinView, CommentView } from '../../../types/checkin'
import type { Runtime } from '../../platform/runtime'
import type { Caller } from '../../platform/define-action'
import { MEMBERS, defaultNickname, type MemberDoc } from '../members/member'
import { COLLECTIONS } from '../../platform/collections'
import { CHALLENGES, dayNumberOf, type ChallengeDoc } from './challenge'
import { loadSettings } from '../growth/settings'
import type { CheckinDoc } from './checkin'
import { isStaff } from '../../../types/roles'
import type { CommentDoc, TargetCommentDoc } from './comment-doc'

export const LIKES = COLLECTIONS.likes.name

export function likeId(checkinId: string, openid: string): string {
  return `${checkinId}:${openid}`
}

async function byIds<T extends { _id: string }>(runtime: Runtime, collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const page = await runtime.store.collection<T>(collection).find({ _id: { $in: unique } }, { limit: 100 })
  return new Map(page.items.map((doc) => [doc._id, doc]))
}

/**
 * Authors as shown: nickname, avatar and tier badge. The tier is the member
 * document's copy of the wallet's (written when it rises; absent means Lv1).
 */
export async function authorsOf(runtime: Runtime, openids: string[], known: MemberDoc[] = []): Promise<Map<string, Author>> {
  const have = new Set(known.map((m) => m._id))
  const [fetched, settings] = await Promise.all([
    byIds<MemberDoc>(
      runtime,
      MEMBERS,
      openids.filter((o) => !have.has(o))
    ),
    loadSettings(runtime)
  ])
  const members = new Map([...known.map((m) => [m._id, m] as const), ...fetched])
  const badges = new Map(settings.tiers.map((tier) => [tier.level, tier.perks.badge]))
  return new Map(
    openids.map((openid) => {
      const member = members.get(openid)
      return [
        openid,
        {
          openid,
          nickname: member?.nickname ?? defaultNickname(openid),
          avatarUrl: member?.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
          badge: badges.get(member?.tierLevel ?? 1) ?? ''
        }
      ]
    })
  )
}

/** What the caller already holds, so views need not read it again. */
export interface KnownDocs {
  challenges?: ChallengeDoc[]
  /** Authors' member documents the caller already holds (e.g. the router's read of the caller). */
  members?: MemberDoc[]
  /** The check-ins were posted by this very call: nobody can have liked them. */
  justPosted?: boolean
}

function copiedAtPosting(c: CheckinDoc): boolean {
  return c.challengeTitle !== undefined && c.dayNumber !== undefined
}

export async function checkinViews(runtime: Runtime, caller: Caller, checkins: CheckinDoc[], known: KnownDocs = {}): Promise<CheckinView[]> {
  const challenges = new Map((known.challenges ?? []).map((c) => [c._id, c]))
  // Only check-ins posted before the title and day were copied onto them need their challenge.
  const missing = checkins.filter((c) => !copiedAtPosting(c) && !challenges.has(c.challengeId)).map((c) => c.challengeId)
  const [authors, fetched, likes] = await Promise.all([
    authorsOf(
      runtime,
      checkins.map((c) => c.openid),
      known.members
    ),
    byIds<ChallengeDoc>(runtime, CHALLENGES, missing),
    // Check-ins this call has just posted have no likes yet.
    byIds<{ _id: string }>(runtime, LIKES, known.justPosted ? [] : checkins.map((c) => likeId(c._id, caller.openid)))
  ])
  for (const [id, challenge] of fetched) challenges.set(id, challenge)
  return checkins.map((c) => {
    const challenge = challenges.get(c.challengeId)
    return {
      id: c._id,
      challengeId: c.challengeId,
      challengeTitle: c.challengeTitle ?? challenge?.title ?? '',
      author: authors.get(c.openid)!,
      date: c.date,
      dayNumber: c.dayNumber ?? (challenge ? dayNumberOf(challenge, c.date) : 0),
      text: c.text,
      photos: c.photoFileIds.map((fileId) => ({ fileId, url: runtime.files.urlFor(fileId) })),
      location: c.location,
      createdAt: c.createdAt,
      makeup: c.makeup,
      featured: c.featured,
      status: c.status,
      likeCount: c.likeCount,
      commentCount: c.commentCount,
      likedByMe: likes.has(likeId(c._id, caller.openid)),
      mine: c.openid === caller.openid,
      ...(c.status !== 'visible' && c.hiddenReason && (c.openid === caller.openid || isStaff(caller.role)) ? { heldReason: c.hiddenReason } : {}),
      ...(c.integrity && isStaff(caller.role) ? { integrity: { status: c.integrity.status, matchCount: c.integrity.matches.length } } : {}),
      ...(c.review ? { review: { grade: c.review.grade, comment: c.review.comment, reviewedAt: c.review.reviewedAt } } : {})
    }
  })
}

export async function checkinView(runtime: Runtime, caller: Caller, checkin: CheckinDoc): Promise<CheckinView> {
  return (await checkinViews(runtime, caller, [checkin]))[0]
}

/** Comments on any target as shown, without the target's id: authors (and whom they answer) read at once. */
export async function targetCommentViews(runtime: Runtime, caller: Caller, comments: TargetCommentDoc[]): Promise<Array<Omit<CommentView, 'checkinId'>>> {
  const authors = await authorsOf(
    runtime,
    comments.flatMap((c) => (c.replyToOpenid ? [c.openid, c.replyToOpenid] : [c.openid]))
  )
  return comments.map((c) => ({
    id: c._id,
    parentId: c.parentId,
    author: authors.get(c.openid)!,
    replyTo: c.replyToOpenid ? authors.get(c.replyToOpenid)! : null,
    text: c.text,
    createdAt: c.createdAt,
    mine: c.openid === caller.openid
  }))
}

export async function commentViews(runtime: Runtime, caller: Caller, comments: CommentDoc[]): Promise<CommentView[]> {
  const views = await targetCommentViews(runtime, caller, comments as unknown as TargetCommentDoc[])
  return views.map(({ id, ...rest }, i) => ({ id, checkinId: comments[i].checkinId, ...rest }))
}
