// Browser journey: the H5 build on the dev host in Debian's Chromium, as a member
// would use it: pick a persona, see 我的, change avatar and nickname, see them stick.
import { makePng } from './png'
import { describeJourney } from './journey'

describeJourney('我的 in the H5 build', { prefix: 'me' }, ({ harness, page, shot }) => {
  it('every cold start without a session lands on the persona login, not on a feed left under its address', async () => {
    // Navigating to the login after launch raced the first page's mount: the
    // address said login while the feed stayed on screen, about one start in two.
    const browser = page.context().browser()!
    for (let start = 0; start < 4; start++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
      const fresh = await context.newPage()
      await fresh.goto(`${harness.url}/#/pages/feed/index`)
      await fresh.locator('.dev-login-persona', { hasText: '小美' }).waitFor({ timeout: 15_000 })
      await fresh.waitForTimeout(500)
      await expect(fresh.locator('.feed-page').count()).resolves.toBe(0)
      await expect(fresh.locator('.dev-login-persona:visible', { hasText: '小美' }).count()).resolves.toBe(1)
      await context.close()
    }
  }, 90_000)

  it('logs in as xiaomei, renames her with a new avatar, and 我的 shows both', async () => {
    // No session yet: the app sends us to pick a persona.
    await page.goto(harness.url)
    const xiaomei = page.locator('.dev-login-persona', { hasText: '小美' })
    await xiaomei.waitFor()
    await shot('01-dev-login')
    await xiaomei.click()

    const nickname = page.locator('.me-nickname')
    await expect(nickname.textContent({ timeout: 15_000 })).resolves.toBe('小美')
    await expect(page.locator('.me-role').textContent()).resolves.toBe('成员')
    await expect(page.locator('.me-joined').textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日加入$/)
    await shot('02-me')

    await page.locator('.menu-row', { hasText: '编辑资料' }).click()
    const input = page.locator('.profile-edit .nickname-field-input input')
    await input.waitFor()
    await expect(input.inputValue()).resolves.toBe('小美')

    // H5 picks the avatar through a file input; hand it a real PNG.
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.avatar-picker-button').click()
    await (await chooser).setFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: makePng() })
    await page.locator('.avatar-picker-done').waitFor({ timeout: 15_000 })

    await input.fill('  小美爱跑步  ')
    await expect(page.locator('.profile-edit .nickname-field-counter').textContent()).resolves.toBe('5/20')
    await shot('03-profile-edit')
    // Taro H5 buttons and views are custom elements: click the element itself.
    await page.locator('.profile-edit-save').click()

    await page.locator('.me-nickname', { hasText: '小美爱跑步' }).waitFor({ timeout: 15_000 })
    const avatarSrc = await page.locator('.me-profile .avatar img').getAttribute('src')
    expect(avatarSrc).toMatch(/\/files\//)
    await page.waitForLoadState('networkidle')
    await shot('04-me-updated')

    // A reload reads from the server, not from the page's memory.
    await page.reload()
    await expect(page.locator('.me-nickname').textContent({ timeout: 15_000 })).resolves.toBe('小美爱跑步')
  }, 90_000)

  it('shows the check-in feed with the tab bar', async () => {
    await page.locator('.weui-tabbar__item', { hasText: '动态' }).click()
    await page.locator('.checkin-card').first().waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    await shot('05-feed')
  }, 30_000)
})
