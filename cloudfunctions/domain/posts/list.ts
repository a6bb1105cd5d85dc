// Reading a circle's content: its header (pinned announcements, topics, what
// the caller may do), the tabs 全部 / 精华 / 公告 / a topic, and one post by id.
// Every post of the circle is listed; to a non-member each shows locked.
import type { CircleContentView, ListPostsInput, PostView } from '../../../types/posts'
import type { Page } from '../../../types/page'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { MemberDoc } from '../members/member'
import { canPost, loadViewer } from './access'
import { POSTS, POST_TOPICS, POST_TOPIC_LINKS, loadPost, type PostDoc, type TopicDoc, type TopicLinkDoc } from './post-doc'
import { postViews } from './views'

const PAGE = 20
const PINNED = 3

export async function circleContent(runtime: Runtime, caller: Caller, member: MemberDoc, circleId: string, now: number): Promise<CircleContentView> {
  const viewer = await loadViewer(runtime, caller, member, circleId, now)
  const [pinned, topics] = await Promise.all([
    runtime.store.collection<PostDoc>(POSTS).find({ circleId, kind: 'announcement', status: 'visible' }, { sort: [['createdAt', 'desc']], limit: PINNED }),
    runtime.store.collection<TopicDoc>(POST_TOPICS).find({ circleId }, { sort: [['lastUsedAt', 'desc']], limit: 30 })
  ])
  return {
    circleId,
    circleName: viewer.circle.name,
    isMember: viewer.inCircle,
    canPost: canPost(viewer),
    canManage: viewer.manager,
    pinned: await postViews(runtime, viewer, pinned.items),
    topics: topics.items.map((t) => t.topic)
  }
}

export async function listPosts(runtime: Runtime, caller: Caller, member: MemberDoc, input: ListPostsInput, now: number): Promise<Page<PostView>> {
  const viewer = await loadViewer(runtime, caller, member, input.circleId, now)
  const posts = runtime.store.collection<PostDoc>(POSTS)
  let page: Page<PostDoc>
  if (input.topic) {
    const links = await runtime.store
      .collection<TopicLinkDoc>(POST_TOPIC_LINKS)
      .find({ circleId: input.circleId, topic: input.topic }, { sort: [['createdAt', 'desc']], limit: PAGE, after: input.after })
    const found = links.items.length === 0 ? [] : (await posts.find({ _id: { $in: links.items.map((l) => l.postId) } }, { limit: PAGE })).items
    const byId = new Map(found.map((p) => [p._id, p]))
    page = { items: links.items.map((l) => byId.get(l.postId)).filter((p): p is PostDoc => p !== undefined && p.status === 'visible'), next: links.next }
  } else if (input.tab === 'featured') {
    page = await posts.find({ circleId: input.circleId, featured: true, status: 'visible' }, { sort: [['featuredAt', 'desc']], limit: PAGE, after: input.after })
  } else if (input.tab === 'announcements') {
    page = await posts.find({ circleId: input.circleId, kind: 'announcement', status: 'visible' }, { sort: [['createdAt', 'desc']], limit: PAGE, after: input.after })
  } else {
    // 全部: the stream of posts; announcements sit pinned above it (and under 公告).
    page = await posts.find({ circleId: input.circleId, kind: 'post', status: 'visible' }, { sort: [['createdAt', 'desc']], limit: PAGE, after: input.after })
  }
  return { items: await postViews(runtime, viewer, page.items), next: page.next }
}

/** One post by id. Any circle's post answers the same way: whole to who may see it, locked (teaser only) to anyone else. */
export async function getPost(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<PostView> {
  const post = await loadPost(runtime, postId)
  const viewer = await loadViewer(runtime, caller, member, post.circleId, now)
  return (await postViews(runtime, viewer, [post]))[0]
}
