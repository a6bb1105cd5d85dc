// Writing posts: the host, admins and 嘉宾 post (announcements are the host's and
// admins'); the author or an admin edits and deletes. Text and photos pass the
// content check first; photos and documents must be the author's own uploads,
// documents recognised by their bytes. A post, its topic links and the circle's
// topics are written in one transaction of at most 7 operations.
import { randomUUID } from 'node:crypto'
import type { PostFileInput, PostInput, PostLink, PostView, UpdatePostInput } from '../../../types/posts'
import { REJECTED_TEXT_MESSAGE } from '../../ports/content-safety'
import type { Transaction } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { MemberDoc } from '../members/member'
import { canEdit, canPost, loadViewer, type Viewer } from './access'
import { POSTS, POST_TOPICS, POST_TOPIC_LINKS, loadPost, topicLinkId, type PostDoc, type TopicDoc, type TopicLinkDoc } from './post-doc'
import { normaliseForSearch, normaliseTopics } from './text'
import { postViews } from './views'

/** What a member reads when the content check cannot be made (nothing was saved). */
export const POST_CHECK_UNAVAILABLE = '内容检测暂时不可用，这次没有发布，请稍后再试'

interface Content {
  title: string
  text: string
  photoFileIds: string[]
  files: PostDoc['files']
  link: PostLink | null
  topics: string[]
  minTierLevel: number | null
}

function searchText(c: Content): string {
  return normaliseForSearch([c.title, c.text, ...c.files.map((f) => f.name), c.link?.title ?? '', ...c.topics].join('\n'))
}

/** Documents as stored: each one this author's own upload and a PDF by its bytes. */
async function documentsOf(runtime: Runtime, openid: string, files: PostFileInput[]): Promise<PostDoc['files']> {
  if (files.length === 0) return []
  const infos = await runtime.files.documentsInfo(
    files.map((f) => f.fileId),
    openid
  )
  return files.map((f, i) => {
    const info = infos[i]
    if (!info) throw new AppError('INVALID_INPUT', `文件「${f.name}」无效，请重新上传（只支持 20MB 以内的 PDF）`, 'files')
    return { fileId: f.fileId, name: f.name.trim(), size: info.size, contentType: info.contentType }
  })
}

/** Text (with file names, link title, topics) and new photos through the content check. */
async function checkContent(runtime: Runtime, openid: string, c: Content, newPhotos: string[]): Promise<void> {
  const words = [c.title, c.text, ...c.files.map((f) => f.name), c.link?.title ?? '', ...c.topics].filter((s) => s.trim().length > 0).join('\n')
  try {
    if (words.length > 0) {
      const verdict = await runtime.contentSafety.checkText(words, openid)
      if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `${REJECTED_TEXT_MESSAGE}（${verdict.reason}）`, 'text')
    }
    if (newPhotos.length > 0) {
      // WeChat answers images later; authors here are the host, admins and 嘉宾, so a pending
      // check publishes (a risky verdict arrives at mediaCheck), and a refusal now is final.
      const verdict = await runtime.contentSafety.checkImages(newPhotos, openid)
      if (verdict.status === 'reject') throw new AppError('CONTENT_REJECTED', `图片未通过安全检测（${verdict.reason}）`, 'photoFileIds')
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    console.error('[posts] content check unavailable:', (error as Error)?.message ?? error)
    throw new AppError('BUSY', POST_CHECK_UNAVAILABLE)
  }
}

function assertHasContent(c: Content): void {
  if (c.title.trim() === '' && c.text.trim() === '' && c.photoFileIds.length === 0 && c.files.length === 0 && c.link === null) throw new AppError('INVALID_INPUT', '请填写内容', 'text')
}

async function writeTopicLinks(tx: Transaction, post: PostDoc, added: string[], removed: string[]): Promise<void> {
  const links = tx.collection<TopicLinkDoc>(POST_TOPIC_LINKS)
  for (const topic of removed) await links.remove(topicLinkId(post._id, topic))
  for (const topic of added) await links.set({ _id: topicLinkId(post._id, topic), postId: post._id, circleId: post.circleId, topic, createdAt: post.createdAt })
}

/** The circle's topic list: one document per circle and topic, written only by authors. */
async function touchTopics(ops: Pick<Transaction, 'collection'>, circleId: string, topics: string[], now: number): Promise<void> {
  for (const topic of topics) await ops.collection<TopicDoc>(POST_TOPICS).set({ _id: `${circleId}:${topic}`, circleId, topic, lastUsedAt: now })
}

export async function createPost(runtime: Runtime, caller: Caller, member: MemberDoc, input: PostInput, now: number): Promise<PostView> {
  const viewer = await loadViewer(runtime, caller, member, input.circleId, now)
  if (!canPost(viewer)) throw new AppError('FORBIDDEN', viewer.role === 'guest' ? '嘉宾需先加入该圈子才能发帖' : '只有主理人、管理员或嘉宾可以在圈子里发帖')
  if (input.kind === 'announcement' && !viewer.manager) throw new AppError('FORBIDDEN', '只有主理人或管理员可以发布公告')
  if (!(await runtime.files.allUsableBy(input.photoFileIds, caller.openid))) throw new AppError('INVALID_INPUT', '图片无效，请重新上传', 'photoFileIds')
  const content: Content = {
    title: (input.title ?? '').trim(),
    text: input.text.trim(),
    photoFileIds: input.photoFileIds,
    files: await documentsOf(runtime, caller.openid, input.files),
    link: input.link ?? null,
    topics: normaliseTopics(input.topics),
    minTierLevel: input.minTierLevel ?? null
  }
  assertHasContent(content)
  await checkContent(runtime, caller.openid, content, content.photoFileIds)
  const post: PostDoc = {
    _id: randomUUID(),
    circleId: viewer.circle._id,
    openid: caller.openid,
    authorRole: caller.role,
    kind: input.kind,
    ...content,
    featured: false,
    featuredAt: 0,
    status: 'visible',
    likeCount: 0,
    commentCount: 0,
    search: searchText(content),
    createdAt: now,
    updatedAt: now
  }
  await runtime.store.transaction(async (tx) => {
    await tx.collection<PostDoc>(POSTS).insert(post)
    await writeTopicLinks(tx, post, post.topics, [])
    await touchTopics(tx, post.circleId, post.topics, now)
  })
  return (await postViews(runtime, viewer, [post], { fresh: true }))[0]
}

async function editablePost(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<{ post: PostDoc; viewer: Viewer }> {
  const post = await loadPost(runtime, postId)
  const viewer = await loadViewer(runtime, caller, member, post.circleId, now)
  if (!canEdit(viewer, post)) throw new AppError('FORBIDDEN', '只有作者或管理员可以修改这条内容')
  return { post, viewer }
}

export async function updatePost(runtime: Runtime, caller: Caller, member: MemberDoc, input: UpdatePostInput, now: number): Promise<PostView> {
  const { post, viewer } = await editablePost(runtime, caller, member, input.postId, now)
  const newPhotos = (input.photoFileIds ?? []).filter((id) => !post.photoFileIds.includes(id))
  if (!(await runtime.files.allUsableBy(newPhotos, caller.openid))) throw new AppError('INVALID_INPUT', '图片无效，请重新上传', 'photoFileIds')
  // Files already on the post stay as they are (an admin editing keeps the author's files); new ones must be the editor's.
  let files = post.files
  if (input.files) {
    const kept = new Map(post.files.map((f) => [f.fileId, f]))
    const added = await documentsOf(
      runtime,
      caller.openid,
      input.files.filter((f) => !kept.has(f.fileId))
    )
    files = input.files.map((f) => (kept.has(f.fileId) ? { ...kept.get(f.fileId)!, name: f.name.trim() } : added.find((a) => a.fileId === f.fileId)!))
  }
  const content: Content = {
    title: input.title !== undefined ? input.title.trim() : post.title,
    text: input.text !== undefined ? input.text.trim() : post.text,
    photoFileIds: input.photoFileIds ?? post.photoFileIds,
    files,
    link: input.link !== undefined ? input.link : post.link,
    topics: input.topics ? normaliseTopics(input.topics) : post.topics,
    minTierLevel: input.minTierLevel !== undefined ? input.minTierLevel : post.minTierLevel
  }
  assertHasContent(content)
  await checkContent(runtime, caller.openid, content, newPhotos)
  const next: PostDoc = { ...post, ...content, search: searchText(content), updatedAt: now }
  const added = content.topics.filter((t) => !post.topics.includes(t))
  const removed = post.topics.filter((t) => !content.topics.includes(t))
  await runtime.store.transaction(async (tx) => {
    // Deleted meanwhile: nothing is written (the throw rolls the links back too).
    if (!(await tx.collection<PostDoc>(POSTS).updateIf(post._id, { status: 'visible' }, { set: { ...content, search: next.search, updatedAt: now } }))) throw new AppError('NOT_FOUND', '内容不存在')
    await writeTopicLinks(tx, post, added, removed)
  })
  // Outside the transaction (≤ 8 operations with 3 topics swapped): the list is a convenience, set again by any later post.
  await touchTopics(runtime.store, post.circleId, added, now)
  return (await postViews(runtime, viewer, [{ ...next, likeCount: post.likeCount, commentCount: post.commentCount }]))[0]
}

export async function deletePost(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<{ deleted: true }> {
  const { post } = await editablePost(runtime, caller, member, postId, now)
  await runtime.store.transaction(async (tx) => {
    await tx.collection<PostDoc>(POSTS).update(post._id, { set: { status: 'deleted', updatedAt: now } })
    for (const topic of post.topics) await tx.collection(POST_TOPIC_LINKS).remove(topicLinkId(post._id, topic))
  })
  return { deleted: true }
}
