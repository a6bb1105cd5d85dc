// The nickname and avatar prompt (issue 13 item 15) in the weapp build: WeChat
// lets a mini-program read the member's avatar and WeChat name only through its
// own chooseAvatar button and nickname keyboard, so the sheet must render those
// in weapp; 跳过 records the skip and the check-in posts in the same tap.
import { ensureWeappBuild } from '../weapp-build'
import { answer, challenge, checkin } from './fixtures'
import { compileRenderLayer, tap, until, untilText, WeappRuntime, type RenderLayer } from './harness'
import type { ChallengeDetail, ChallengeProgress, PostCheckinResult } from '../../../types/checkin'
import type { MemberProfile } from '../../../types/member'
import type { ApiResult } from '../../../types/result'

ensureWeappBuild()

let view: RenderLayer
beforeAll(() => {
  view = compileRenderLayer()
})

const progress: ChallengeProgress = {
  joined: true,
  joinedAt: Date.UTC(2025, 4, 18),
  daysDone: 0,
  daysTotal: 21,
  currentStreak: 0,
  longestStreak: 0,
  makeupCardsLeft: 2,
  today: '2025-05-20',
  checkedInToday: false,
  windowOpen: true,
  completed: false,
  doneDays: [],
  makeupableDates: []
}
const newcomer: MemberProfile = { openid: 'o-newbie01', nickname: '成员ie01', avatarUrl: '', role: 'member', joinedAt: Date.UTC(2025, 4, 18), askProfile: true }

function cloud(name: string, data: Record<string, unknown>): ApiResult<unknown> {
  const action = `${name}.${String(data.action)}`
  if (action === 'member.me') return { ok: true, data: newcomer }
  if (action === 'member.markProfilePrompted') return { ok: true, data: { ...newcomer, askProfile: false } }
  if (action === 'checkin.getChallenge') return { ok: true, data: { challenge, progress, circleName: null, inCircle: true } satisfies ChallengeDetail }
  if (action === 'checkin.postCheckin') {
    return { ok: true, data: { checkin: { ...checkin, mine: true }, duplicate: false, progress: { ...progress, checkedInToday: true, daysDone: 1 } } satisfies PostCheckinResult }
  }
  return answer(name, data)
}

/** The first node of Taro's render tree (page data) whose class list has `name`. */
function nodeWithClass(tree: unknown, name: string): Record<string, unknown> | null {
  if (!tree || typeof tree !== 'object') return null
  const node = tree as Record<string, unknown>
  if (typeof node.cl === 'string' && node.cl.split(' ').includes(name)) return node
  for (const child of Object.values(node)) {
    const found = nodeWithClass(child, name)
    if (found) return found
  }
  return null
}

describe('profile prompt in the weapp build', () => {
  it("a newcomer's first 打卡 shows WeChat's avatar button and nickname keyboard; 跳过 records it and posts", async () => {
    const rt = new WeappRuntime(view, { cloud })
    try {
      rt.launch()
      const page = rt.open('packages/challenge/compose/index', { challengeId: 'ch1' })
      await untilText(page, challenge.title)
      // The challenge asks for no text, so 打卡 can be tapped as it opens; member.me says the newcomer was never asked.
      await until(() => rt.callsTo('cloud.callFunction').some((c) => (c.data as { action?: string }).action === 'me'))
      tap(page, /^打卡$/)
      expect(await untilText(page, '设置头像和昵称')).toContain('成员ie01')
      expect(rt.callsTo('cloud.callFunction').map((c) => (c.data as { action?: string }).action)).not.toContain('postCheckin')

      // The view layer's data for the sheet: what WeChat's <button> and <input> receive.
      // (Taro names props by short keys, so look for the values.)
      expect(Object.values(nodeWithClass(page.instance.data, 'avatar-picker-button') ?? {})).toContain('chooseAvatar')
      expect(Object.values(nodeWithClass(page.instance.data, 'nickname-field-input') ?? {})).toContain('nickname')

      tap(page, '跳过，直接打卡')
      await until(() => rt.callsTo('cloud.callFunction').some((c) => (c.data as { action?: string }).action === 'postCheckin'))
      const actions = rt.callsTo('cloud.callFunction').map((c) => `${c.name}.${(c.data as { action?: string }).action}`)
      expect(actions.indexOf('member.markProfilePrompted')).toBeGreaterThanOrEqual(0)
      expect(actions.indexOf('member.markProfilePrompted')).toBeLessThan(actions.indexOf('checkin.postCheckin'))
      expect(rt.errors).toEqual([])
    } finally {
      rt.dispose()
    }
  })
})
