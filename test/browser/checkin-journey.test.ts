// Browser journey for check-in challenges, in the H5 build on the dev host:
// the host creates a challenge starting today → 大伟 joins and checks in with a
// photo → it shows in the feed → Lily likes, comments and reports a post → the
// host features 大伟's check-in (it shows under 精选) and clears the report.
import { makePng } from './png'
import { describeJourney } from './journey'

const TITLE = '晨跑 21 天'
const POST = '今天晨跑 5 公里，配速 6 分，天气很好，继续坚持！'

describeJourney('check-in challenges in the H5 build', { prefix: 'checkin' }, ({ harness, page, shot }) => {
  let challengeUrl = ''
  let checkinId = ''

  // Subpackage pages have no tab bar: open the tab page by its address, as a shared link would.
  const go = (path: string) => harness.open(path)

  it('the host creates a challenge starting today from the host console', async () => {
    await harness.loginAs('host')
    await page.locator('.me-host-entry').click()
    await page.locator('.host-entry[data-entry="create"]').click()
    const title = page.locator('.form-title-input input')
    await title.waitFor()
    await title.fill(TITLE)
    await page.locator('.form-textarea textarea').fill('每天早上跑步 3 公里以上，拍一张路上的照片。')

    // The cover uploads at once, with progress, through the same file chooser a member uses.
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.cover-picker-box').click()
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: makePng(160) })
    await page.locator('.cover-picker-actions').waitFor({ timeout: 15_000 })
    // Starts today (China date) by default: the picker says so.
    await page.locator('.form-picker .form-today').waitFor()
    await shot('01-host-form')
    await page.locator('.challenge-form .form-save').click()

    await page.locator('.detail-title', { hasText: TITLE }).waitFor({ timeout: 15_000 })
    challengeUrl = page.url()
    expect(challengeUrl).toContain('/packages/challenge/detail/index?id=')
    await expect(page.locator('.detail-phase').first().textContent()).resolves.toBe('进行中')
  }, 40_000)

  it('大伟 joins it and checks in with a photo', async () => {
    await harness.loginAs('dawei')
    await go('/pages/challenges/index')
    await page.locator('.challenge-card', { hasText: TITLE }).click()
    await page.locator('.detail-action-main', { hasText: '加入挑战' }).click()
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.challenge-detail .detail-stat-num').first().textContent()).resolves.toBe('1')
    await page.locator('.detail-action-main').click()

    const text = page.locator('.compose-textarea textarea')
    await text.waitFor()
    // Too short first: the inline message comes from the same rule as the server's.
    await text.fill('跑了')
    await page.locator('.compose-submit').click()
    await page.locator('.compose-error', { hasText: '至少写 5 个字' }).waitFor()
    await text.fill(POST)
    // A picture with a web page after its end shows in the browser, but the upload is refused by its
    // bytes; the tile says why and offers no retry (a retry could never work).
    const refused = page.waitForEvent('filechooser')
    await page.locator('.photo-picker-add').click()
    await (await refused).setFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.concat([makePng(8), Buffer.from('<html><script>alert(1)</script></html>')]) })
    await expect(page.locator('.photo-picker-failed-text').textContent({ timeout: 15_000 })).resolves.toBe('图片已损坏或不完整，请换一张')
    await expect(page.locator('.photo-picker-retry').count()).resolves.toBe(0)
    await shot('02a-refused-photo')
    await page.locator('.photo-picker-remove').click()
    await expect(page.locator('.photo-picker-failed').count()).resolves.toBe(0)
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.photo-picker-add').click()
    await (await chooser).setFiles({ name: 'run.png', mimeType: 'image/png', buffer: makePng(120) })
    await page.locator('.photo-picker-done').waitFor({ timeout: 15_000 })
    await page.locator('.compose-location-input input').fill('滨江步道')
    await shot('02-composer')
    await page.locator('.compose-submit').click()
    // The composer goes back to the detail page once the success toast has shown.
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })

    // Back on the detail page, the day is done and the calendar shows it.
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.progress-ring-value').textContent()).resolves.toBe('1/21')
    await expect(page.locator('.month-calendar-done').count()).resolves.toBe(1)
    const card = page.locator('.challenge-detail .checkin-card', { hasText: POST })
    await card.waitFor({ timeout: 15_000 })
    checkinId = (await card.getAttribute('data-id')) ?? ''
    expect(checkinId).not.toBe('')
    await page.locator('.detail-progress').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('03-challenge-detail')

    await go('/pages/feed/index')
    const first = page.locator('.feed-page .checkin-card').first()
    await expect(first.locator('.checkin-card-text').textContent({ timeout: 15_000 })).resolves.toBe(POST)
    await expect(first.locator('.checkin-card-meta').textContent()).resolves.toMatch(new RegExp(`^今天 \\d{2}:\\d{2} · ${TITLE}$`))
    await expect(first.locator('.photo-grid-single-img').count()).resolves.toBe(1)
    await shot('04-feed')
  }, 50_000)

  it('Lily likes and comments on it, and reports another post', async () => {
    await harness.loginAs('lily')
    await go('/pages/feed/index')
    const card = page.locator(`.feed-page .checkin-card[data-id="${checkinId}"]`)
    await card.locator('.checkin-like').click()
    // Optimistic at once, and still so after the server answered.
    await card.locator('.checkin-like-on').waitFor()
    await page.waitForLoadState('networkidle')
    await expect(card.locator('.checkin-like .checkin-action-count').textContent()).resolves.toBe('1')

    await card.locator('.checkin-comment').click()
    const input = page.locator('.comment-bar-input input')
    await input.waitFor()
    await input.fill('配速好稳，明天一起跑！')
    await page.locator('.comment-bar-send').click()
    await page.locator('.comment-text', { hasText: '配速好稳' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.checkin-detail .checkin-comment .checkin-action-count').textContent()).resolves.toBe('1')
    await shot('05-checkin-detail')

    // A seeded post by someone else: report it with a reason from the sheet.
    await go('/pages/feed/index')
    const other = page.locator('.feed-page .checkin-card', { hasText: '加班到很晚' }).first()
    await other.locator('.checkin-card-text').click()
    await page.locator('.checkin-tool', { hasText: '举报' }).click()
    await page.locator('.taro-actionsheet__cell', { hasText: '盗图/虚假打卡' }).click()
    await page.getByText('已收到举报，我们会尽快处理').waitFor({ timeout: 10_000 })
  }, 40_000)

  it('the host features it, it shows under 精选, and clears the report', async () => {
    await harness.loginAs('host')
    await go(`/packages/challenge/checkin/index?id=${checkinId}`)
    await page.locator('.checkin-tool', { hasText: '设为精选' }).click()
    await page.locator('.checkin-tool', { hasText: '取消精选' }).waitFor({ timeout: 15_000 })
    await page.locator('.checkin-card-featured').waitFor()

    await go('/pages/feed/index')
    await page.locator('.segmented-item', { hasText: '精选' }).click()
    // Loading skeletons share the card's class but carry no id: wait for the real list.
    await page.locator(`.feed-page .checkin-card[data-id="${checkinId}"]`).waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    await expect(page.locator('.feed-page .checkin-card[data-id]').first().getAttribute('data-id')).resolves.toBe(checkinId)
    await shot('06-feed-featured')

    await go('/packages/host/moderation/index')
    const report = page.locator('.report', { hasText: '盗图/虚假打卡' })
    await report.waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    await shot('07-moderation')
    await report.locator('.report-dismiss').click()
    await page.locator('.empty-state-title', { hasText: '没有待处理的举报' }).waitFor({ timeout: 15_000 })
    await shot('08-moderation-empty')
  }, 40_000)
})
