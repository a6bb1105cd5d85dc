// Browser journey for the completion report, in the H5 build on the dev host:
// the host sets up a 3-day challenge starting today (2 of 3 days complete it
// would be another rule; this one is all 3) → 阿杰 joins and checks in with a
// photo on day 1, again on day 2 and, with a photo, on day 3 (the clocks move a
// day at a time) → the challenge page offers 完成报告 → the report shows the
// calendar, the numbers and the before/after photos → the poster is drawn on a
// canvas (not blank: its pixels are sampled) and downloads as a PNG → the cron
// step tells him in 消息 → 小美, who did not complete, is refused the report.
import { readFileSync } from 'node:fs'
import { makePng } from './png'
import { describeJourney } from './journey'

const TITLE = '3 天早起挑战'
const DAY = 24 * 60 * 60 * 1000

describeJourney('the completion report and its poster in the H5 build', { prefix: 'completion' }, ({ harness, page, shot, saveImage, createChallenge }) => {
  let challengeId = ''

  const detail = () => harness.open(`/packages/challenge/detail/index?id=${challengeId}`)

  /** 阿杰 posts today's check-in from the challenge page, with a photo when asked. */
  async function checkIn(text: string, photo: boolean) {
    await detail()
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).click()
    const box = page.locator('.compose-textarea textarea')
    await box.waitFor({ timeout: 15_000 })
    await box.fill(text)
    if (photo) {
      const chooser = page.waitForEvent('filechooser')
      await page.locator('.photo-picker-add').click()
      await (await chooser).setFiles({ name: 'morning.png', mimeType: 'image/png', buffer: makePng(160) })
      await page.locator('.photo-picker-done').waitFor({ timeout: 15_000 })
    }
    await page.locator('.compose-submit').click()
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
  }

  it('the host sets up a 3-day challenge starting today; 阿杰 joins it', async () => {
    const challenge = await createChallenge({
      title: TITLE,
      description: '连续 3 天早起，拍下窗外的天色',
      days: 3,
      makeupCardsPerMember: 1,
      completionDays: 3,
      makeupsCount: true
    })
    challengeId = challenge.id
    await harness.loginAs('ajie')
    await detail()
    // The page states the rule.
    await page.locator('.detail-rule', { hasText: '完成条件' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.detail-rule', { hasText: '完成条件' }).locator('.detail-rule-value').textContent()).resolves.toBe('完成全部 3 天打卡，补卡计入')
    await page.locator('.detail-action-main', { hasText: '加入挑战' }).click()
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
  }, 60_000)

  it('阿杰 checks in on each of the three days; the challenge page then offers the report', async () => {
    await checkIn('第一天 6 点起床，天还没亮', true)
    await expect(page.locator('.report-entry').count()).resolves.toBe(0)
    await harness.travel(DAY)
    await checkIn('第二天 6 点起床，喝了一杯温水', false)
    await harness.travel(DAY)
    await checkIn('第三天 5 点半起床，看到了日出，三天完成！', true)
    const entry = page.locator('.report-entry')
    await entry.waitFor({ timeout: 15_000 })
    await entry.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('01-challenge-entry')
  }, 120_000)

  it('the report shows the calendar, the numbers and the before/after photos', async () => {
    await harness.tap('.report-entry')
    await page.locator('.cr-cert-title', { hasText: TITLE }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.cr-stat-done .cr-stat-value').textContent()).resolves.toBe('3天')
    await expect(page.locator('.cr-stat-counted .cr-stat-value').textContent()).resolves.toBe('3/3')
    await expect(page.locator('.cr-stat-longest .cr-stat-value').textContent()).resolves.toBe('3天')
    await expect(page.locator('.days-grid-cell.days-grid-done').count()).resolves.toBe(3)
    await expect(page.locator('.cr-photo').count()).resolves.toBe(2)
    await expect(page.locator('.cr-photo-label').allTextContents()).resolves.toEqual(['开始 · 第 1 天', '完成 · 第 3 天'])
    await expect(page.locator('.cr-cert-rule').textContent()).resolves.toBe('完成全部 3 天打卡，补卡计入')
    await page.locator('.cr-poster-image').waitFor({ timeout: 20_000 })
    await shot('02-report')
    await page.locator('.cr-poster').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('02b-report-poster-card')
  }, 60_000)

  it('the poster is drawn on a canvas (not blank) and downloads as a PNG', async () => {
    const src = (await page.locator('.cr-poster-image img').getAttribute('src')) ?? (await page.locator('.cr-poster-image').getAttribute('src')) ?? ''
    expect(src.startsWith('data:image/png;base64,')).toBe(true)
    // Sample the poster's pixels: a blank canvas is one colour everywhere.
    const sampled = await page.evaluate(async (url) => {
      const image = new Image()
      image.src = url
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(image, 0, 0)
      const colours = new Set<string>()
      let opaque = 0
      const step = 23
      for (let y = 0; y < canvas.height; y += step) {
        for (let x = 0; x < canvas.width; x += step) {
          const [r, g, b, a] = ctx.getImageData(x, y, 1, 1).data
          if (a > 0) opaque++
          colours.add(`${r >> 4},${g >> 4},${b >> 4}`)
        }
      }
      return { width: canvas.width, height: canvas.height, colours: colours.size, opaque }
    }, src)
    expect(sampled.width).toBe(1500)
    expect(sampled.height).toBeGreaterThan(1800)
    expect(sampled.colours).toBeGreaterThan(8)
    expect(sampled.opaque).toBeGreaterThan(1000)
    saveImage('03-poster', Buffer.from(src.split(',')[1], 'base64'))

    const download = page.waitForEvent('download')
    await harness.tap('.cr-save', { hasText: '下载海报' })
    const file = await download
    expect(file.suggestedFilename()).toBe(`${TITLE}-完成海报.png`)
    const path = await file.path()
    const bytes = readFileSync(path!)
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(bytes.length).toBeGreaterThan(20_000)
  }, 60_000)

  it('the cron step tells 阿杰 in 消息, once', async () => {
    await harness.cron()
    await harness.cron()
    const token = await harness.tokenFor('ajie')
    const inbox = await harness.call<{ items: Array<{ title: string; action: { kind: string; path: string } | null }> }>(token, 'member', { action: 'inbox' })
    const told = inbox.items.filter((m) => m.title === '恭喜完成挑战！')
    expect(told).toHaveLength(1)
    expect(told[0].action).toEqual({ kind: 'page', path: `/packages/challenge-report/index/index?id=${challengeId}` })
  }, 30_000)

  it('the host changes the rule on the challenge form (2 of the 3 days); the challenge page states it', async () => {
    await harness.loginAs('host')
    await harness.open(`/packages/host/challenge-form/index?id=${challengeId}`)
    const days = page.locator('.completion-fields input[type="number"], .completion-fields .form-number-input input').first()
    await days.waitFor({ timeout: 15_000 })
    await expect(days.getAttribute('placeholder')).resolves.toBe('全部 3')
    await days.fill('2')
    await page.locator('.completion-fields').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('05-host-form')
    await page.locator('.challenge-form .form-save').click()
    await page.locator('.detail-title', { hasText: TITLE }).waitFor({ timeout: 15_000 })
    const rule = page.locator('.detail-rule', { hasText: '完成条件' }).locator('.detail-rule-value')
    // Under load the page can show the challenge it had before it reloads it: wait for the saved rule, then read it whole.
    await rule.filter({ hasText: '任意 2 天' }).waitFor({ timeout: 15_000 })
    await expect(rule.textContent({ timeout: 15_000 })).resolves.toBe('完成 3 天中的任意 2 天，补卡计入')
  }, 60_000)

  it('小美, who did not complete it, is refused the report', async () => {
    await harness.loginAs('xiaomei')
    await harness.open(`/packages/challenge-report/index/index?id=${challengeId}`)
    await page.locator('.empty-state-title', { hasText: '还没有完成报告' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.empty-state-desc').textContent()).resolves.toBe('你还没有参加这个挑战，完成后才有完成报告')
    await shot('04-refused')
  }, 30_000)
})
