// Browser journey for the team, in the H5 build on the dev host: the owner
// opens 团队与设置 from the console, makes a moderator link and reads it off
// the page → 大伟 opens the link, sees what the role may do and accepts → he
// lands on the host console as a moderator. 阿杰 opening the used link is told so.
import { describeJourney } from './journey'

const TEAM_PAGE = '/packages/host-team/index/index'

describeJourney('the owner invites a moderator in the H5 build', { prefix: 'team' }, ({ harness, page, shot }) => {
  let link = ''

  it('the owner makes a moderator link on the team page', async () => {
    await harness.loginAs('host')
    await harness.open(TEAM_PAGE)
    await page.locator('.team-member').first().waitFor({ timeout: 15_000 })
    await harness.tap('.team-invite-create-moderator')
    const text = page.locator('.team-invite-link')
    await text.waitFor({ timeout: 15_000 })
    link = (await text.textContent()) ?? ''
    expect(link).toMatch(/#\/packages\/host-team\/join\/index\?token=[\w-]+$/)
    await page.locator('.team-invite-revoke').first().waitFor({ timeout: 15_000 })
    await shot('01-invite')
  }, 60_000)

  it('大伟 opens the link, accepts, and lands on the host console', async () => {
    await harness.loginAs('dawei')
    await harness.open(link.slice(link.indexOf('#') + 1))
    await page.locator('.join-accept').waitFor({ timeout: 15_000 })
    await expect(page.locator('.join-role-name').textContent()).resolves.toBe('审核员')
    await shot('02-join')
    await harness.tap('.join-accept')
    await page.locator('.host-home-hero').waitFor({ timeout: 15_000 })
    const token = await harness.tokenFor('dawei')
    await expect(harness.call(token, 'member', { action: 'me' })).resolves.toMatchObject({ role: 'moderator' })
  }, 60_000)

  it('the used link says so', async () => {
    await harness.loginAs('ajie')
    await harness.open(link.slice(link.indexOf('#') + 1))
    await expect(page.locator('.join-refused-text').textContent({ timeout: 15_000 })).resolves.toContain('已被使用')
    await shot('03-used')
  }, 60_000)
})
