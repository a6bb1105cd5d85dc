// Browser journey for 秒杀 flash sales, in the H5 build on the dev host: the
// host publishes a sale of a plan (¥9.90, 5 units, starting in 10 minutes) on
// the console's 秒杀 page; 大伟 finds it from 我的 → 限时秒杀 and sees the
// countdown (即将开始, the button says when it opens); time moves to the start
// (harness.travel); he taps 立即抢购, pays on the sandbox's 模拟支付 page and
// is back on the order page, paid; the sale now says 已抢到 with one unit fewer
// (约剩 80%), and the host sees it sold, paid and the revenue. Before the start
// he makes the sale's poster (生成海报, drawn with components/play-poster).
// Screenshots: test/artifacts/flash-*.png and /work/notes/shots/flash-*.png.
import { describeJourney } from './journey'

const MIN = 60_000
const TITLE = '私教月卡限时秒杀'

describeJourney('flash sale: the host publishes, a member watches the countdown, buys at the start and pays', { prefix: 'flash' }, ({ harness, page, shot, openHostTool, saveImage, payOnSandbox }) => {
  let saleId = ''

  it('the host publishes a sale of a plan from the console: 即将开始 with its numbers at zero', async () => {
    await openHostTool('秒杀', '.hfs-form')
    await harness.tap('.pa-candidate', { hasText: '减脂私教营' })
    await page.locator('.hfs-title input').fill(TITLE)
    await page.locator('.hfs-price input').fill('9.9')
    await page.locator('.hfs-stock input').fill('5')
    await harness.tap('.hfs-starts .segmented-item', { hasText: '10 分钟后' })
    await harness.tap('.hfs-lengths .segmented-item', { hasText: '1 小时' })
    await shot('00-host-form')
    await harness.tap('.hfs-form .pa-submit')
    const card = page.locator('.hfs-sale', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    saleId = (await card.getAttribute('data-id')) ?? ''
    expect(saleId).not.toBe('')
    await expect(card.locator('.tag').textContent()).resolves.toBe('即将开始')
    await expect(card.locator('.pa-measure', { hasText: '售出' }).locator('.pa-measure-value').textContent()).resolves.toBe('0/5')
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('01-host-published')
  }, 120_000)

  it('大伟 finds it from 我的 and sees the countdown; the button waits for the start', async () => {
    await harness.loginAs('dawei')
    await harness.tap('.me-flash-sale-entry')
    const card = page.locator('.fs-card', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.tag').textContent()).resolves.toBe('即将开始')
    await expect(card.locator('.play-line').textContent()).resolves.toMatch(/^距开抢 00:(09|10):\d\d$/)
    await shot('02-list')
    await card.click()
    const clock = page.locator('.fs-countdown-clock')
    await clock.waitFor({ timeout: 15_000 })
    await expect(clock.textContent()).resolves.toMatch(/^00:(09|10):\d\d$/)
    const before = await clock.textContent()
    await page.waitForTimeout(2100)
    expect(await clock.textContent()).not.toBe(before)
    await expect(page.locator('.fs-buy').textContent()).resolves.toMatch(/开抢$/)
    await expect(page.locator('.fs-buy').getAttribute('class')).resolves.toContain('btn-disabled')
    await shot('03-countdown')
  }, 90_000)

  it('he makes the sale poster (生成海报): drawn on a canvas with the start time, shown as an image to save', async () => {
    await harness.tap('.fs-poster-open')
    const poster = page.locator('.fs-poster-image')
    await poster.waitFor({ timeout: 15_000 })
    const src = (await poster.locator('img').getAttribute('src')) ?? ''
    expect(src).toMatch(/^data:image\/png;base64,/)
    saveImage('03c-poster-image', Buffer.from(src.split(',')[1], 'base64'))
    await expect(page.locator('.fs-poster-save').getAttribute('class')).resolves.not.toContain('btn-disabled')
    await poster.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('03b-poster')
    await harness.tap('.fs-poster-close')
    await expect(page.locator('.fs-poster-image').count()).resolves.toBe(0)
  }, 60_000)

  it('at the start he taps 立即抢购, pays on the sandbox page and is back on the order, paid', async () => {
    await harness.travel(11 * MIN) // the start is rounded to the whole minute after 10 分钟后
    await harness.open(`/packages/flash-sale/detail/index?id=${saleId}`)
    const buy = page.locator('.fs-buy', { hasText: '立即抢购 ¥9.90' })
    await buy.waitFor({ timeout: 15_000 }).catch(async (e) => {
      await shot('debug-on-sale')
      throw e
    })
    await expect(page.locator('.play-head .tag').textContent()).resolves.toBe('立即抢购')
    await expect(page.locator('.play-line').textContent()).resolves.toMatch(/^库存充足 · 约剩 100% · 距结束/)
    await shot('04-on-sale')
    await harness.tap('.fs-buy', { hasText: '立即抢购' })
    await payOnSandbox(() => shot('05-sandbox-pay'))
    await expect(page.locator('.order-hero-amount').first().textContent()).resolves.toBe('¥9.90')
    await shot('06-paid')
  }, 90_000)

  it('the sale shows one fewer and 已抢到; the host sees it sold, paid and the revenue', async () => {
    await harness.open(`/packages/flash-sale/detail/index?id=${saleId}`)
    await page.locator('.fs-buy', { hasText: '已抢到' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.play-line').textContent()).resolves.toMatch(/约剩 80%/)
    await expect(page.locator('.fs-mine-paid').textContent()).resolves.toContain('会员已生效')
    await shot('07-bought')
    await harness.loginAs('host')
    await harness.open('/packages/host-flash-sale/index/index')
    const card = page.locator('.hfs-sale', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    const value = (label: string) => card.locator('.pa-measure', { hasText: label }).locator('.pa-measure-value').textContent()
    await expect(value('售出')).resolves.toBe('1/5')
    await expect(value('已支付')).resolves.toBe('1')
    await expect(value('收入')).resolves.toBe('¥9.90')
    await expect(card.locator('.tag').textContent()).resolves.toBe('立即抢购')
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('08-host-measures')
  }, 90_000)
})
