// The wall in requests, as CloudBase would be sent them (issue 11: a page ≤ 6):
// no wallet, challenge or settings read on a warm instance; older check-ins
// without a copied title and day still show them; badges from the member's
// tier; the settings kept per store instance; members-only walls still closed.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { CountingStore, type MeterReading } from '../../cloudfunctions/adapters/store/counting-store'
import { setRuntime, type Runtime } from '../../cloudfunctions/platform/runtime'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { CIRCLES, CIRCLE_MEMBERS } from '../../cloudfunctions/domain/circles/access'
import { DEFAULT_TIERS, SETTINGS_CACHE_MS, loadSettings, saveSettings } from '../../cloudfunctions/domain/growth/settings'
import { EmbeddedStore } from '../../cloudfunctions/adapters/store/embedded-store'
import { allCollections } from '../../cloudfunctions/platform/collection-indexes'
import type { FeedInput } from '../../types/checkin'
import { CHINA_10AM, createChallenge, post, uploadPhoto } from './checkin-fixtures'
import { KeywordContentSafety } from '../../cloudfunctions/adapters/local/keyword-content-safety'
import { MEDIA_CHECKS } from '../../cloudfunctions/domain/checkin/post-checkin'
import { resolveMediaCheck } from '../../cloudfunctions/domain/checkin/media-check'

let runtime: TestRuntime
let store: CountingStore
let challengeId: string
beforeEach(async () => {
  runtime = useTestRuntime()
  runtime.clock.set(CHINA_10AM)
  // Every store call of the functions goes through the counter (ports that keep their own handle stay uncounted).
  store = new CountingStore(runtime.store)
  ;(runtime as unknown as Runtime).store = store
  setRuntime(runtime)
  challengeId = await createChallenge()
})
afterEach(() => closeTestRuntime(runtime))

const feed = (openid: string, input: FeedInput) => call('checkin', 'feed', input, openid)

async function measured(openid: string, input: FeedInput): Promise<{ items: Awaited<ReturnType<typeof feedItems>>; usage: MeterReading }> {
  const { result, usage } = await store.measure(() => feedItems(openid, input))
  return { items: result, usage }
}
async function feedItems(openid: string, input: FeedInput) {
  return ok(await feed(openid, input))
}

/** Collections the call looked up by query (gets are counted but not recorded). */
const queried = (usage: MeterReading) => usage.queries.map((q) => q.collection)

async function fillWall(count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    ids.push(ok(await post(challengeId, `o_m${i}`)).checkin.id)
    runtime.clock.advance(1000)
  }
  return ids
}

describe('requests per page', () => {
  test('every scope, first and next page, within 6 even on a cold instance (the settings read is the only extra)', async () => {
    const ids = await fillWall(25)
    for (const id of ids.slice(0, 22)) ok(await call('challenges', 'featureCheckin', { checkinId: id, featured: true }, HOST))
    const scopes: Array<[FeedInput, number, string?]> = [
      // the member read, circles, the page, authors, likes (own pending: the member document lists none)
      [{ scope: 'all' }, 5],
      [{ scope: 'featured' }, 5],
      // no circles query (who may read the wall is told by its check-ins), no own-pending query
      [{ scope: 'challenge', challengeId }, 4],
      [{ scope: 'member', authorOpenid: 'o_m3' }, 5],
      // one's own: no circles either
      [{ scope: 'member' }, 4, 'o_m3']
    ]
    for (const [input, warm, viewer = 'o_viewer'] of scopes) {
      const first = ok(await feed(viewer, input))
      const { items, usage } = await measured(viewer, input)
      expect(items.items.length).toBeGreaterThan(0)
      expect([input.scope, usage.requests]).toEqual([input.scope, warm])
      expect(queried(usage)).not.toContain('wallets')
      expect(queried(usage)).not.toContain('challenges')
      if (first.next) {
        const next = await measured(viewer, { ...input, after: first.next })
        expect(next.items.items.length).toBeGreaterThan(0)
        expect([input.scope, next.usage.requests]).toEqual([input.scope, warm])
      }
    }
    // Once the instance's settings are older than the cache time (or on a cold instance) the page reads them again: one more.
    runtime.clock.advance(SETTINGS_CACHE_MS)
    const { usage } = await measured('o_viewer', { scope: 'all' })
    expect(usage.requests).toBe(6)
    expect(usage.byOp.get).toBe(2) // the member and the settings
  })

  test('an author with a check-in waiting for its image check: one lookup by id pins it, and once checked the list empties itself', async () => {
    await fillWall(3)
    runtime.contentSafety = new KeywordContentSafety(undefined, 'pending')
    const photo = await uploadPhoto(runtime, 'o_pending')
    const mine = ok(await post(challengeId, 'o_pending', '今天的照片也拍好了', [photo])).checkin
    expect(mine.status).toBe('pending')
    const pinned = await measured('o_pending', { scope: 'all' })
    expect(pinned.items.items[0].id).toBe(mine.id)
    expect(pinned.usage.requests).toBe(6) // the ids lookup is the sixth
    // WeChat's verdict arrives: the next visit finds it checked and clears the list, the one after makes no lookup.
    const trace = (await runtime.store.collection<{ _id: string; checkinId: string }>(MEDIA_CHECKS).find({}, { limit: 10 })).items.find((t) => t.checkinId === mine.id)!
    await resolveMediaCheck(runtime, trace._id, 'pass', runtime.clock.now())
    await measured('o_pending', { scope: 'all' })
    expect((await measured('o_pending', { scope: 'all' })).usage.requests).toBe(5)
  })

  test('a page of check-ins posted before titles and days were copied looks their challenges up, once for the page', async () => {
    const other = await createChallenge({ title: '早起打卡', startDate: '2026-11-22' })
    const a = ok(await post(challengeId, 'o_a')).checkin
    const b = ok(await post(other, 'o_b')).checkin
    const c = ok(await post(other, 'o_c')).checkin
    // Each member's first day done.
    expect([a.challengeTitle, a.dayNumber, b.challengeTitle, b.dayNumber]).toEqual(['21 天减脂打卡', 1, '早起打卡', 1])
    const copied = ok(await feed('o_x', { scope: 'all' })).items
    for (const id of [b.id, c.id]) await runtime.store.collection<CheckinDoc>(CHECKINS).update(id, { unset: ['challengeTitle', 'dayNumber'] })
    const { items, usage } = await measured('o_x', { scope: 'all' })
    // Without a stored number, the challenge's day (2) is all the view can tell.
    expect(items.items).toEqual(copied.map((v) => (v.id === b.id || v.id === c.id ? { ...v, dayNumber: 2 } : v)))
    expect(queried(usage).filter((name) => name === 'challenges')).toHaveLength(1)
    // None lacking: no lookup.
    const wall = await measured('o_x', { scope: 'challenge', challengeId })
    expect(wall.items.items.map((i) => [i.challengeTitle, i.dayNumber])).toEqual([['21 天减脂打卡', 1]])
    expect(queried(wall.usage)).not.toContain('challenges')
  })
})

describe('badges', () => {
  test("come from the tier on the member document (absent: Lv1) and follow the host's badge names at once", async () => {
    ok(await post(challengeId, 'o_a'))
    runtime.clock.advance(1000)
    ok(await post(challengeId, 'o_b'))
    await runtime.store.collection<MemberDoc>(MEMBERS).update('o_a', { set: { tierLevel: 3 } })
    const badges = async () => Object.fromEntries(ok(await feed('o_x', { scope: 'all' })).items.map((i) => [i.author.openid, i.author.badge]))
    expect(await badges()).toEqual({ o_a: '核心', o_b: '' })
    const renamed = DEFAULT_TIERS.map((t) => ({ ...t, perks: { ...t.perks, badge: t.level === 1 ? '新人' : `${t.name}·` } }))
    ok(await call('growth', 'updateSettings', { tiers: renamed }, HOST))
    expect(await badges()).toEqual({ o_a: '核心·', o_b: '新人' })
  })
})

describe('settings kept per instance', () => {
  test('read once, again after the cache time or a save, and never shared between stores', async () => {
    const count = async (r: Runtime) => (await store.measure(() => loadSettings(r))).usage.requests
    expect(await count(runtime)).toBe(1)
    expect(await count(runtime)).toBe(0)
    runtime.clock.advance(SETTINGS_CACHE_MS - 1)
    expect(await count(runtime)).toBe(0)
    runtime.clock.advance(1)
    expect(await count(runtime)).toBe(1)
    // A clock set back does not keep a read from the future.
    runtime.clock.advance(-60_000)
    expect(await count(runtime)).toBe(1)

    const saved = { ...(await loadSettings(runtime)), pointsExpireMonths: 6 }
    await saveSettings(runtime, saved, runtime.clock.now())
    expect((await loadSettings(runtime)).pointsExpireMonths).toBe(6)

    // Another store (a fresh test, another runtime) has its own settings.
    const other = new EmbeddedStore({ dataDir: ':memory:', collections: allCollections() })
    try {
      expect((await loadSettings({ ...runtime, store: other })).pointsExpireMonths).toBe(12)
    } finally {
      await other.close()
    }
  })

  test('a read that overlaps a save does not keep the old settings', async () => {
    // A store whose settings read sees the document as it was when the read began, and answers late.
    let stored: object | null = null
    let answer!: () => void
    const late = new Promise<void>((resolve) => {
      answer = resolve
    })
    const slow = {
      collection: () => ({
        get: async () => {
          const seen = stored
          await late
          return seen
        },
        set: async (doc: object) => {
          stored = doc
        }
      })
    }
    const r = { ...runtime, store: slow } as unknown as Runtime
    const reading = loadSettings(r)
    await saveSettings(r, { ...(await loadSettings(runtime)), pointsExpireMonths: 3 }, runtime.clock.now())
    answer()
    expect((await reading).pointsExpireMonths).toBe(12)
    expect((await loadSettings(r)).pointsExpireMonths).toBe(3)
  })
})

describe('members-only walls', () => {
  const CIRCLE = 'c_camp'
  async function gated(): Promise<string> {
    await runtime.store.collection<{ _id: string; name: string }>(CIRCLES).insert({ _id: CIRCLE, name: '减脂训练营' })
    return createChallenge({ title: '圈内挑战', circleId: CIRCLE })
  }
  const join = (openid: string, endsAt = CHINA_10AM + 30 * 86_400_000) =>
    runtime.store.collection<{ _id: string; circleId: string; openid: string; endsAt: number }>(CIRCLE_MEMBERS).set({ _id: `${CIRCLE}:${openid}`, circleId: CIRCLE, openid, endsAt })

  test('an empty one is refused to non-members as before, shown to members and hosts', async () => {
    const id = await gated()
    expect(await feed('o_out', { scope: 'challenge', challengeId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await join('o_in')
    expect(ok(await feed('o_in', { scope: 'challenge', challengeId: id })).items).toEqual([])
    expect(ok(await feed(HOST, { scope: 'challenge', challengeId: id })).items).toEqual([])
    expect(ok(await feed('o_out', { scope: 'challenge', challengeId: 'no-such-challenge' })).items).toEqual([])
  })

  test('one with check-ins: refused to non-members and lapsed members, their own posts included; members see the wall', async () => {
    const id = await gated()
    await join('o_in')
    await join('o_lapsing', CHINA_10AM + 3600_000)
    ok(await call('checkin', 'joinChallenge', { challengeId: id }, 'o_in'))
    ok(await call('checkin', 'joinChallenge', { challengeId: id }, 'o_lapsing'))
    const mine = ok(await post(id, 'o_lapsing')).checkin
    const theirs = ok(await post(id, 'o_in')).checkin
    expect(await feed('o_out', { scope: 'challenge', challengeId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      ok(await feed('o_in', { scope: 'challenge', challengeId: id }))
        .items.map((i) => i.id)
        .sort()
    ).toEqual([mine.id, theirs.id].sort())
    runtime.clock.advance(2 * 3600_000)
    expect(await feed('o_lapsing', { scope: 'challenge', challengeId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ok(await feed(HOST, { scope: 'challenge', challengeId: id })).items).toHaveLength(2)
    // The wall's own check-ins said it was members-only: no challenge read for a member.
    const { usage } = await measured('o_in', { scope: 'challenge', challengeId: id })
    expect(usage.byOp.get).toBe(2) // the member and their circle membership (settings kept from the calls above)
  })
})
