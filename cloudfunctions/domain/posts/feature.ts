// 精华: an admin or the owner marks a post; the 精华 tab lists them by when they were marked.
import type { FeaturePostInput, PostView } from '../../../types/posts'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { MemberDoc } from '../members/member'
import { loadViewer } from './access'
import { POSTS, loadPost, type PostDoc } from './post-doc'
import { postViews } from './views'

export async function featurePost(runtime: Runtime, caller: Caller, member: MemberDoc, input: FeaturePostInput, now: number): Promise<PostView> {
  const post = await loadPost(runtime, input.postId)
  const viewer = await loadViewer(runtime, caller, member, post.circleId, now)
  const featuredAt = input.featured ? (post.featured ? post.featuredAt : now) : 0
  await runtime.store.collection<PostDoc>(POSTS).update(post._id, { set: { featured: input.featured, featuredAt } })
  return (await postViews(runtime, viewer, [{ ...post, featured: input.featured, featuredAt }]))[0]
}
