// Browser journey for coupons, in the H5 build on the dev host: Lily claims
// 新人立减 20 元 in 领券中心 → opens 减脂私教营, picks 月卡 (¥99.00) with the
// coupon (优惠 −¥20.00, ¥79.00) → the sandbox pay page asks ¥79.00 → pays →
// 我的优惠券 shows the coupon 已使用. Screenshots: test/artifacts/coupons-*.png.
import type { OrderView } from '../../types/membership'
import { CHROMIUM, hasChromium, startHarness, type Harness } from './browser-harness'

const CIRCLE = '减脂私教营'
const CAMPAIGN = '新人立减 20 元'

if (!hasChromium) {
  it('chromium not installed: browser journeys skipped', () => {
    console.warn(`${CHROMIUM} is missing (apt-get install chromium fonts-wqy-microhei): skipping the coupons browser journey`)
  })
} else {
  describe('coupons: claim, apply to a membership plan, pay the discounted price, used', () => {
    let harness: Harness
    let page: Harness['page']
    let orderId = ''

    beforeAll(async () => {
      harness = await startHarness('coupons-journey-')
      page = harness.page
    }, 180_000)

    afterAll(async () => {
      await harness?.close()
    })

    const shot = (name: string) => harness.shot(`coupons-${name}`)
    const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })
    const tap = (selector: string, options: { hasText?: string } = {}) => harness.tap(selector, options)

    it('claims 新人立减 20 元 in 领券中心', async () => {
      await harness.loginAs('lily')
      await tap('.me-coupons-entry')
      const card = page.locator('.cp-campaign', { hasText: CAMPAIGN })
      await card.waitFor({ timeout: 15_000 })
      await expect(card.locator('.cp-face-rule').textContent()).resolves.toBe('满 ¥50 减 ¥20')
      await expect(card.locator('.cp-face-figure').textContent()).resolves.toBe('¥20')
      await expect(card.locator('.cp-stock').textContent()).resolves.toBe('剩 100 张')
      await expect(card.locator('.cp-meta').nth(1).textContent()).resolves.toMatch(/^\d{4}\.\d{2}\.\d{2}–\d{4}\.\d{2}\.\d{2}$/)
      await tap('.cp-campaign .cp-claim', { hasText: '领取' })
      await card.locator('.cp-claim', { hasText: '已领取' }).waitFor({ timeout: 15_000 })
      await expect(card.locator('.cp-stock').textContent()).resolves.toBe('剩 99 张')
      await page.waitForTimeout(1600) // let the 领取成功 toast go
      await shot('01-center')

      await tap('.segmented-item', { hasText: '我的优惠券' })
      const mine = page.locator('.cp-coupon', { hasText: CAMPAIGN })
      await mine.locator('.cp-tag', { hasText: '可使用' }).waitFor({ timeout: 15_000 })
      await shot('02-mine-available')
    }, 60_000)

    it('picks 月卡 with the coupon and pays ¥79.00 on the sandbox page', async () => {
      await harness.open('/pages/me/index')
      await tap('.me-circles-entry')
      await tap('.circle-card', { hasText: CIRCLE })
      await page.locator('.circle-name', { hasText: CIRCLE }).waitFor({ timeout: 15_000 })
      await tap('.plan-card', { hasText: '月卡' })
      await expect(text('.circle-pay-amount')).resolves.toBe('¥99.00')
      await page.locator('.coupon-picker-summary', { hasText: '1 张可用' }).waitFor({ timeout: 15_000 })

      await tap('.coupon-picker-row')
      await tap('.coupon-option', { hasText: CAMPAIGN })
      await page.locator('.coupon-picker-summary', { hasText: '−¥20.00' }).waitFor({ timeout: 5_000 })
      await expect(text('.circle-pay-amount')).resolves.toBe('¥79.00')
      await expect(text('.circle-pay-discount')).resolves.toBe('优惠 −¥20.00')
      await page.locator('.coupon-picker').evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await shot('03-plan-with-coupon')

      await tap('.circle-pay-button')
      await page.waitForURL(/\/sandbox-pay\?order=/, { timeout: 15_000 })
      orderId = new URL(page.url()).searchParams.get('order') ?? ''
      await expect(page.locator('.amount').textContent()).resolves.toBe('¥79.00')
      await shot('04-sandbox-pay')
      await page.locator('#pay', { hasText: '确认支付' }).click()
      await page.waitForURL(/packages\/membership\/order\/index\?id=/, { timeout: 15_000 })
      await page.locator('.order-hero-title', { hasText: '支付成功' }).waitFor({ timeout: 15_000 })

      const order = await harness.call<OrderView>(await harness.tokenFor('lily'), 'membership', { action: 'getOrder', orderId })
      expect(order).toMatchObject({ status: 'fulfilled', listPriceFen: 9900, discountFen: 2000, amountFen: 7900 })
      expect(order.couponId).not.toBeNull()
    }, 60_000)

    it('shows the coupon 已使用 in 我的优惠券', async () => {
      await harness.open('/packages/rewards/coupons/index?tab=mine')
      const mine = page.locator('.cp-coupon', { hasText: CAMPAIGN })
      await mine.locator('.cp-tag', { hasText: '已使用' }).waitFor({ timeout: 15_000 })
      await shot('05-mine-used')
    }, 30_000)
  })
}
