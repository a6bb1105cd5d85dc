// Shared by the browser journeys: the H5 build on an in-process dev host with a
// fresh data folder, Debian's Chromium through playwright-core, persona login
// and screenshots into test/artifacts/.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chinaDate, startOfChinaDate } from '../../cloudfunctions/domain/time/china-calendar'

const HOUR = 60 * 60 * 1000

/**
 * Journeys run in China daytime whenever CI runs them: the dev host's clock and
 * the page's clock both start at 10:00 China time on today's China date and run
 * on from there (check-ins close 00:00–05:00; a run after midnight in China
 * would find every 今日打卡 shut).
 */
function daytimeOffset(realNow = Date.now()): number {
  return startOfChinaDate(chinaDate(realNow)) + 10 * HOUR - realNow
}

/** Debian's Chromium; CHROMIUM_PATH names another (or, set to a missing file, shows how the journeys skip themselves). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const ROOT = join(__dirname, '..', '..')
export const ARTIFACTS = join(ROOT, 'test', 'artifacts')
export const hasChromium = existsSync(CHROMIUM)
const DEV_LOGIN = '/packages/account/dev-login/index'

export interface Harness {
  url: string
  page: Page
  /** Saves test/artifacts/<name>.png once Taro's page transition has settled. */
  shot(name: string): Promise<void>
  /**
   * Taps the middle of an element, as a finger would, once its page has slid
   * in: while Taro's H5 router animates a page (a transform on .taro_page),
   * fixed bars are laid out against the moving page and cover what is under
   * them, which also trips playwright's own hit-target check.
   */
  tap(selector: string, options?: { hasText?: string }): Promise<void>
  /** Taro's H5 Picker (mode selector): open it by its trigger, tap the option, 确定. */
  choose(trigger: string, option: string): Promise<void>
  /** Opens a page by its address in a fresh document (Taro's H5 router keeps earlier pages in the DOM). */
  open(path: string): Promise<void>
  /** Signs in through the dev login page as this persona and waits for 我的. */
  loginAs(persona: string): Promise<void>
  /** Signs in under a name nobody seeded, typed on the dev login page as a first-time member would, and waits for 我的. */
  loginNew(persona: string): Promise<void>
  /** A session token for calling the dev host directly (set-up steps that are not under test). */
  tokenFor(persona: string): Promise<string>
  /** POST /fn/<name> as that token. */
  call<T>(token: string, name: string, event: object): Promise<T>
  /** The sandbox pays the order as its 确认支付 would, without the page (set-up that is not under test). */
  sandboxPay(orderId: string): Promise<void>
  /** Runs the cron function now, as CloudBase's one-minute timer would (boards move there). */
  cron(): Promise<void>
  /** The dev host's (and the page's) clock: 10:00 China time today when the harness started, running on. Times a journey sets up are from this. */
  now(): number
  /** Moves the dev host's and the page's clocks on together (days later, in one journey). */
  travel(ms: number): Promise<void>
  /** The dev host's own store: for set-up a journey cannot make through the app (e.g. back-dating a join). */
  store: import('../../cloudfunctions/ports/store').Store
  close(): Promise<void>
}

/** Builds H5 if there is none, starts a seeded dev host on a temp folder and opens a phone-sized page. */
export async function startHarness(prefix: string): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) {
    // Jest sets NODE_ENV=test, which Taro would take for a dev build (react-refresh hooks that break outside its dev server).
    execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  }
  mkdirSync(ARTIFACTS, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), prefix))
  const silent = { log: () => {}, error: () => {} }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startDevHost } = require('../../scripts/dev-host/server')
  let offset = daytimeOffset()
  const clock = { now: () => Date.now() + offset }
  const host: { url: string; runtime: { store: Harness['store'] }; close(): Promise<void> } = await startDevHost({
    port: 0,
    dataDir,
    h5Dir: join(ROOT, 'dist', 'h5'),
    seed: true,
    logger: silent,
    clock
  })
  let browser: Browser | undefined
  try {
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
    })
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    // The page's Date runs on the same daytime clock (timers stay real: only the time of day moves).
    await context.clock.setSystemTime(clock.now())
    const page = await context.newPage()
    const url = host.url.replace(/\/$/, '')

    const call = async <T>(token: string, name: string, event: object): Promise<T> => {
      const res = await fetch(`${url}/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(event) })
      const body = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } }
      if (!body.ok) throw new Error(`${name}: ${body.error?.message}`)
      return body.data as T
    }

    // A new query string makes every visit a real navigation: a fresh document, so
    // neither pages kept by the router nor a pending navigateBack can leak into it.
    let visit = 0
    const fresh = async (path: string) => {
      await page.goto(`${url}/?visit=${++visit}#${path}`)
    }

    /** A fresh document on the login page with no session, as after 切换身份. */
    const loginPage = async () => {
      await fresh(DEV_LOGIN)
      await page.evaluate(() => localStorage.clear())
      await fresh(DEV_LOGIN)
    }

    const tap = async (selector: string, options: { hasText?: string } = {}) => {
      // A page lower in the stack stays in the DOM, hidden: tap what the member sees.
      const target = page.locator(selector, options).filter({ visible: true }).first()
      await target.waitFor({ timeout: 15_000 })
      await page.waitForFunction(
        (el) => {
          const host = el?.closest('.taro_page')
          const transform = host ? getComputedStyle(host).transform : 'none'
          return transform === 'none' || transform === 'matrix(1, 0, 0, 1, 0, 0)'
        },
        await target.elementHandle(),
        { timeout: 5_000 }
      )
      // Centred, as a finger would scroll it: clear of fixed bars at the bottom.
      await target.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      // Content still loading above it (a summary card, a list) moves it: tap once it stays put.
      let box = await target.boundingBox()
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(100)
        const again = await target.boundingBox()
        const still = box && again && Math.abs(box.x - again.x) < 1 && Math.abs(box.y - again.y) < 1
        box = again
        if (still) break
        await target.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      }
      if (!box) throw new Error(`${selector} has no box`)
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    }

    return {
      url,
      page,
      tap,
      async choose(trigger, option) {
        await tap(trigger)
        // Every Picker keeps its sheet in the page; only the open one is displayed.
        const item = page.locator('.weui-picker__item:visible', { hasText: option }).first()
        await item.waitFor({ timeout: 5_000 })
        await page.waitForTimeout(400) // the sheet slides up
        const box = await item.boundingBox()
        await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2)
        await page.waitForTimeout(400) // the column settles on the tapped row
        await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
        await item.waitFor({ state: 'hidden', timeout: 5_000 })
      },
      async shot(name) {
        // Taro's H5 router slides pages in (300 ms): let it settle so screenshots show one page.
        await page.waitForTimeout(450)
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
      },
      async loginAs(persona) {
        await loginPage()
        const choice = page.locator(`.dev-login-persona[data-persona="${persona}"]`)
        await choice.waitFor({ timeout: 15_000 })
        await choice.click()
        await page.locator('.me-nickname').waitFor({ timeout: 15_000 })
      },
      async loginNew(persona) {
        await loginPage()
        await page.locator('.dev-login-input input').fill(persona)
        await page.locator('.dev-login-go').click()
        await page.locator('.me-nickname').waitFor({ timeout: 15_000 })
      },
      open: fresh,
      async tokenFor(persona) {
        const res = await fetch(`${url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) })
        return ((await res.json()) as { data: { token: string } }).data.token
      },
      call,
      async sandboxPay(orderId) {
        const res = await fetch(`${url}/dev/sandbox-pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: orderId }) })
        const body = (await res.json()) as { ok: boolean }
        if (!body.ok) throw new Error(`sandbox-pay ${orderId}: ${JSON.stringify(body)}`)
      },
      store: host.runtime.store,
      now: () => clock.now(),
      async travel(ms) {
        offset += ms
        await context.clock.setSystemTime(clock.now())
      },
      async cron() {
        const res = await fetch(`${url}/dev/cron`, { method: 'POST' })
        if (!res.ok) throw new Error(`cron: ${res.status}`)
      },
      async close() {
        await browser?.close()
        await host.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await browser?.close()
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
