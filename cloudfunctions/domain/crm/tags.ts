// Host-defined tags on members, hosts' notes on a member, and the host's manual
// segment. A member carries its tag ids in `tags` (shown on every row); one
// member_tags document per (tag, member) is the tag filter's index, as the Store
// port has no array-contains query.
import { randomUUID } from 'node:crypto'
import type { CrmTag, MemberNoteView, SetMemberSegmentInput, TagInput, TagMembersInput, TagMembersResult, UpdateTagInput } from '../../../types/crm'
import type { Segment } from '../../../types/growth'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { MEMBERS, defaultNickname, type MemberDoc } from '../members/member'
import { recentDates, segmentOf } from '../growth/segments'
import { WALLETS, emptyWallet, type WalletDoc } from '../growth/wallet'

export const CRM_TAGS = COLLECTIONS.crmTags.name
export const MEMBER_TAGS = COLLECTIONS.memberTags.name
export const MEMBER_NOTES = COLLECTIONS.memberNotes.name
/** The most tags a community keeps (all read in one request). */
export const MAX_TAGS = 50

export type CrmMemberDoc = MemberDoc & { tags?: string[] }

export interface TagDoc {
  _id: string
  name: string
  color: CrmTag['color']
  createdAt: number
  updatedAt: number
}

export interface MemberTagDoc {
  _id: string // `${tagId}:${memberId}`
  tagId: string
  memberId: string
  createdAt: number
}

export interface MemberNoteDoc {
  _id: string
  memberId: string
  text: string
  authorId: string
  authorName: string
  createdAt: number
}

export const toTag = (doc: TagDoc): CrmTag => ({ id: doc._id, name: doc.name, color: doc.color, createdAt: doc.createdAt })

export async function allTags(runtime: Runtime): Promise<TagDoc[]> {
  return (await runtime.store.collection<TagDoc>(CRM_TAGS).find({}, { limit: MAX_TAGS })).items.sort((a, b) => a.createdAt - b.createdAt)
}

export async function listTags(runtime: Runtime): Promise<CrmTag[]> {
  return (await allTags(runtime)).map(toTag)
}

export async function createTag(runtime: Runtime, input: TagInput, now: number): Promise<CrmTag> {
  const tags = await allTags(runtime)
  const name = input.name.trim()
  if (tags.some((t) => t.name === name)) throw new AppError('CONFLICT', '已有同名标签')
  if (tags.length >= MAX_TAGS) throw new AppError('LIMIT_REACHED', `最多 ${MAX_TAGS} 个标签`)
  const doc: TagDoc = { _id: randomUUID().slice(0, 12), name, color: input.color, createdAt: now, updatedAt: now }
  await runtime.store.collection<TagDoc>(CRM_TAGS).insert(doc)
  return toTag(doc)
}

export async function updateTag(runtime: Runtime, input: UpdateTagInput, now: number): Promise<CrmTag> {
  const tags = await allTags(runtime)
  const current = tags.find((t) => t._id === input.tagId)
  if (!current) throw errors.notFound('标签')
  const name = input.name.trim()
  if (tags.some((t) => t.name === name && t._id !== input.tagId)) throw new AppError('CONFLICT', '已有同名标签')
  const next: TagDoc = { ...current, name, color: input.color, updatedAt: now }
  await runtime.store.collection<TagDoc>(CRM_TAGS).set(next)
  return toTag(next)
}

/** Deletes the tag: rows stop showing it at once (unknown tag ids are not shown); the members keep the stale id, harmless. */
export async function deleteTag(runtime: Runtime, tagId: string): Promise<{ deleted: true }> {
  if (!(await runtime.store.collection<TagDoc>(CRM_TAGS).remove(tagId))) throw errors.notFound('标签')
  return { deleted: true }
}

/** Adds or removes one tag on up to 100 members; a repeat changes nothing (idempotent). */
export async function tagMembers(runtime: Runtime, input: TagMembersInput, now: number): Promise<TagMembersResult> {
  const tag = await runtime.store.collection<TagDoc>(CRM_TAGS).get(input.tagId)
  if (!tag) throw errors.notFound('标签')
  const ids = [...new Set(input.memberIds)]
  const found = await runtime.store.collection<CrmMemberDoc>(MEMBERS).find({ _id: { $in: ids } }, { limit: 100 })
  const adding = input.op === 'add'
  const todo = found.items.filter((m) => (m.tags ?? []).includes(tag._id) !== adding)
  let changed = 0
  for (const member of todo) {
    const did = await runtime.store.transaction(async (tx) => {
      const members = tx.collection<CrmMemberDoc>(MEMBERS)
      const fresh = await members.get(member._id)
      if (!fresh) return false
      const tags = fresh.tags ?? []
      if (tags.includes(tag._id) === adding) return false
      await members.set({ ...fresh, tags: adding ? [...tags, tag._id] : tags.filter((t) => t !== tag._id) })
      const links = tx.collection<MemberTagDoc>(MEMBER_TAGS)
      const linkId = `${tag._id}:${member._id}`
      if (adding) await links.set({ _id: linkId, tagId: tag._id, memberId: member._id, createdAt: now })
      else await links.remove(linkId)
      return true
    })
    if (did) changed++
  }
  return { changed }
}

export async function addMemberNote(runtime: Runtime, caller: Caller, author: MemberDoc, input: { memberId: string; text: string }, now: number): Promise<MemberNoteView> {
  if (!(await runtime.store.collection<MemberDoc>(MEMBERS).get(input.memberId))) throw errors.notFound('成员')
  const doc: MemberNoteDoc = {
    _id: randomUUID(),
    memberId: input.memberId,
    text: input.text.trim(),
    authorId: caller.openid,
    authorName: author.nickname || defaultNickname(caller.openid),
    createdAt: now
  }
  await runtime.store.collection<MemberNoteDoc>(MEMBER_NOTES).insert(doc)
  return toNote(doc)
}

export const toNote = (doc: MemberNoteDoc): MemberNoteView => ({ id: doc._id, text: doc.text, authorId: doc.authorId, authorName: doc.authorName, createdAt: doc.createdAt })

export async function memberNotes(runtime: Runtime, memberId: string, limit = 20): Promise<MemberNoteView[]> {
  const page = await runtime.store.collection<MemberNoteDoc>(MEMBER_NOTES).find({ memberId }, { sort: [['createdAt', 'desc']], limit })
  return page.items.map(toNote)
}

/**
 * The host's segment for a member, or null for the automatic one. Kept on the
 * wallet beside the worked-out segment (`segment` holds the override while it
 * is set, so the segment filter's index still serves); grants and the daily
 * refreshSegments job leave an overridden segment alone.
 */
export async function setMemberSegment(runtime: Runtime, input: SetMemberSegmentInput, now: number): Promise<{ segment: Segment; segmentOverride: Segment | null }> {
  if (!(await runtime.store.collection<MemberDoc>(MEMBERS).get(input.memberId))) throw errors.notFound('成员')
  return runtime.store.transaction(async (tx) => {
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const wallet = (await wallets.get(input.memberId)) ?? emptyWallet(input.memberId, now)
    const automatic = segmentOf(wallet.tierLevel, recentDates(wallet.activeDates ?? [], now).length)
    const segment = input.segment ?? automatic
    await wallets.set({ ...wallet, segment, segmentOverride: input.segment })
    return { segment, segmentOverride: input.segment }
  })
}
