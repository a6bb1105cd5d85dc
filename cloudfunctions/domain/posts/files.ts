// A post's documents are downloaded through temporary links, handed only to who
// sees the post whole (a current member at the post's tier, or staff), one
// request for all of them (CloudBase getTempFileURL).
import type { PostFileUrls } from '../../../types/posts'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { MemberDoc } from '../members/member'
import { assertUnlocked, loadViewer } from './access'
import { loadPost } from './post-doc'

export async function postFileUrls(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<PostFileUrls> {
  const post = await loadPost(runtime, postId)
  assertUnlocked(await loadViewer(runtime, caller, member, post.circleId, now), post)
  const urls = await runtime.files.downloadUrls(post.files.map((f) => f.fileId))
  return { files: post.files.map((f, i) => ({ fileId: f.fileId, name: f.name, url: urls[i] })) }
}
