// Budget scenarios of a circle's content (the circle function's post actions):
// posts and announcements by the host and a 嘉宾 in the free runners' circle
// (阿杰 is a member), read by a member. Spread into scenarios.ts.
import { AJIE, HOST, LILY, type World } from './world'
import type { Scenario } from './scenarios'
import { member, host } from '../plays/budget'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

async function runners(w: World): Promise<string> {
  return (await w.doc<{ _id: string }>('circles', { name: '跑步爱好者' }))._id
}

/** The host's post with 9 photos, a PDF, a link and 3 topics (setup). */
async function fullPost(w: World, circleId: string, kind: 'post' | 'announcement' = 'post', text = '本周训练计划：间歇跑 8 组') {
  const photoFileIds = await Promise.all(Array.from({ length: 9 }, () => w.photo(HOST)))
  const pdf = await w.runtime.files.saveDocument(HOST, PDF, 'application/pdf', '训练计划.pdf')
  return w.call(
    'circle',
    'createPost',
    { circleId, kind, title: '训练计划', text, photoFileIds, files: [{ fileId: pdf.fileId, name: pdf.name }], link: { url: 'https://example.com', title: '说明' }, topics: ['训练', '跑步', '装备'] },
    HOST
  )
}

/** A circle holding a page's worth of everything: 3 announcements read by a member, 20 liked posts. */
async function busyCircle(w: World): Promise<{ circleId: string; postId: string; announcementId: string }> {
  const circleId = await runners(w)
  let announcementId = ''
  for (let i = 0; i < 3; i++) {
    announcementId = (await fullPost(w, circleId, 'announcement', `公告 ${i}`)).id
    await w.call('circle', 'markAnnouncementRead', { postId: announcementId }, AJIE)
  }
  let postId = ''
  for (let i = 0; i < 20; i++) {
    postId = (await fullPost(w, circleId, 'post', `帖子 ${i} 间歇跑`)).id
    await w.call('circle', 'togglePostLike', { postId }, AJIE)
  }
  return { circleId, postId, announcementId }
}

/** Lily as a 嘉宾 who joined the free runners' circle (setup). */
async function guest(w: World, circleId: string): Promise<void> {
  const link = await w.call('host', 'createStaffInvite', { role: 'guest' }, HOST)
  await w.call('host', 'acceptStaffInvite', { token: link.token }, LILY)
  await w.call('membership', 'joinFree', { circleId, answers: ['每周三次'] }, LILY)
}

export const POST_SCENARIOS: Scenario[] = [
  member('circle.circleContent', async (w) => {
    const { circleId } = await busyCircle(w)
    return (await w.measure('circle', 'circleContent', { circleId }, AJIE)).usage
  }),
  member('circle.listPosts', async (w) => {
    const { circleId } = await busyCircle(w)
    return (await w.measure('circle', 'listPosts', { circleId }, AJIE)).usage
  }),
  member('circle.listPosts.topic', async (w) => {
    const { circleId } = await busyCircle(w)
    return (await w.measure('circle', 'listPosts', { circleId, topic: '训练' }, AJIE)).usage
  }),
  member('circle.searchPosts', async (w) => {
    const { circleId } = await busyCircle(w)
    return (await w.measure('circle', 'searchPosts', { circleId, q: '间歇跑' }, AJIE)).usage
  }),
  member('circle.getPost', async (w) => {
    const { postId } = await busyCircle(w)
    return (await w.measure('circle', 'getPost', { postId }, AJIE)).usage
  }),
  member('circle.createPost', async (w) => {
    const circleId = await runners(w)
    await guest(w, circleId)
    const photoFileIds = await Promise.all(Array.from({ length: 9 }, () => w.photo(LILY)))
    const pdf = await w.runtime.files.saveDocument(LILY, PDF, 'application/pdf', '配速表.pdf')
    return (
      await w.measure(
        'circle',
        'createPost',
        { circleId, kind: 'post', text: '嘉宾分享：配速表', photoFileIds, files: [{ fileId: pdf.fileId, name: pdf.name }], link: null, topics: ['训练', '配速', '嘉宾'] },
        LILY
      )
    ).usage
  }),
  member('circle.updatePost', async (w) => {
    const post = await fullPost(w, await runners(w))
    const pdf = await w.runtime.files.saveDocument(HOST, PDF, 'application/pdf', '新版.pdf')
    return (await w.measure('circle', 'updatePost', { postId: post.id, text: '改过的计划', files: [{ fileId: pdf.fileId, name: pdf.name }], topics: ['新一', '新二', '新三'] }, HOST)).usage
  }),
  member('circle.deletePost', async (w) => {
    const post = await fullPost(w, await runners(w))
    return (await w.measure('circle', 'deletePost', { postId: post.id }, HOST)).usage
  }),
  host('circle.featurePost', async (w) => {
    const post = await fullPost(w, await runners(w))
    return (await w.measure('circle', 'featurePost', { postId: post.id, featured: true }, HOST)).usage
  }),
  member('circle.markAnnouncementRead', async (w) => {
    const post = await fullPost(w, await runners(w), 'announcement')
    return (await w.measure('circle', 'markAnnouncementRead', { postId: post.id }, AJIE)).usage
  }),
  host('circle.announcementReads', async (w) => {
    const { announcementId } = await busyCircle(w)
    return (await w.measure('circle', 'announcementReads', { postId: announcementId }, HOST)).usage
  }),
  member('circle.postFileUrls', async (w) => {
    const post = await fullPost(w, await runners(w))
    return (await w.measure('circle', 'postFileUrls', { postId: post.id }, AJIE)).usage
  }),
  member('circle.togglePostLike', async (w) => {
    const post = await fullPost(w, await runners(w))
    return (await w.measure('circle', 'togglePostLike', { postId: post.id }, AJIE)).usage
  }),
  member('circle.addPostComment', async (w) => {
    const post = await fullPost(w, await runners(w))
    const first = await w.call('circle', 'addPostComment', { postId: post.id, text: '收到' }, HOST)
    return (await w.measure('circle', 'addPostComment', { postId: post.id, text: '谢谢教练', parentId: first.id }, AJIE)).usage
  }),
  member('circle.listPostComments', async (w) => {
    const post = await fullPost(w, await runners(w))
    for (let i = 0; i < 5; i++) await w.call('circle', 'addPostComment', { postId: post.id, text: `第 ${i} 条` }, AJIE)
    return (await w.measure('circle', 'listPostComments', { postId: post.id }, AJIE)).usage
  }),
  member('circle.deletePostComment', async (w) => {
    const post = await fullPost(w, await runners(w))
    const comment = await w.call('circle', 'addPostComment', { postId: post.id, text: '收到' }, AJIE)
    return (await w.measure('circle', 'deletePostComment', { commentId: comment.id }, AJIE)).usage
  })
]
