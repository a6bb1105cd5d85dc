// Browser journey for 送 gifts, in the H5 build on the dev host: the host sets
// the invite welcome gift (补签卡 ×2) on 礼品卡与邀请礼; 小美 buys a 月卡 gift
// card from 我的 → 礼品卡 → 送会员礼品卡, pays on the sandbox's 模拟支付 page,
// opens the card from the order page (待领取, share and poster); a friend opens
// the claim link in a fresh browser, logs in as a new WeChat user, taps 立即领取
// and is a member of the circle; 小美 sees 已被 X 领取; a newcomer who joins
// through 小美's invite link finds the welcome gift in 我的 → 礼品卡; the host
// sees the measures and the log.
// Screenshots: test/artifacts/gift-*.png and /work/notes/shots/gift-*.png.
import { describeJourney } from './journey'
import type { InviteInfo } from '../../types/leaderboard'
import type { MembershipView } from '../../types/membership'

const FRIEND = 'gift-friend'
const NEWCOMER = 'gift-newcomer'

describeJourney('gifts: a member gives a membership card, a friend claims it; an invited newcomer gets the welcome gift', { prefix: 'gift' }, ({ harness, page, shot, openHostTool, payOnSandbox }) => {
  let cardId = ''

  /** A WeChat user the app has never seen: a fresh browser on `path`, sent to log in first, then back to `path`. */
  const arriveAsNew = async (name: string, path: string) => {
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${harness.url}/#${path}`)
    await page.reload()
    const input = page.locator('.dev-login-input input >> visible=true').last()
    await input.waitFor({ timeout: 15_000 })
    await input.fill(name)
    await page.locator('.dev-login-go >> visible=true').last().click()
  }

  it('the host sets the welcome gift: 补签卡 ×2 for whoever joins through an invite', async () => {
    await openHostTool('礼品卡与邀请礼', '.hg-welcome')
    await expect(page.locator('.hg-current').textContent()).resolves.toBe('当前：未设置')
    await harness.tap('.hg-type .segmented-item', { hasText: '补签卡' })
    await page.locator('.hg-count input').fill('2')
    await harness.tap('.hg-save')
    await page.locator('.hg-current', { hasText: '当前：补签卡 ×2' }).waitFor({ timeout: 15_000 })
    await shot('01-host-welcome')
  }, 90_000)

  it('小美 buys a 月卡 gift card and pays at the sandbox pay page', async () => {
    await harness.loginAs('xiaomei')
    await harness.tap('.me-gift-entry')
    await harness.tap('.gift-buy-entry')
    await harness.tap('.gift-plan-option', { hasText: '减脂私教营·月卡' })
    await page.locator('.gift-message-input input').fill('一起瘦下来！')
    await shot('02-buy')
    await harness.tap('.gift-pay', { hasText: '去支付 ¥99.00' })
    await payOnSandbox()
    await shot('03-paid')
    await harness.tap('.order-hero-open', { hasText: '查看' })
    await page.waitForURL(/packages\/gift\/card\/index\?id=/, { timeout: 15_000 })
    cardId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(cardId).not.toBe('')
    await page.locator('.gift-share', { hasText: '分享给好友' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.play-head .tag').textContent()).resolves.toBe('待领取')
    await expect(page.locator('.gift-hero-message').textContent()).resolves.toBe('“一起瘦下来！”')
    await shot('04-card-to-share')
  }, 120_000)

  it('her poster is drawn for the card', async () => {
    await harness.tap('.gift-poster-button')
    const image = page.locator('.gift-poster-image img')
    await image.waitFor({ timeout: 15_000 })
    await expect(image.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/)
    await shot('05-poster')
  }, 60_000)

  it('she cannot claim her own card', async () => {
    const token = await harness.tokenFor('xiaomei')
    await expect(harness.call(token, 'gifts', { action: 'claimGiftCard', cardId })).rejects.toThrow('不能领取自己送出的礼品卡')
  })

  it('a friend opens the claim link as a new WeChat user, claims it and is a member', async () => {
    await arriveAsNew(FRIEND, `/packages/gift/card/index?id=${cardId}`)
    const claim = page.locator('.gift-claim', { hasText: '立即领取' })
    await claim.waitFor({ timeout: 15_000 })
    await expect(page.locator('.gift-hero-from').textContent()).resolves.toMatch(/送你一份心意$/)
    await shot('06-friend-opens')
    await harness.tap('.gift-claim')
    await page.locator('.gift-standing-line', { hasText: '你已领取，会员已生效' }).waitFor({ timeout: 15_000 })
    await shot('07-friend-claimed')
    const memberships = await harness.call<MembershipView[]>(await harness.tokenFor(FRIEND), 'membership', { action: 'myMemberships' })
    expect(JSON.stringify(memberships)).toContain('减脂私教营')
    expect(memberships.some((m) => JSON.stringify(m).includes('"active"'))).toBe(true)
  }, 90_000)

  it('小美 sees the card 已被领取 in 我的礼品卡', async () => {
    await harness.loginAs('xiaomei')
    await harness.tap('.me-gift-entry')
    const card = page.locator('.gift-card', { hasText: '减脂私教营·月卡' })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.tag').textContent()).resolves.toMatch(/^已被 .+ 领取$/)
    await shot('08-buyer-list')
  }, 60_000)

  it('a newcomer joins through 小美’s invite link and finds the welcome gift', async () => {
    const invite = await harness.call<InviteInfo>(await harness.tokenFor('xiaomei'), 'leaderboard', { action: 'myInvite' })
    await arriveAsNew(NEWCOMER, `/pages/feed/index?invite=${invite.code}`)
    await page.locator('.feed-page').waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    await expect(page.evaluate(() => localStorage.getItem('pendingInviteCode'))).resolves.toBeNull()
    await harness.open('/pages/me/index')
    await harness.tap('.me-gift-entry')
    const welcome = page.locator('.gift-welcome')
    await welcome.waitFor({ timeout: 15_000 })
    await expect(welcome.textContent()).resolves.toContain('补签卡 ×2')
    await expect(welcome.textContent()).resolves.toContain('邀请你加入')
    await shot('09-welcome-gift')
  }, 90_000)

  it('the host sees the measures and the log', async () => {
    await harness.loginAs('host')
    await harness.open('/packages/host-gift/index/index')
    const value = (label: string) => page.locator(`.pa-measure[data-measure="${label}"] .pa-measure-value`).textContent()
    await page.locator('.pa-measures').waitFor({ timeout: 15_000 })
    await expect(value('售出')).resolves.toBe('1')
    await expect(value('已领取')).resolves.toBe('1')
    await expect(value('收入')).resolves.toBe('¥99.00')
    await expect(value('带来新成员')).resolves.toBe('1')
    await expect(value('欢迎礼发放')).resolves.toBe('1')
    await page.locator('.pa-log-row', { hasText: '试图领取自己送出的礼品卡' }).waitFor({ timeout: 15_000 })
    await shot('10-host-measures')
    await harness.tap('.hg-source .segmented-item', { hasText: '欢迎礼记录' })
    await page.locator('.pa-log-row', { hasText: '补签卡 ×2' }).waitFor({ timeout: 15_000 })
    await shot('11-host-welcome-log')
  }, 90_000)
})
