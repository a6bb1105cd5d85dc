// Browser journey for the community's name, in the H5 build on the dev host:
// 小美's invite poster names the seeded community (not "社群") → the host
// renames it in the console (an empty name is refused with the server's
// message) → 小美's poster carries the new name. (WeChat's share sheet has no
// H5 counterpart: the share text's wording is checked in
// test/community/share-text.test.ts, from the same cached name.)
import { DEMO_COMMUNITY_NAME } from '../../scripts/dev-host/seed'
import { CHROMIUM, hasChromium, startHarness, type Harness } from './browser-harness'

const RENAMED = '晨跑小分队'
const INVITE_PAGE = '/packages/leaderboard/invite/index'

if (!hasChromium) {
  it('chromium not installed: browser journeys skipped', () => {
    console.warn(`${CHROMIUM} is missing (apt-get install chromium fonts-wqy-microhei): skipping the community name browser journey`)
  })
} else {
  describe('the community by its name in the H5 build', () => {
    let harness: Harness
    let page: Harness['page']

    beforeAll(async () => {
      harness = await startHarness('community-name-journey-')
      page = harness.page
    }, 180_000)

    afterAll(async () => {
      await harness?.close()
    })

    const posterName = async () => {
      await harness.open(INVITE_PAGE)
      await page.locator('.iv-poster-code-value').waitFor({ timeout: 15_000 })
      const name = page.locator('.iv-poster-community')
      await page.waitForFunction((el) => (el?.textContent ?? '') !== '', await name.elementHandle(), { timeout: 15_000 })
      return name.textContent()
    }

    it('小美\'s invite poster names the seeded community, not "社群"', async () => {
      await harness.loginAs('xiaomei')
      await expect(posterName()).resolves.toBe(DEMO_COMMUNITY_NAME)
      await harness.shot('community-01-poster')
    }, 60_000)

    it('the host renames the community in the console; an empty name is refused with the reason', async () => {
      await harness.loginAs('host')
      await page.locator('.me-host-entry').click()
      const input = page.locator('.host-community-input input')
      await input.waitFor({ timeout: 15_000 })
      await expect(input.inputValue()).resolves.toBe(DEMO_COMMUNITY_NAME)
      await expect(page.locator('.host-home-sub').textContent()).resolves.toBe(`经营「${DEMO_COMMUNITY_NAME}」：挑战、审核与成长`)
      await input.fill('  ')
      await page.locator('.host-community-save').click()
      await expect(page.locator('.host-community-error').textContent({ timeout: 15_000 })).resolves.toBe('请填写社群名称')
      await input.fill(RENAMED)
      await page.locator('.host-community-save').click()
      await page.locator('.host-home-sub', { hasText: RENAMED }).waitFor({ timeout: 15_000 })
      await harness.shot('community-02-host-console')
      const token = await harness.tokenFor('xiaomei')
      await expect(harness.call(token, 'member', { action: 'community' })).resolves.toMatchObject({ name: RENAMED })
    }, 60_000)

    it("小美's poster carries the new name", async () => {
      await harness.loginAs('xiaomei')
      await expect(posterName()).resolves.toBe(RENAMED)
      await harness.shot('community-03-poster-renamed')
    }, 60_000)
  })
}
