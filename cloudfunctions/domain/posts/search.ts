// Keyword search within a circle. Chinese has no spaces between words, so a
// query word is matched as a substring of the post's normalised text (NFKC,
// one case), every word of the query must appear. The Store port has no
// array-contains or regex query that the embedded twin and CloudBase answer
// alike, and a bigram term index would make each post write hundreds of term
// documents; posts come only from the host, admins and 嘉宾 (hundreds a year
// per circle), so a search reads the circle's posts newest first, 100 a page,
// at most 3 pages a call (≤ 8 requests), and hands back a cursor to go on.
// A post the caller sees locked is matched on its teaser only, so a search
// never reveals what a locked body says.
import type { PostView, SearchPostsInput } from '../../../types/posts'
import type { Page } from '../../../types/page'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { MemberDoc } from '../members/member'
import { loadViewer, lockOf } from './access'
import { POSTS, type PostDoc } from './post-doc'
import { normaliseForSearch, queryWords, teaserOf } from './text'
import { postViews } from './views'

const SCAN_PAGE = 100
const SCAN_PAGES = 3
const ENOUGH = 20

export async function searchPosts(runtime: Runtime, caller: Caller, member: MemberDoc, input: SearchPostsInput, now: number): Promise<Page<PostView>> {
  const viewer = await loadViewer(runtime, caller, member, input.circleId, now)
  const words = queryWords(input.q)
  const matches: PostDoc[] = []
  let after = input.after ?? null
  let next: string | null = null
  for (let i = 0; i < SCAN_PAGES; i++) {
    const page = await runtime.store.collection<PostDoc>(POSTS).find({ circleId: input.circleId, status: 'visible' }, { sort: [['createdAt', 'desc']], limit: SCAN_PAGE, after })
    for (const post of page.items) {
      const haystack = lockOf(viewer, post) ? normaliseForSearch(teaserOf(post.title, post.text)) : post.search
      if (words.every((w) => haystack.includes(w))) matches.push(post)
    }
    next = page.next
    after = page.next
    if (!page.next || matches.length >= ENOUGH) break
  }
  return { items: await postViews(runtime, viewer, matches), next }
}
