// The frame every browser journey shares: `describeJourney(title, { prefix }, body)`
// skips itself where Chromium is missing, starts the harness (browser-harness.ts)
// before the journey's tests and closes it after, and hands the body the
// harness, its page and `shot`. Also here: the steps several journeys take the
// same way (the host opening a tool of the console, paying on the sandbox's
// 模拟支付 page, a challenge made through the functions).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { Challenge, ChallengeInput } from '../../types/checkin'
import { chinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import { EXAMPLE_CHALLENGE } from '../../cloudfunctions/challenges/host-actions'
import { ARTIFACTS, CHROMIUM, hasChromium, startHarness, type Harness } from './browser-harness'

/** Where screenshots are also saved for the people reviewing the work, when /work/notes exists and this is not CI (.ci/run sets CI: a second full-page shot of every step costs it time). */
const NOTES_SHOTS = '/work/notes/shots'
const HOST_CONSOLE = '/packages/host/index/index'

export interface Journey {
  /** The harness: started in the journey's first beforeAll, closed in its last afterAll; use it inside hooks and tests. */
  harness: Harness
  /** The harness's page, under the same rule. */
  page: Page
  /** Saves test/artifacts/<prefix>-<name>.png, and a full-page copy in /work/notes/shots/ when /work/notes exists (outside CI). */
  shot(name: string): Promise<void>
  /** Saves an image the app made (a poster) as <prefix>-<name>.png beside the screenshots. */
  saveImage(name: string, png: Buffer): void
  /** Signs in as the host, opens the console, taps the tool's menu row and waits for `ready` on its page. */
  openHostTool(menu: string, ready: string): Promise<void>
  /**
   * On the sandbox's 模拟支付 page: 确认支付, then back on the order page, 支付成功.
   * `onSandbox` runs on the sandbox page before paying (a screenshot, a read of the order).
   */
  payOnSandbox(onSandbox?: () => Promise<unknown>): Promise<void>
  /**
   * The host makes a challenge through the functions (set-up, not under test): the action's own
   * example (21 days, 5 characters, no photo needed, 10 points a check-in, open to everyone), but
   * from today, open all day (00:00–23:59), with no streak bonus and no make-up card; `input` says
   * what this journey needs otherwise.
   */
  createChallenge(input: Partial<ChallengeInput> & { title: string }): Promise<Challenge>
}

export interface JourneyOptions {
  /** Names the shots (<prefix>-<name>.png) and the dev host's temp folder. */
  prefix: string
  /** For starting the harness (a build of H5 when there is none, the seeded dev host, Chromium). */
  startTimeout?: number
}

/**
 * Stands for the harness (or its page) before it exists: the body of a describe runs
 * before its beforeAll, so the body's tests reach the live object through this.
 */
function late<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      if (key === 'then') return undefined // not a promise: `await` must not look inside
      const target = current()
      if (!target) throw new Error(`the journey's ${what} starts in beforeAll: use it inside a hook or a test`)
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

export function describeJourney(title: string, options: JourneyOptions, body: (journey: Journey) => void): void {
  if (!hasChromium) {
    it('chromium not installed: browser journeys skipped', () => {
      console.warn(`${CHROMIUM} is missing (apt-get install chromium fonts-wqy-microhei): skipping "${title}"`)
    })
    return
  }
  describe(title, () => {
    let started: Harness | undefined
    const notes = !process.env.CI && existsSync(join(NOTES_SHOTS, '..'))

    beforeAll(async () => {
      started = await startHarness(`${options.prefix}-journey-`)
      if (notes) mkdirSync(NOTES_SHOTS, { recursive: true })
    }, options.startTimeout ?? 180_000)

    afterAll(async () => {
      await started?.close()
    })

    const harness = late<Harness>('harness', () => started)
    const page = late<Page>('page', () => started?.page)
    const name = (part: string) => `${options.prefix}-${part}`

    const shot = async (part: string) => {
      await harness.shot(name(part))
      if (notes) await page.screenshot({ path: join(NOTES_SHOTS, `${name(part)}.png`), fullPage: true })
    }

    body({
      harness,
      page,
      shot,
      saveImage(part, png) {
        writeFileSync(join(ARTIFACTS, `${name(part)}.png`), png)
        if (notes) writeFileSync(join(NOTES_SHOTS, `${name(part)}.png`), png)
      },
      async openHostTool(menu, ready) {
        await harness.loginAs('host')
        await harness.open(HOST_CONSOLE)
        await harness.tap('.menu-row', { hasText: menu })
        await page.locator(ready).waitFor({ timeout: 15_000 })
      },
      async payOnSandbox(onSandbox) {
        await page.waitForURL(/\/sandbox-pay\?order=/, { timeout: 15_000 })
        await onSandbox?.()
        await page.locator('#pay', { hasText: '确认支付' }).click()
        await page.waitForURL(/packages\/membership\/order\/index\?id=/, { timeout: 15_000 })
        await page.locator('.order-hero-title', { hasText: '支付成功' }).waitFor({ timeout: 15_000 })
      },
      async createChallenge(input) {
        return harness.call<Challenge>(await harness.tokenFor('host'), 'challenges', {
          action: 'createChallenge',
          ...EXAMPLE_CHALLENGE,
          startDate: chinaDate(harness.now()),
          windowStart: '00:00',
          streakBonuses: [],
          makeupCardsPerMember: 0,
          ...input
        })
      }
    })
  })
}
