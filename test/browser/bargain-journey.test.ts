// Browser journey for 砍价 bargains, in the H5 build on the dev host: the host
// publishes a bargain on the 减脂私教营 month plan (¥99.00 down to ¥9.90 in 3
// cuts) from the console's 砍价 page; 小美 finds it from 我的 → 砍价, starts a
// bargain and sees 已砍 ¥0.00 · 还差 ¥89.10; her friends 大伟, 阿杰 and Lily
// each open her share link (the share card's path) and tap 帮 TA 砍一刀 (the
// amounts come from the server), the third reaching the floor; 小美 pays ¥9.90
// at the floor on the sandbox's 模拟支付 page, is back on the order, paid, and
// her bargain says 已购买 with the membership on; the host sees the measures and
// the cut log; her poster is drawn for saving. Screenshots: test/artifacts/bargain-*.png and /work/notes/shots/bargain-*.png.
import { describeJourney } from './journey'

const TITLE = '私教月卡砍到 9.9'

describeJourney(
  'bargain: the host publishes, a member starts, friends cut it to the floor through the share link, she pays the floor',
  { prefix: 'bargain' },
  ({ harness, page, shot, openHostTool, payOnSandbox }) => {
    let bargainUrl = ''

    const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })

    it('the host publishes a bargain on a plan from the console', async () => {
      await openHostTool('砍价', '.hb-form')
      await harness.tap('.pa-candidate', { hasText: '减脂私教营·月卡' })
      await page.locator('.hb-title input').fill(TITLE)
      await page.locator('.hb-start input').fill('99')
      await page.locator('.hb-floor input').fill('9.9')
      await page.locator('.hb-cuts input').fill('3')
      await shot('00-host-form')
      await harness.tap('.hb-form .pa-submit')
      const card = page.locator('.hb-sale', { hasText: TITLE })
      await card.waitFor({ timeout: 15_000 })
      await expect(card.locator('.tag').textContent()).resolves.toBe('进行中')
      await expect(card.locator('.pa-measure', { hasText: '发起' }).locator('.pa-measure-value').first().textContent()).resolves.toBe('0')
    }, 120_000)

    it('小美 finds it from 我的 → 砍价 and starts a bargain: 已砍 ¥0.00 · 还差 ¥89.10', async () => {
      await harness.loginAs('xiaomei')
      await harness.tap('.me-bargain-entry')
      const card = page.locator('.bg-campaign', { hasText: TITLE })
      await card.waitFor({ timeout: 15_000 })
      await shot('01-campaigns')
      await harness.tap('.bg-campaign .bg-start', { hasText: '发起砍价' })
      await page.waitForURL(/packages\/bargain\/detail\/index\?id=/, { timeout: 15_000 })
      await page.locator('.play-progress-text').waitFor({ timeout: 15_000 })
      await expect(text('.play-progress-text')).resolves.toBe('已砍 ¥0.00 · 还差 ¥89.10')
      await expect(text('.play-price-big')).resolves.toBe('¥99.00')
      await expect(text('.bg-share')).resolves.toBe('帮我砍一刀')
      await expect(text('.bg-pay')).resolves.toBe('现价购买 ¥99.00')
      bargainUrl = page.url().slice(page.url().indexOf('/packages/bargain/detail/index'))
      await shot('02-started')
      // Her own cut is refused: the page offers sharing, not cutting.
      await expect(page.locator('.bg-cut').count()).resolves.toBe(0)
    }, 90_000)

    const cutAs = async (persona: string, nickname: string, n: number) => {
      await harness.loginAs(persona)
      // The share card's path: her bargain's own page.
      await harness.open(bargainUrl)
      await page.locator('.bg-cut', { hasText: '帮 TA 砍一刀' }).waitFor({ timeout: 15_000 })
      await expect(text('.play-item')).resolves.toContain('小美 发起的砍价')
      await harness.tap('.bg-cut', { hasText: '帮 TA 砍一刀' })
      await expect(text('.taro-modal__title')).resolves.toMatch(/^你帮 小美 砍掉了 ¥\d+\.\d\d$/)
      await expect(text('.taro-modal__text')).resolves.toContain(`第 ${n} 刀`)
      if (n === 1) await shot('03-friend-cut')
      await page.locator('.taro-model__confirm').click()
      await page.locator('.bg-cut', { hasText: '已帮砍' }).waitFor({ timeout: 15_000 })
      await expect(page.locator('.bg-cutter', { hasText: nickname }).locator('.bg-cutter-k').textContent()).resolves.toContain(`第 ${n} 刀`)
    }

    it('大伟, 阿杰 and Lily each cut once through her link; the third cut reaches the floor', async () => {
      await cutAs('dawei', '大伟', 1)
      await expect(text('.play-progress-text')).resolves.toMatch(/^已砍 ¥\d+\.\d\d · 还差 ¥\d+\.\d\d$/)
      await shot('04-after-first-cut')
      await cutAs('ajie', '阿杰', 2)
      await cutAs('lily', 'Lily', 3)
      await expect(text('.play-progress-text')).resolves.toBe('已砍 ¥89.10 · 已砍到底价 ¥9.90')
      await expect(text('.play-price-big')).resolves.toBe('¥9.90')
      await expect(page.locator('.bg-cutter').count()).resolves.toBe(3)
      await shot('05-floor')
    }, 150_000)

    it('小美 pays ¥9.90 at the floor on the sandbox page and gets the membership', async () => {
      await harness.loginAs('xiaomei')
      await harness.open(bargainUrl)
      const pay = page.locator('.bg-pay', { hasText: '底价购买 ¥9.90' })
      await pay.waitFor({ timeout: 15_000 })
      await shot('06-floor-mine')
      // The poster: drawn on a canvas, shown as an image to save.
      await harness.tap('.bg-poster-button')
      await page.locator('.bg-poster-image').waitFor({ timeout: 15_000 })
      await expect(page.locator('.bg-poster-image img').getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/)
      await page.locator('.bg-poster').evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await shot('06b-poster')
      await harness.tap('.bg-pay', { hasText: '底价购买' })
      await payOnSandbox(() => shot('07-sandbox-pay'))
      await expect(page.locator('.order-hero-amount').first().textContent()).resolves.toBe('¥9.90')
      await shot('08-paid')
      await harness.open(bargainUrl)
      await page.locator('.bg-paid').waitFor({ timeout: 15_000 })
      await expect(text('.bg-paid')).resolves.toContain('会员已生效')
      await expect(text('.play-head .tag')).resolves.toBe('已购买')
      await shot('09-bought')
    }, 90_000)

    it('the host sees started, floor, paid, revenue, new members and the cut log', async () => {
      await harness.loginAs('host')
      await harness.open('/packages/host-bargain/index/index')
      const card = page.locator('.hb-sale', { hasText: TITLE })
      await card.waitFor({ timeout: 15_000 })
      const value = (label: string) => card.locator('.pa-measure', { hasText: label }).locator('.pa-measure-value').first().textContent()
      await expect(value('发起')).resolves.toBe('1')
      await expect(value('砍到底价')).resolves.toBe('1')
      await expect(value('已支付')).resolves.toBe('1')
      await expect(value('收入')).resolves.toBe('¥9.90')
      await expect(value('总刀数')).resolves.toBe('3')
      await harness.tap('.pa-log-toggle')
      await card.locator('.pa-log-row').first().waitFor({ timeout: 15_000 })
      await expect(card.locator('.pa-log-row').count()).resolves.toBe(3)
      await expect(card.locator('.pa-log-row').first().textContent()).resolves.toContain('Lily 帮 小美 砍第 3 刀')
      await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await shot('10-host-measures')
    }, 90_000)
  }
)
