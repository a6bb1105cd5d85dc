// The testimonial wall at 100k check-ins: a 20-item page through the real feed
// (query, authors, challenge titles, the viewer's likes), first page and page
// 5,000, which keyset paging keeps near the same cost.
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { feed } from '../cloudfunctions/domain/checkin/feed'
import { CHECKINS, type CheckinDoc } from '../cloudfunctions/domain/checkin/checkin'
import { CHALLENGES } from '../cloudfunctions/domain/checkin/challenge'
import { MEMBERS } from '../cloudfunctions/domain/members/member'
import { percentile, round, timeEach } from './stats'

const CHECKIN_COUNT = 100_000
const MEMBER_COUNT = 1_000

export async function benchFeed(): Promise<Record<string, number>> {
  const runtime = createLocalRuntime({ dataDir: ':memory:' })
  const start = Date.parse('2026-01-01T00:00:00+08:00')
  await runtime.store.transaction(async (tx) => {
    for (let c = 0; c < 10; c++) {
      await tx.collection(CHALLENGES).insert({ _id: `c${c}`, title: `挑战 ${c}`, startDate: '2026-01-01', endDate: '2026-12-31', days: 365 } as never)
    }
    for (let m = 0; m < MEMBER_COUNT; m++) {
      await tx.collection(MEMBERS).insert({ _id: `o${m}`, nickname: `成员${m}`, avatarFileId: '', role: 'member', joinedAt: start, updatedAt: start } as never)
    }
    const checkins = tx.collection<CheckinDoc>(CHECKINS)
    for (let i = 0; i < CHECKIN_COUNT; i++) {
      const openid = `o${i % MEMBER_COUNT}`
      await checkins.insert({
        _id: `k${i}`,
        challengeId: `c${i % 10}`,
        openid,
        date: '2026-01-01',
        text: '今天完成了训练，感觉很好',
        photoFileIds: [],
        location: '',
        createdAt: start + i * 60_000,
        makeup: false,
        featured: i % 50 === 0,
        featuredAt: i % 50 === 0 ? start + i * 60_000 : null,
        status: 'visible',
        pendingChecks: 0,
        hiddenReason: '',
        likeCount: i % 7,
        commentCount: 0
      })
    }
  })
  const viewer = { openid: 'o1', role: 'member' as const }
  const first = await timeEach(300, () => feed(runtime, viewer, { scope: 'all' }))
  // The cursor of page 5,000 (after 99,980 check-ins), found by walking the index once.
  let after: string | null = null
  for (let page = 1; page < 5000; page++) {
    after = (await runtime.store.collection<CheckinDoc>(CHECKINS).find({ status: 'visible' }, { sort: [['createdAt', 'desc']], limit: 20, after })).next
  }
  const deep = await timeEach(300, () => feed(runtime, viewer, { scope: 'all', after }))
  const deepPage = await feed(runtime, viewer, { scope: 'all', after })
  const challenge = await timeEach(300, () => feed(runtime, viewer, { scope: 'challenge', challengeId: 'c3' }))
  await runtime.store.close()
  return {
    feed_checkins: CHECKIN_COUNT,
    feed_page_p95_ms: round(percentile(first, 95)),
    feed_page5000_p95_ms: round(percentile(deep, 95)),
    feed_deep_vs_first_ratio: round(percentile(deep, 95) / percentile(first, 95), 2),
    feed_page5000_items: deepPage.items.length,
    feed_challenge_page_p95_ms: round(percentile(challenge, 95))
  }
}
