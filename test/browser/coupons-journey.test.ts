// Browser journey for coupons, in the H5 build on the dev host: Lily claims
// 新人立减 20 元 in 领券中心 → opens 减脂私教营, picks 月卡 (¥99.00) with the
// coupon (优惠 −¥20.00, ¥79.00) → the sandbox pay page asks ¥79.00 → pays →
// 我的优惠券 shows the coupon 已使用. Then free tickets: the host publishes a
// 免费活动票 for the paid 周末徒步 in the campaign form → Lily claims it, sees
// 免费 and the event in 我的优惠券, taps 去报名 → picks the ticket (免费,
// 使用免费票报名) → signed up with no payment, her 入场票 shows, the ticket is
// 已使用 → cancelling gives it back. Screenshots: test/artifacts/coupons-*.png.
import type { CampaignView, CouponView } from '../../types/coupons'
import type { EventView } from '../../types/events'
import type { OrderView } from '../../types/membership'
import type { Page as ListPage } from '../../types/page'
import { describeJourney } from './journey'

const CIRCLE = '减脂私教营'
const CAMPAIGN = '新人立减 20 元'
const HIKE = '周末徒步·滨江 10 公里'
const TICKET = '免费活动票·周末徒步'

describeJourney('coupons: claim, apply to a membership plan, pay the discounted price, used', { prefix: 'coupons' }, ({ harness, page, shot, payOnSandbox }) => {
  let orderId = ''

  const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })
  const tap = (selector: string, options: { hasText?: string } = {}) => harness.tap(selector, options)
  const choose = (trigger: string, option: string) => harness.choose(trigger, option)

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
    await payOnSandbox()

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

  let hikeId = ''
  let ticketId = ''

  it('the host publishes a 免费活动票 for 周末徒步 in the campaign form', async () => {
    const hostToken = await harness.tokenFor('host')
    const upcoming = await harness.call<ListPage<EventView>>(hostToken, 'events', { action: 'listEvents', when: 'upcoming' })
    hikeId = upcoming.items.find((e) => e.title === HIKE)!.id

    await harness.loginAs('host')
    await tap('.me-host-entry')
    await tap('.host-entry[data-entry="campaigns"]')
    // The campaigns list first (claimed / used / remaining, 编辑, 停止), then the form.
    await tap('.hcp-new')
    const name = page.locator('.hr-name input')
    await name.waitFor({ timeout: 15_000 })
    await name.fill(TICKET)
    await tap('.hr-kind .segmented-item', { hasText: '免费活动票' })
    // No amount, discount or minimum spend for a free ticket; events only.
    await page.locator('.hr-fixed', { hasText: '活动报名' }).waitFor({ timeout: 5_000 })
    await expect(page.locator('.hr-amount, .hr-zhe, .hr-min').count()).resolves.toBe(0)
    await expect(text('.hr-preview')).resolves.toMatch(/^预览：免费活动票 · 任意活动 · /)
    await choose('.hr-event', HIKE)
    await expect(text('.hr-event-title')).resolves.toBe(HIKE)
    await expect(text('.hr-preview')).resolves.toContain(`免费活动票 · ${HIKE} · `)
    // 仅作奖品 explains itself; this one stays claimable.
    await tap('.hr-channel .segmented-item', { hasText: '仅作奖品' })
    await page.locator('.hr-channel-hint', { hasText: '邀请赛奖品' }).waitFor({ timeout: 5_000 })
    await expect(text('.hr-preview')).resolves.toMatch(/ · 仅作奖品$/)
    await shot('06-host-free-ticket-form')
    await tap('.hr-channel .segmented-item', { hasText: '会员领取' })
    await expect(page.locator('.hr-channel-hint').count()).resolves.toBe(0)
    await tap('.hr-submit')
    await expect(text('.hr-last')).resolves.toBe(`已发布 ${TICKET}：免费报名一次活动，100 张`)

    const campaigns = await harness.call<ListPage<CampaignView>>(hostToken, 'rewards', { action: 'campaigns' })
    expect(campaigns.items.find((c) => c.name === TICKET)).toMatchObject({ kind: 'freeTicket', channel: 'claim', eventId: hikeId, appliesTo: ['event'], amountOffFen: 0, minSpendFen: 0 })
  }, 60_000)

  it('Lily claims it; 我的优惠券 shows 免费, the event and 去报名', async () => {
    await harness.loginAs('lily')
    await tap('.me-coupons-entry')
    const card = page.locator('.cp-campaign', { hasText: TICKET })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.cp-face-figure').textContent()).resolves.toBe('免费')
    await expect(card.locator('.cp-face-rule').textContent()).resolves.toBe('免费报名一次活动')
    await card.locator('.cp-ticket-event', { hasText: `限「${HIKE}」` }).waitFor({ timeout: 15_000 })
    await tap('.cp-campaign .cp-claim', { hasText: '领取' })
    await card.locator('.cp-claim', { hasText: '已领取' }).waitFor({ timeout: 15_000 })
    await page.waitForTimeout(1600) // let the 领取成功 toast go

    await tap('.segmented-item', { hasText: '我的优惠券' })
    const mine = page.locator('.cp-coupon', { hasText: TICKET })
    await mine.locator('.cp-tag', { hasText: '可使用' }).waitFor({ timeout: 15_000 })
    await expect(mine.locator('.cp-face-figure').textContent()).resolves.toBe('免费')
    await mine.locator('.cp-ticket-event', { hasText: `限「${HIKE}」` }).waitFor({ timeout: 15_000 })
    await shot('07-mine-free-ticket')
    await tap('.cp-coupon .cp-use', { hasText: '去报名' })
    await page.locator('.ev-detail-title', { hasText: HIKE }).waitFor({ timeout: 15_000 })
  }, 60_000)

  it('picks the free ticket on the paid event, signs up without paying and gets the ticket', async () => {
    const bar = page.locator('.ev-bar-amount')
    const listPrice = (await bar.textContent()) ?? ''
    expect(listPrice).toMatch(/^¥\d+\.\d{2}$/)
    await page.locator('.coupon-picker-summary', { hasText: '张可用' }).waitFor({ timeout: 15_000 })
    await tap('.coupon-picker-row')
    const option = page.locator('.coupon-option', { hasText: TICKET })
    await expect(option.locator('.coupon-option-cut').textContent()).resolves.toBe('免费')
    await expect(option.locator('.coupon-option-rule').textContent()).resolves.toMatch(/^免费报名一次活动 · /)
    await tap('.coupon-option', { hasText: TICKET })
    await page.locator('.coupon-picker-summary', { hasText: '免费' }).waitFor({ timeout: 5_000 })
    await expect(text('.ev-bar-amount')).resolves.toBe('免费')
    await expect(text('.ev-bar-was')).resolves.toBe('¥20.00')
    await expect(text('.ev-action-signup')).resolves.toBe('使用免费票报名')
    await page.locator('.ev-detail-coupon').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('08-event-free-ticket')

    await tap('.ev-action-signup')
    await page.locator('.ev-action-done', { hasText: '已报名' }).waitFor({ timeout: 15_000 })
    expect(page.url()).not.toContain('sandbox-pay')
    await page.locator('#ev-ticket .ev-ticket-short-code').waitFor({ timeout: 15_000 })
    await expect(text('.ev-bar-amount')).resolves.toBe('免费')
    await expect(page.locator('.ev-detail-coupon').count()).resolves.toBe(0)
    await page.waitForTimeout(1600) // let the 报名成功 toast go
    await page.locator('#ev-ticket').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('09-event-ticket')

    const lily = await harness.tokenFor('lily')
    const event = await harness.call<EventView>(lily, 'events', { action: 'getEvent', eventId: hikeId })
    expect(event.mySignup).toMatchObject({ status: 'confirmed', priceFen: 0, orderId: null })
    const coupons = await harness.call<ListPage<CouponView>>(lily, 'rewards', { action: 'myCoupons' })
    const ticket = coupons.items.find((c) => c.name === TICKET)!
    expect(ticket).toMatchObject({ kind: 'freeTicket', status: 'used', eventId: hikeId })
    ticketId = ticket.id
  }, 60_000)

  it('cancelling the signup gives the free ticket back', async () => {
    await tap('.ev-action-cancel')
    const dialog = page.locator('.ev-cancel-dialog')
    await expect(dialog.locator('.confirm-dialog-text').textContent()).resolves.toContain('免费票会退回')
    await tap('.ev-cancel-dialog .confirm-dialog-ok')
    await page.locator('.ev-action-signup').waitFor({ timeout: 15_000 })
    const coupons = await harness.call<ListPage<CouponView>>(await harness.tokenFor('lily'), 'rewards', { action: 'myCoupons' })
    expect(coupons.items.find((c) => c.id === ticketId)?.status).toBe('available')
    // Back on the page: the picker offers it again.
    await page.locator('.coupon-picker-summary', { hasText: '张可用' }).waitFor({ timeout: 15_000 })
  }, 40_000)
})
