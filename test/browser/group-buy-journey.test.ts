// Browser journey for 拼团 group buying, in the H5 build on the dev host: the
// host publishes a 3-person group price on a plan from the console's 拼团 page;
// 小美 finds it from 我的 → 拼团, starts a group by paying on the sandbox's
// 模拟支付 page, and her group says 还差 2 人; 大伟 and 阿杰 open the share
// link (the group's page) and join by paying; the timer grants the full group
// and all three are members of the circle (the group says 已成团). Another
// group (Lily's, with 小美 joined) times out: 24 h later (harness.travel + the
// cron run) both payments are refunded and the order pages say 已退款. The host
// sees the measures and the log.
// Screenshots: test/artifacts/group-buy-*.png and /work/notes/shots/group-buy-*.png.
import { describeJourney } from './journey'
import type { GroupBuyOrderResult, GroupBuyView, GroupView } from '../../types/group-buy'

const HOUR = 3600_000
const TITLE = '私教月卡三人团'

describeJourney('group buying: a group fills through the share link; another times out and is refunded', { prefix: 'group-buy' }, ({ harness, page, shot, openHostTool, payOnSandbox }) => {
  let campaignId = ''
  let groupId = ''
  let circleId = ''

  const as = async <T>(persona: string, fn: string, event: object): Promise<T> => harness.call<T>(await harness.tokenFor(persona), fn, event)
  /** Pays on the sandbox's 模拟支付 page and lands on the order page, paid; 查看 opens the group. */
  const payAndOpenGroup = async (name: string) => {
    await payOnSandbox()
    await expect(page.locator('.order-hero-amount').first().textContent()).resolves.toBe('¥69.00')
    await shot(name)
    await harness.tap('.order-hero-open', { hasText: '查看' })
    await page.locator('.play-progress-text').waitFor({ timeout: 15_000 })
  }
  const membership = async (persona: string) => (await as<{ membership: { status: string } | null }>(persona, 'membership', { action: 'getCircle', circleId })).membership

  it('the host publishes a 3-person group price on a plan from the console', async () => {
    await openHostTool('拼团', '.hgb-form')
    await harness.tap('.pa-candidate', { hasText: '减脂私教营' })
    await page.locator('.hgb-title input').fill(TITLE)
    await page.locator('.hgb-price input').fill('69')
    await harness.tap('.hgb-sizes .segmented-item', { hasText: '3 人' })
    await harness.tap('.hgb-limits .segmented-item', { hasText: '24 小时' })
    await shot('00-host-form')
    await harness.tap('.hgb-form .pa-submit')
    const card = page.locator('.hgb-sale', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    campaignId = (await card.getAttribute('data-id')) ?? ''
    expect(campaignId).not.toBe('')
    await expect(card.locator('.pa-measure', { hasText: '开团' }).locator('.pa-measure-value').textContent()).resolves.toBe('0')
    const hostOffer = await as<{ items: Array<{ id: string; target?: unknown }> }>('host', 'sales', { action: 'hostGroupBuys' })
    expect(hostOffer.items.some((o) => o.id === campaignId)).toBe(true)
    const circles = await as<{ items: Array<{ id: string; name: string }> }>('host', 'membership', { action: 'listCircles' }).catch(() => ({ items: [] }))
    circleId = circles.items.find((c) => c.name === '减脂私教营')?.id ?? ''
  }, 120_000)

  it('小美 finds it from 我的 → 拼团, starts a group by paying, and her group says 还差 2 人', async () => {
    await harness.loginAs('xiaomei')
    await harness.tap('.me-group-buy-entry')
    const card = page.locator('.gb-card', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    await shot('01-list')
    await card.click()
    await page.locator('.gb-start', { hasText: '发起拼团 ¥69.00' }).waitFor({ timeout: 15_000 })
    await shot('02-offer')
    await harness.tap('.gb-start')
    await payAndOpenGroup('03-started-paid')
    await expect(page.locator('.play-progress-text').textContent()).resolves.toMatch(/^还差 2 人 · 剩余 23:5\d:\d\d$/)
    await expect(page.locator('.gb-seat-badge').first().textContent()).resolves.toBe('团长')
    groupId = decodeURIComponent(/[?&]id=([^&#]+)/.exec(page.url())?.[1] ?? '')
    expect(groupId).not.toBe('')
    await shot('04-group-missing-2')
  }, 120_000)

  it('大伟 and 阿杰 open the share link and join by paying; the timer grants the full group: all three are members', async () => {
    for (const [persona, missing] of [
      ['dawei', '还差 1 人'],
      ['ajie', null]
    ] as const) {
      await harness.loginAs(persona)
      await harness.open(`/packages/group-buy/group/index?id=${encodeURIComponent(groupId)}`)
      await page.locator('.gb-join', { hasText: '¥69.00 参团' }).waitFor({ timeout: 15_000 })
      if (persona === 'dawei') await shot('05-share-link-join')
      await harness.tap('.gb-join')
      await payAndOpenGroup(`06-${persona}-paid`)
      if (missing) await expect(page.locator('.play-progress-text').textContent()).resolves.toMatch(new RegExp(`^${missing}`))
    }
    await expect(page.locator('.tag').first().textContent()).resolves.toBe('已成团')
    // The group is full: the timer (every minute on CloudBase) grants the three seats together.
    await harness.cron()
    await harness.open(`/packages/group-buy/group/index?id=${encodeURIComponent(groupId)}`)
    await page.locator('.gb-mine', { hasText: '已成团，会员已生效' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.play-progress-text').textContent()).resolves.toBe('3 人已成团')
    await shot('07-completed')
    // The poster, for where a share card cannot go.
    await harness.tap('.gb-poster-open')
    await page.locator('.gb-poster-image').waitFor({ timeout: 15_000 })
    await page.locator('.gb-poster-image').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('08-poster')
    const group = await as<GroupView>('xiaomei', 'sales', { action: 'groupBuyGroup', groupId })
    expect(group.members.map((m) => m.name)).toEqual(['小美', '大伟', '阿杰'])
    if (circleId) for (const persona of ['xiaomei', 'dawei', 'ajie']) expect(await membership(persona)).toMatchObject({ status: 'active' })
    else for (const persona of ['xiaomei', 'dawei', 'ajie']) expect((await as<GroupView>(persona, 'sales', { action: 'groupBuyGroup', groupId })).mine).toMatchObject({ status: 'granted' })
  }, 180_000)

  it('another group times out: 24 h later the timer refunds every payment and the order pages say 已退款', async () => {
    const offer = await as<GroupBuyView>('lily', 'sales', { action: 'groupBuy', campaignId })
    expect(offer.size).toBe(3)
    const started = await as<GroupBuyOrderResult>('lily', 'sales', { action: 'startGroupBuy', campaignId })
    await harness.sandboxPay(started.orderId)
    const joined = await as<GroupBuyOrderResult>('xiaomei', 'sales', { action: 'joinGroupBuy', groupId: started.groupId })
    await harness.sandboxPay(joined.orderId)
    await harness.travel(24 * HOUR + 2 * 60_000)
    await harness.cron()
    await harness.cron() // a second run refunds nothing twice
    await harness.loginAs('lily')
    await harness.open(`/packages/membership/order/index?id=${encodeURIComponent(started.orderId)}`)
    await page.locator('.order-hero-title', { hasText: '已退款' }).waitFor({ timeout: 15_000 })
    await shot('09-lily-refunded')
    await harness.open(`/packages/group-buy/group/index?id=${encodeURIComponent(started.groupId)}`)
    await page.locator('.play-progress-text', { hasText: '到时未成团，已付款项自动原路退回' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.gb-mine').textContent()).resolves.toContain('已退款')
    await shot('10-group-failed')
    await harness.loginAs('xiaomei')
    await harness.open(`/packages/membership/order/index?id=${encodeURIComponent(joined.orderId)}`)
    await page.locator('.order-hero-title', { hasText: '已退款' }).waitFor({ timeout: 15_000 })
    await shot('11-xiaomei-refunded')
  }, 180_000)

  it('the host sees the measures and the log', async () => {
    await harness.loginAs('host')
    await harness.open('/packages/host-group-buy/index/index')
    const card = page.locator('.hgb-sale', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    const value = (label: string) => card.locator('.pa-measure', { hasText: label }).locator('.pa-measure-value').textContent()
    await expect(value('开团')).resolves.toBe('2')
    await expect(value('未成团')).resolves.toBe('1')
    await expect(value('收入')).resolves.toBe('¥207.00')
    await expect(card.locator('.pa-pause').textContent()).resolves.toBe('暂停开团')
    // Under load a tap can land while the card is still settling: the toggle says 收起记录 once the log is open.
    const toggle = card.locator('.pa-log-toggle')
    for (let attempt = 0; attempt < 3 && (await toggle.textContent()) !== '收起记录'; attempt++) {
      await harness.tap('.pa-log-toggle')
      await toggle
        .filter({ hasText: '收起记录' })
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined)
    }
    await card.locator('.pa-log-row', { hasText: '成团' }).first().waitFor({ timeout: 30_000 })
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('12-host-measures')
  }, 90_000)
})
