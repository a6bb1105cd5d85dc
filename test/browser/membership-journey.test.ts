// Browser journey for paid circles, in the H5 build on the dev host: Lily opens
// 减脂私教营 and sees its members-only challenge locked → picks 月卡 (¥99.00) →
// 取消 on the sandbox's 模拟支付 page → the order page says 待支付 with 去支付
// and 取消订单 → back in the circle, 立即支付 again answers 你有一笔待支付订单
// and opens the same order (one order, never two) → pays → 支付成功 → the circle
// shows her as 会员 and the challenge opens → she renews (60 days) → in 我的会员
// she refunds the renewal: still 会员, 30 days left → refunds the first: 已退款,
// the challenge locked again. A third order is cancelled with 取消订单. The host
// then sees the refunded orders. Screenshots: test/artifacts/membership-*.png.
import type { CircleDetail, OrderView } from '../../types/membership'
import type { Page as ListPage } from '../../types/page'
import { describeJourney } from './journey'

const CIRCLE = '减脂私教营'
const CHALLENGE = '私教营·14 天控糖'

describeJourney('paid circles: preview, WeChat Pay sandbox, members-only challenge, refund in the H5 build', { prefix: 'membership' }, ({ harness, page, shot, payOnSandbox }) => {
  let circleId = ''
  let orderId = ''

  const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })
  const tap = (selector: string, options: { hasText?: string } = {}) => harness.tap(selector, options)
  const lilyCall = async <T>(event: object): Promise<T> => harness.call<T>(await harness.tokenFor('lily'), 'membership', event)

  it('shows a non-member the locked preview and the plan picker', async () => {
    await harness.loginAs('lily')
    // The members-only challenge's wall is locked to her, with the way into the circle.
    const challenges = await harness.call<ListPage<{ id: string; title: string }>>(await harness.tokenFor('lily'), 'checkin', { action: 'listChallenges', phase: 'all' })
    const gatedId = challenges.items.find((c) => c.title === CHALLENGE)?.id ?? ''
    expect(gatedId).not.toBe('')
    await harness.open('/pages/challenges/index')
    await expect(page.locator('.challenge-card', { hasText: CHALLENGE }).locator('.challenge-card-circle').textContent({ timeout: 15_000 })).resolves.toBe('圈子专属')
    await harness.open(`/packages/challenge/detail/index?id=${encodeURIComponent(gatedId)}`)
    await page.locator('.detail-feed-locked', { hasText: '仅圈子成员可见' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.detail-feed-locked .checkin-card').count()).resolves.toBe(0)
    await expect(text('.detail-action-main')).resolves.toBe('加入圈子后参加')
    await shot('00-challenge-locked')
    await harness.loginAs('lily')
    await tap('.me-circles-entry')
    const card = page.locator('.circle-card', { hasText: CIRCLE })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.circle-card-price').textContent()).resolves.toBe('¥99.00 起')
    circleId = (await card.getAttribute('data-id')) ?? ''
    expect(circleId).not.toBe('')
    await tap('.circle-card', { hasText: CIRCLE })

    await page.locator('.circle-name', { hasText: CIRCLE }).waitFor({ timeout: 15_000 })
    // Members-only content is listed, but locked.
    await page.locator('.cc-row-locked', { hasText: CHALLENGE }).waitFor({ timeout: 15_000 })
    await expect(text('.circle-locked-hint')).resolves.toBe('加入后解锁')
    await expect(page.locator('.circle-status').count()).resolves.toBe(0)

    // Three plans with price and price per day; 月卡 is picked.
    const plans = page.locator('.plan-card')
    await expect(plans.count()).resolves.toBe(3)
    await expect(page.locator('.plan-card', { hasText: '季卡' }).locator('.plan-card-amount').textContent()).resolves.toBe('¥269.00')
    await tap('.plan-card', { hasText: '年卡' })
    await page.locator('.circle-pay-amount', { hasText: '¥365.00' }).waitFor({ timeout: 5_000 })
    await tap('.plan-card', { hasText: '月卡' })
    await page.locator('.plan-card-on .plan-card-name', { hasText: '月卡' }).waitFor({ timeout: 5_000 })
    await expect(text('.plan-card-on .plan-card-per-day')).resolves.toBe('约 ¥3.30/天')
    await expect(text('.circle-pay-amount')).resolves.toBe('¥99.00')
    await page.locator('.circle-challenges').scrollIntoViewIfNeeded()
    await shot('01-circle-preview')
  }, 45_000)

  it('取消 on the pay page shows 待支付 with 去支付 and 取消订单', async () => {
    await tap('.circle-pay-button')
    await page.waitForURL(/\/sandbox-pay\?order=/, { timeout: 15_000 })
    orderId = new URL(page.url()).searchParams.get('order') ?? ''
    await expect(page.locator('.amount').textContent()).resolves.toBe('¥99.00')
    await shot('02-sandbox-pay')
    await page.locator('#cancel', { hasText: '取消' }).click()

    await page.waitForURL(/packages\/membership\/order\/index\?id=.*after=cancelled/, { timeout: 15_000 })
    await page.locator('.order-hero-title', { hasText: '待支付' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.order-hero-title', { hasText: '正在确认支付结果' }).count()).resolves.toBe(0)
    await expect(text('.order-pay')).resolves.toBe('去支付')
    await expect(text('.order-cancel')).resolves.toBe('取消订单')
    await expect(text('.order-info .tag')).resolves.toBe('待支付')
    await shot('02b-order-waiting')
  }, 45_000)

  it('立即支付 again: 你有一笔待支付订单, the same order, paid once', async () => {
    await harness.open(`/packages/membership/circle/index?id=${encodeURIComponent(circleId)}`)
    await tap('.plan-card', { hasText: '月卡' })
    await page.locator('.plan-card-on .plan-card-name', { hasText: '月卡' }).waitFor({ timeout: 15_000 })
    await tap('.circle-pay-button')
    await expect(page.locator('.taro-modal__title').textContent({ timeout: 15_000 })).resolves.toBe('你有一笔待支付订单')
    await expect(text('.taro-modal__text')).resolves.toMatch(/^月卡 ¥99\.00，\d{2}:\d{2} 前支付有效$/)
    await shot('02c-open-order-modal')
    await page.locator('.taro-model__confirm', { hasText: '继续支付' }).click()
    await page.waitForURL(/\/sandbox-pay\?order=/, { timeout: 15_000 })
    expect(new URL(page.url()).searchParams.get('order')).toBe(orderId)
    await page.locator('#pay', { hasText: '确认支付' }).click()

    // The sandbox sends us back to the order page, which confirms with the server.
    await page.waitForURL(/packages\/membership\/order\/index\?id=/, { timeout: 15_000 })
    await page.locator('.order-hero-title', { hasText: '支付成功' }).waitFor({ timeout: 15_000 })
    await expect(text('.order-hero-amount')).resolves.toBe('¥99.00')
    await expect(text('.order-info .tag')).resolves.toBe('已支付')
    await page.locator('.order-hero-desc', { hasText: /会员 · \d{4}年\d{1,2}月\d{1,2}日到期/ }).waitFor({ timeout: 15_000 })
    await shot('03-order-success')

    const order = await lilyCall<OrderView>({ action: 'getOrder', orderId })
    expect(order).toMatchObject({ status: 'fulfilled', amountFen: 9900, planName: '月卡', refundableFen: 9900 })
    const mine = await lilyCall<ListPage<OrderView>>({ action: 'myOrders', kind: 'membership' })
    expect(mine.items.filter((o) => o.circleId === circleId).map((o) => o.id)).toEqual([orderId])
  }, 45_000)

  it('opens the circle as a member and the members-only challenge with it', async () => {
    await tap('.order-go-circle')
    await page.locator('.circle-status-active .tag', { hasText: '会员' }).waitFor({ timeout: 15_000 })
    await expect(text('.circle-status-end')).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日到期$/)
    await expect(page.locator('.cc-row-locked').count()).resolves.toBe(0)
    await expect(page.locator('.plan-card').count()).resolves.toBe(0) // no picker until 续费
    await shot('04-circle-member')

    await tap('.cc-row', { hasText: CHALLENGE })
    await page.locator('.detail-title', { hasText: CHALLENGE }).waitFor({ timeout: 15_000 })
  }, 30_000)

  let renewalId = ''
  it('renews for a second month: 60 days', async () => {
    await harness.open(`/packages/membership/circle/index?id=${encodeURIComponent(circleId)}&renew=1`)
    await tap('.plan-card', { hasText: '月卡' })
    await page.locator('.plan-card-on .plan-card-name', { hasText: '月卡' }).waitFor({ timeout: 15_000 })
    await tap('.circle-pay-button')
    await page.waitForURL(/\/sandbox-pay\?order=/, { timeout: 15_000 })
    renewalId = new URL(page.url()).searchParams.get('order') ?? ''
    expect(renewalId).not.toBe(orderId)
    await payOnSandbox()
    const detail = await lilyCall<CircleDetail>({ action: 'getCircle', circleId })
    const first = await lilyCall<OrderView>({ action: 'getOrder', orderId })
    expect(detail.membership.endsAt! - first.paidAt!).toBe(60 * 24 * 3600_000)
  }, 45_000)

  it('refunds the renewal from 我的会员: still 会员 with 30 days; then the first: 已退款, access ends', async () => {
    await harness.open('/pages/me/index')
    await tap('.me-membership-entry')
    const renewal = page.locator(`.mo-card[data-id="${renewalId}"]`)
    await renewal.locator('.mo-refundable', { hasText: '可退 ¥99.00' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.mine-row', { hasText: CIRCLE }).locator('.tag').textContent()).resolves.toBe('会员')
    const before = (await lilyCall<CircleDetail>({ action: 'getCircle', circleId })).membership.endsAt!

    await tap(`.mo-card[data-id="${renewalId}"] .mo-refund`)
    await expect(text('.ms-confirm .confirm-dialog-figure')).resolves.toBe('¥99.00')
    await shot('05-mine-refund-confirm')
    await tap('.ms-confirm .confirm-dialog-ok')
    await renewal.locator('.tag', { hasText: '已退款' }).waitFor({ timeout: 15_000 })
    // Only the renewal's 30 days went: she is still a member.
    const after = (await lilyCall<CircleDetail>({ action: 'getCircle', circleId })).membership
    expect(after).toMatchObject({ status: 'active', endsAt: before - 30 * 24 * 3600_000 })
    await expect(page.locator('.mine-row', { hasText: CIRCLE }).locator('.tag').textContent()).resolves.toBe('会员')
    await page.waitForTimeout(1600) // let the 退款成功 toast go
    await shot('05b-mine-one-refunded')

    const order = page.locator(`.mo-card[data-id="${orderId}"]`)
    await tap(`.mo-card[data-id="${orderId}"] .mo-refund`)
    await tap('.ms-confirm .confirm-dialog-ok')
    await order.locator('.tag', { hasText: '已退款' }).waitFor({ timeout: 15_000 })
    await page.locator('.mine-row-refunded', { hasText: CIRCLE }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.mine-row', { hasText: CIRCLE }).locator('.tag').textContent()).resolves.toBe('已退款')
    await expect(order.locator('.mo-refund').count()).resolves.toBe(0)
    await page.waitForTimeout(1600)
    await shot('06-mine-refunded')

    const detail = await lilyCall<CircleDetail>({ action: 'getCircle', circleId })
    expect(detail.membership.status).toBe('refunded')

    // Back in the circle: 已退款, the challenge locked again and the plans on offer.
    await tap('.mine-row', { hasText: CIRCLE })
    await page.locator('.circle-status-refunded .tag', { hasText: '已退款' }).waitFor({ timeout: 15_000 })
    await page.locator('.cc-row-locked', { hasText: CHALLENGE }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.plan-card').count()).resolves.toBe(3)
  }, 60_000)

  it('取消订单 closes an unpaid order', async () => {
    await tap('.plan-card', { hasText: '季卡' })
    await tap('.circle-pay-button')
    await page.waitForURL(/\/sandbox-pay\?order=/, { timeout: 15_000 })
    const unpaidId = new URL(page.url()).searchParams.get('order') ?? ''
    await page.locator('#cancel').click()
    await page.locator('.order-hero-title', { hasText: '待支付' }).waitFor({ timeout: 15_000 })
    await tap('.order-cancel')
    await page.locator('.taro-model__confirm', { hasText: '取消订单' }).click()
    await page.locator('.order-hero-title', { hasText: '订单已取消' }).waitFor({ timeout: 15_000 })
    await expect(text('.order-hero-desc')).resolves.toBe('你已取消这笔订单，不会扣款')
    await shot('06b-order-cancelled')
    expect(await lilyCall<OrderView>({ action: 'getOrder', orderId: unpaidId })).toMatchObject({ status: 'closed', closedReason: 'cancelled' })
  }, 45_000)

  it('shows the host the refunded order', async () => {
    await harness.loginAs('host')
    await tap('.me-host-entry')
    await tap('.host-entry[data-entry="membership"]')
    await tap('.hm-menu-item', { hasText: '订单管理' })
    const card = page.locator(`.ho-card[data-id="${orderId}"]`)
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.ho-member').textContent()).resolves.toBe('Lily')
    await expect(card.locator('.tag').textContent()).resolves.toBe('已退款')
    await expect(card.locator('.ho-refunded').textContent()).resolves.toBe('已退 ¥99.00')
    await tap('.ho-tab', { hasText: '已退款' })
    await page.locator(`.ho-card[data-id="${orderId}"]`).waitFor({ timeout: 15_000 })
    await shot('07-host-orders')

    const refunded = await harness.call<ListPage<OrderView>>(await harness.tokenFor('host'), 'membership', { action: 'listOrders', status: 'refunded' })
    expect(refunded.items.map((o) => o.id)).toContain(orderId)
  }, 30_000)

  it('offers 退款并取消报名 or 仅退款（保留名额） for an event order', async () => {
    const events = await harness.call<ListPage<OrderView>>(await harness.tokenFor('host'), 'membership', { action: 'listOrders', kind: 'event', status: 'fulfilled' })
    const eventOrder = events.items[0]
    expect(eventOrder).toBeDefined()
    await tap('.ho-tab', { hasText: '已支付' })
    await tap(`.ho-card[data-id="${eventOrder.id}"] .ho-refund`)
    await page.locator('.hr-option-on .hr-option-title', { hasText: '退款并取消报名' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.hr-option .hr-option-title').allTextContents()).resolves.toEqual(['退款并取消报名', '仅退款（保留名额）'])
    await tap('.hr-option', { hasText: '仅退款' })
    await page.locator('.hr-option-on .hr-option-title', { hasText: '仅退款（保留名额）' }).waitFor({ timeout: 5_000 })
    await shot('08-host-event-refund-sheet')
    await tap('.hr-cancel')
  }, 30_000)
})
