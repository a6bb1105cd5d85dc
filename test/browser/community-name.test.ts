// Browser journey for the community's name, in the H5 build on the dev host:
// 小美's invite poster names the seeded community (not "社群") → the host
// renames it in the console (an empty name is refused with the server's
// message) → 小美's poster carries the new name. (WeChat's share sheet has no
// H5 counterpart: the share text's wording is checked in
// test/community/share-text.test.ts, from the same cached name.)
import { DEMO_COMMUNITY_NAME } from '../../scripts/dev-host/seed'
import { describeJourney } from './journey'

const RENAMED = '晨跑小分队'
const INVITE_PAGE = '/packages/leaderboard/invite/index'

describeJourney('the community by its name in the H5 build', { prefix: 'community' }, ({ harness, page, shot }) => {
  const text = async (selector: string) => ((await page.locator(selector).first().textContent({ timeout: 15_000 })) ?? '').trim()
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
    await shot('01-poster')
  }, 60_000)

  it('the owner renames the community on 社群设置; an empty name is refused with the reason; the console says the new name', async () => {
    await harness.loginAs('host')
    await harness.tap('.me-host-entry')
    await page.locator('.host-home-sub', { hasText: DEMO_COMMUNITY_NAME }).waitFor({ timeout: 15_000 })
    await expect(text('.host-home-sub')).resolves.toBe(`主理人 · 经营「${DEMO_COMMUNITY_NAME}」`)
    await harness.tap('.host-entry[data-entry="settings"]')
    const input = page.locator('.cs-name input')
    await input.waitFor({ timeout: 15_000 })
    await expect(input.inputValue()).resolves.toBe(DEMO_COMMUNITY_NAME)
    await input.fill('  ')
    await harness.tap('.cs-save')
    await expect(page.locator('.form-field-error').first().textContent({ timeout: 15_000 })).resolves.toBe('请填写社群名称')
    await input.fill(RENAMED)
    await harness.tap('.cs-save')
    const token = await harness.tokenFor('xiaomei')
    const saved = async () => ((await harness.call(token, 'member', { action: 'community' })) as { name: string }).name
    for (let i = 0; i < 50 && (await saved()) !== RENAMED; i++) await page.waitForTimeout(300)
    await expect(saved()).resolves.toBe(RENAMED)
    await harness.open('/packages/host/index/index')
    await page.locator('.host-home-sub', { hasText: RENAMED }).waitFor({ timeout: 15_000 })
    await shot('02-host-console')
  }, 60_000)

  it("小美's poster carries the new name", async () => {
    await harness.loginAs('xiaomei')
    await expect(posterName()).resolves.toBe(RENAMED)
    await shot('03-poster-renamed')
  }, 60_000)
})
