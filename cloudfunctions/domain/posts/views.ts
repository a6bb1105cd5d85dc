// Posts as the app shows them. A locked post keeps its teaser, counts and
// author, and loses its body, photos, files and link. A page costs the authors
// (one read), the caller's likes and, for announcements, the caller's reads
// (one read each, at the same time).
import type { PostView } from '../../../types/posts'
import { ROLE_LABELS } from '../../../types/roles'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import { lockOf, type Viewer } from './access'
import { POST_LIKES, POST_READS, readId, type PostDoc } from './post-doc'
import { teaserOf } from './text'

async function existingIds(runtime: Runtime, collection: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const page = await runtime.store.collection(collection).find({ _id: { $in: ids } }, { limit: 100 })
  return new Set(page.items.map((d) => d._id))
}

export async function postViews(runtime: Runtime, viewer: Viewer, posts: PostDoc[], options: { fresh?: boolean } = {}): Promise<PostView[]> {
  const locks = posts.map((p) => lockOf(viewer, p))
  const open = posts.filter((_, i) => locks[i] === null)
  const [authors, likes, reads] = await Promise.all([
    authorsOf(
      runtime,
      posts.map((p) => p.openid)
    ),
    // A post this call just wrote has no likes or reads yet.
    existingIds(runtime, POST_LIKES, options.fresh ? [] : open.map((p) => `${p._id}:${viewer.openid}`)),
    existingIds(runtime, POST_READS, options.fresh ? [] : open.filter((p) => p.kind === 'announcement').map((p) => readId(p._id, viewer.openid)))
  ])
  return posts.map((p, i) => {
    const locked = locks[i]
    return {
      id: p._id,
      circleId: p.circleId,
      kind: p.kind,
      author: authors.get(p.openid)!,
      authorLabel: ROLE_LABELS[p.authorRole] ?? '',
      title: p.title,
      teaser: teaserOf(p.title, p.text),
      locked,
      text: locked ? '' : p.text,
      photos: locked ? [] : p.photoFileIds.map((fileId) => ({ fileId, url: runtime.files.urlFor(fileId) })),
      files: locked ? [] : p.files,
      link: locked ? null : p.link,
      photoCount: p.photoFileIds.length,
      fileCount: p.files.length,
      topics: p.topics,
      minTierLevel: p.minTierLevel,
      featured: p.featured,
      pinned: p.kind === 'announcement',
      likeCount: p.likeCount,
      commentCount: p.commentCount,
      likedByMe: likes.has(`${p._id}:${viewer.openid}`),
      readByMe: reads.has(readId(p._id, viewer.openid)),
      canEdit: viewer.manager || p.openid === viewer.openid,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt
    }
  })
}
