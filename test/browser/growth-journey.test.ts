// Browser journey for growth, in the H5 build on the dev host: 小美 sees her
// points and tier → the host grants her points from the growth console → she
// sees them, redeems a 补卡券 (the first answer is lost on the way back and the
// retried tap redeems once) and a 水杯 with an address → 我的兑换 and the make-up
// card count show both → the host ships the 水杯 and she sees the tracking number.
import type { GrowthSummary, RedemptionView } from '../../types/growth'
import type { Page as ListPage } from '../../types/page'
import { describeJourney } from './journey'

const GRANT = 1000
const TRACKING = 'SF1234567890'

describeJourney('growth: points, mall and host console in the H5 build', { prefix: 'growth' }, ({ harness, page, shot }) => {
  let before: GrowthSummary

  beforeAll(async () => {
    // Where 小美 starts comes from the seed; the journey checks changes from there.
    before = await harness.call<GrowthSummary>(await harness.tokenFor('xiaomei'), 'growth', { action: 'summary' })
  }, 180_000)

  const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })
  /** Opens a page by its path in a fresh load, as a link or a reload would. */
  const open = async (path: string) => {
    await page.goto(`${harness.url}/#${path}`)
    await page.reload()
  }
  const points = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

  it('小美 sees her points and tier on 我的 and in 我的成长', async () => {
    await harness.loginAs('xiaomei')
    const tier = `Lv${before.tier.level} ${before.tier.name}`
    await page.locator('.growth-entry-hint', { hasText: `${tier} · ${points(before.points)} 积分` }).waitFor({ timeout: 15_000 })
    await page.locator('.growth-entry').click()
    await expect(text('.gc-points')).resolves.toBe(points(before.points))
    await expect(text('.gc-tier-badge')).resolves.toBe(tier)
    if (before.nextTier) await expect(text('.gc-growth-hint')).resolves.toBe(`再获得 ${before.growthToNext} 成长值升级为 Lv${before.nextTier.level} ${before.nextTier.name}`)
    await expect(page.locator('.gc-tier').count()).resolves.toBe(before.tiers.length)
    if (before.celebrateTier) {
      // A tier reached since her last visit (the seed's first payment) is celebrated once.
      await expect(text('.gc-celebrate-title')).resolves.toBe(`恭喜升级为 Lv${before.celebrateTier.level} ${before.celebrateTier.name}`)
      await shot('01a-celebration')
      await page.locator('.gc-celebrate-ok').click()
      await open('/packages/growth/center/index')
      await page.locator('.gc-points').waitFor({ timeout: 15_000 })
      await page.waitForLoadState('networkidle')
      await expect(page.locator('.gc-celebrate').count()).resolves.toBe(0)
    }
    await shot('01-center')
  }, 30_000)

  it('the host grants her points from the growth console, and sees the rules page', async () => {
    await harness.loginAs('host')
    await page.locator('.me-host-entry').click()
    await page.locator('.host-entry[data-entry="growth"]').click()
    await page.locator('.hg-menu-item[data-entry="adjust"]').click()
    await page.locator('.hg-adjust-member', { hasText: '小美' }).click()
    await page.locator('.field-points input').fill(String(GRANT))
    await page.locator('.field-reason input').fill('线下活动奖励')
    await page.locator('.hg-adjust-submit').click()
    await expect(page.locator('.hg-adjust-done-row', { hasText: '小美' }).textContent({ timeout: 15_000 })).resolves.toContain(`+${points(GRANT)}`)

    await open('/packages/host-growth/rules/index')
    await page.locator('.hg-rule-checkinPosted').waitFor({ timeout: 15_000 })
    await expect(page.locator('.hg-rule-name').allTextContents()).resolves.toEqual(['打卡', '连续打卡奖励', '完成挑战', '被精选', '收到评论', '参加活动', '邀请激活', '首次付费', '打卡带来付费'])
    await shot('05-host-rules')
  }, 30_000)

  it('小美 sees the points rise and redeems a 补卡券; a retried tap after a lost answer redeems once', async () => {
    await harness.loginAs('xiaomei')
    const balance = before.points + GRANT
    await page.locator('.growth-entry-hint', { hasText: `${points(balance)} 积分` }).waitFor({ timeout: 15_000 })
    await page.locator('.growth-entry').click()
    await expect(text('.gc-points')).resolves.toBe(points(balance))

    await page.locator('.gc-entry', { hasText: '积分商城' }).click()
    await page.locator('.mall-card', { hasText: '补卡券' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.mall-card', { hasText: '一对一饮食点评' }).locator('.mall-tier-tag').textContent()).resolves.toBe('Lv3 专享')
    await expect(text('.mall-balance-points')).resolves.toBe(points(balance))
    await shot('02-mall')

    await page.locator('.mall-card', { hasText: '补卡券' }).click()
    await page.locator('.mall-sheet-redeem').click()
    const dialog = page.locator('.mall-confirm')
    await expect(dialog.textContent({ timeout: 15_000 })).resolves.toContain(`兑换后剩余${points(balance - 30)}`)
    await shot('03-redeem-confirm')

    // The server redeems, but the phone never hears back: the dialog offers a retry.
    const requestIds: string[] = []
    await page.route('**/fn/growth', async (route) => {
      const event = route.request().postDataJSON() as { action: string; requestId?: string }
      if (event.action !== 'redeem') return route.continue()
      requestIds.push(event.requestId ?? '')
      if (requestIds.length === 1) {
        await route.fetch()
        return route.abort('failed')
      }
      return route.continue()
    })
    await page.locator('.mall-confirm .confirm-dialog-ok').click()
    await page.locator('.mall-confirm .confirm-dialog-ok', { hasText: '重试' }).waitFor({ timeout: 15_000 })
    await page.locator('.mall-confirm .confirm-dialog-ok').click()
    await dialog.waitFor({ state: 'detached', timeout: 15_000 })
    await page.unroute('**/fn/growth')
    expect(requestIds).toHaveLength(2)
    expect(requestIds[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(requestIds[1]).toBe(requestIds[0])
    await page.locator('.mall-balance-points', { hasText: new RegExp(`^${points(balance - 30)}$`) }).waitFor({ timeout: 15_000 })
  }, 40_000)

  it('she redeems the 水杯 with an address, and 我的兑换 and the make-up cards show both', async () => {
    const balance = before.points + GRANT - 30
    await page.locator('.mall-card', { hasText: '社群定制运动水杯' }).click()
    // The address is asked for before anything is spent, with errors beside the fields.
    await page.locator('.mall-sheet-redeem').click()
    await expect(text('.mall-field-error')).resolves.toBe('请填写收货人')
    await page.locator('.mall-input-name input').fill('小美')
    await page.locator('.mall-input-phone input').fill('1380013')
    await page.locator('.mall-input-address textarea').fill('上海市徐汇区漕溪北路 100 号 2 栋 301')
    await page.locator('.mall-sheet-redeem').click()
    await expect(text('.mall-field-error')).resolves.toBe('请填写 11 位手机号')
    await page.locator('.mall-input-phone input').fill('13800138000')
    await page.locator('.mall-sheet-redeem').click()
    await expect(page.locator('.mall-confirm').textContent({ timeout: 15_000 })).resolves.toContain('寄往：小美 138****8000')
    await page.locator('.mall-confirm .confirm-dialog-ok').click()
    await page.locator('.mall-balance-points', { hasText: new RegExp(`^${points(balance - 300)}$`) }).waitFor({ timeout: 15_000 })

    // 每人限兑 1: the server refuses a second one and says why; nothing is spent.
    await page.locator('.mall-card', { hasText: '社群定制运动水杯' }).click()
    await page.locator('.mall-sheet-redeem').click()
    await page.locator('.mall-confirm .confirm-dialog-ok').click()
    // Taro's H5 toast fades in with a transition; what it says is what matters here.
    await page.locator('.taro__toast', { hasText: '每人最多兑换 1 次' }).waitFor({ state: 'attached', timeout: 15_000 })
    await page.locator('.mall-confirm').waitFor({ state: 'detached' })
    await expect(text('.mall-balance-points')).resolves.toBe(points(balance - 300))

    await page.locator('.mall-balance-link').click()
    await expect(page.locator('.rd-card', { hasText: '社群定制运动水杯' }).locator('.rd-status').textContent({ timeout: 15_000 })).resolves.toBe('待发货')
    await expect(page.locator('.rd-card', { hasText: '补卡券' }).locator('.rd-status').textContent()).resolves.toBe('已完成')
    // One 补卡券 for two taps.
    await expect(page.locator('.rd-card', { hasText: '补卡券' }).count()).resolves.toBe(1)
    await shot('06-redemptions')

    await open('/packages/growth/center/index')
    await expect(page.locator('.gc-stat', { hasText: '补卡券' }).locator('.gc-stat-value').textContent({ timeout: 15_000 })).resolves.toBe(`${before.makeupCards + 1} 张`)
    await expect(text('.gc-points')).resolves.toBe(points(balance - 300))

    await page.locator('.gc-entry', { hasText: '积分明细' }).click()
    await expect(page.locator('.ledger-row', { hasText: '兑换「补卡券」' }).locator('.ledger-points').textContent({ timeout: 15_000 })).resolves.toBe('−30')
    await expect(page.locator('.ledger-row', { hasText: '主理人调整：线下活动奖励' }).locator('.ledger-points').textContent()).resolves.toBe(`+${points(GRANT)}`)
    await shot('04-ledger')
  }, 40_000)

  it('the host ships the 水杯 and 小美 sees the tracking number', async () => {
    await harness.loginAs('host')
    await open('/packages/host-growth/shipping/index')
    const card = page.locator('.hg-ship-card', { hasText: '社群定制运动水杯' })
    await expect(card.textContent({ timeout: 15_000 })).resolves.toContain('小美 13800138000')
    await card.locator('.hg-ship-input input').fill(TRACKING)
    await card.locator('.hg-ship-button').click()
    await page.locator('.empty-state-title', { hasText: '没有待发货的兑换' }).waitFor({ timeout: 15_000 })
    await page.locator('.hg-tab', { hasText: '已发货' }).click()
    await expect(page.locator('.hg-ship-card', { hasText: '社群定制运动水杯' }).locator('.hg-ship-done-no').textContent({ timeout: 15_000 })).resolves.toBe(TRACKING)

    await harness.loginAs('xiaomei')
    await open('/packages/growth/redemptions/index')
    const mine = page.locator('.rd-card', { hasText: '社群定制运动水杯' })
    await expect(mine.locator('.rd-status').textContent({ timeout: 15_000 })).resolves.toBe('已发货')
    await expect(mine.locator('.rd-tracking-no').textContent()).resolves.toBe(TRACKING)
    await shot('07-shipped')

    // And the server agrees: one of each, spent once.
    const token = await harness.tokenFor('xiaomei')
    const redemptions = await harness.call<ListPage<RedemptionView>>(token, 'growth', { action: 'myRedemptions' })
    expect(redemptions.items.map((r) => r.itemName).sort()).toEqual(['社群定制运动水杯', '补卡券'].sort())
    const after = await harness.call<GrowthSummary>(token, 'growth', { action: 'summary' })
    expect(after.points).toBe(before.points + GRANT - 330)
  }, 40_000)

  it('积分明细 scrolls on past the first page (keyset next → after)', async () => {
    const member = await harness.call<ListPage<RedemptionView>>(await harness.tokenFor('xiaomei'), 'growth', { action: 'myRedemptions' })
    const hostToken = await harness.tokenFor('host')
    for (let i = 0; i < 20; i++) {
      await harness.call(hostToken, 'growth', {
        action: 'adjustPoints',
        memberOpenid: member.items[0].member.openid,
        points: 1,
        reason: `早起打卡奖励 ${i + 1}`,
        requestId: `adj-journey-${String(i).padStart(2, '0')}`
      })
    }
    await open('/packages/growth/ledger/index')
    await page.locator('.ledger-row').nth(19).waitFor({ timeout: 15_000 })
    await expect(page.locator('.ledger-row').count()).resolves.toBe(20)
    // Scroll like a thumb does (many small steps): the page asks for the next page near the bottom.
    const older = page.locator('.ledger-row', { hasText: '兑换「补卡券」' })
    for (let i = 0; i < 40 && (await older.count()) === 0; i++) {
      await page.mouse.wheel(0, 400)
      await page.waitForTimeout(80)
    }
    await older.waitFor({ timeout: 15_000 })
    expect(await page.locator('.ledger-row').count()).toBeGreaterThan(20)
  }, 30_000)

  it('the host layers members by segment: each tab lists only its own, filtered on the server', async () => {
    await harness.loginAs('host')
    await open('/packages/host-growth/segments/index')
    await page.locator('.hg-member').first().waitFor({ timeout: 15_000 })
    const everyone = await page.locator('.hg-member').count()
    expect(everyone).toBeGreaterThan(3)
    let shown = 0
    for (const [segment, label] of [
      ['kol', 'KOL'],
      ['core', '核心'],
      ['ordinary', '普通'],
      ['silent', '沉默']
    ]) {
      await harness.tap(`.hg-tab.tab-${segment}`)
      await page.locator(`.hg-tab.tab-${segment}.hg-tab-on`).waitFor({ timeout: 15_000 })
      await page.waitForLoadState('networkidle')
      // Settled on this tab: a list (every row tagged with it) or the empty state.
      await page.locator(`.hg-member .hg-segment-${segment}, .hg-segments .empty-state`).first().waitFor({ timeout: 15_000 })
      const tags = await page.locator('.hg-member .hg-member-segment').allTextContents()
      expect(tags.every((t) => t === label)).toBe(true)
      shown += tags.length
      if (segment === 'ordinary') await shot('08-host-segments-ordinary')
    }
    // Every member is in exactly one segment.
    expect(shown).toBe(everyone)
  }, 40_000)

  it('the host sells a coupon in the mall; 小美 redeems it and finds it in 我的卡券', async () => {
    const NAME = '活动立减券（积分兑）'
    await harness.loginAs('host')
    await open('/packages/host-growth/item-edit/index')
    await page.locator('.field-name input').waitFor({ timeout: 15_000 })
    await page.locator('.field-name input').fill(NAME)
    await harness.tap('.hg-chip.kind-coupon')
    // Saving without a coupon chosen says so beside the choice.
    await page.locator('.field-pricePoints input').fill('20')
    await page.locator('.field-stock input').fill('10')
    await page.locator('.hg-edit-save').click()
    await expect(text('.hg-coupon-choice .hg-row-error')).resolves.toBe('请选择兑换后发放的优惠券')
    await harness.tap('.coupon-choice', { hasText: '新人立减 20 元' })
    await shot('09-host-coupon-item')
    await page.locator('.hg-edit-save').click()
    // The save is under way once the tap lands; under load 'networkidle' can come before it starts: wait for the item itself.
    const hostToken = await harness.tokenFor('host')
    type Item = { id: string; name: string; kind: string; couponCampaignId: string | null }
    let saved: Item | undefined
    for (let tries = 0; !saved && tries < 40; tries++) {
      if (tries > 0) await page.waitForTimeout(250)
      saved = (await harness.call<ListPage<Item>>(hostToken, 'growth', { action: 'mallItems' })).items.find((i) => i.name === NAME)
    }
    expect(saved).toMatchObject({ kind: 'coupon', couponCampaignId: expect.any(String) })

    await harness.loginAs('xiaomei')
    await open('/packages/growth/mall/index')
    await page.locator('.mall-card', { hasText: NAME }).click()
    await expect(text('.mall-sheet-note')).resolves.toContain('我的卡券')
    await page.locator('.mall-sheet-redeem').click()
    await page.locator('.mall-confirm .confirm-dialog-ok').click()
    await page.locator('.mall-confirm').waitFor({ state: 'detached', timeout: 15_000 })
    await open('/packages/growth/redemptions/index')
    await harness.tap('.rd-note-coupon')
    await page.locator('.cp-coupon', { hasText: '新人立减 20 元' }).first().waitFor({ timeout: 15_000 })
    await shot('10-coupon-redeemed')
  }, 60_000)
})
