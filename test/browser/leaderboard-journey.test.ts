// Browser journey for leaderboards and referral, in the H5 build on the dev host:
// 小美 opens 我的邀请 and copies her link → a brand-new member arrives through it
// (before logging in: the code survives the dev login) and posts a first check-in
// in the seeded 21 天减脂打卡 → 小美 sees them under 我的邀请 as 已激活 with the
// reward → both are on this week's board (周榜), with 我的排名 at the bottom →
// the running 冲刺邀请赛 (set up through the API, 1st place also wins a
// prize-only free event ticket) has 小美 on its podium with the ticket named →
// the host creates an invite contest choosing that ticket for 1st place in the
// form, and board rewards; a member opens its board.
import type { CampaignView } from '../../types/coupons'
import type { BoardView, ContestView, InviteInfo } from '../../types/leaderboard'
import type { Page as ListPage } from '../../types/page'
import type { MemberProfile } from '../../types/member'
import { describeJourney } from './journey'

const NEWBIE = 'newbie01'
const CHALLENGE = '21 天减脂打卡'
const POST = '第一天打卡：早餐燕麦加鸡蛋，晚饭后快走 40 分钟。'
const PRIZE = '冠军奖·免费活动票'
const SPRINT = '冲刺邀请赛'
const DAY_MS = 24 * 3600_000

describeJourney('leaderboards and referral in the H5 build', { prefix: 'leaderboard' }, ({ harness, page, shot }) => {
  let code = ''
  let inviteHash = ''
  /** The new member's nickname, as the server named them. */
  let newbie = ''
  /** The prize-only free ticket campaign and the contest already running when the newcomer arrives. */
  let prizeId = ''
  let sprintId = ''

  const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })
  const choose = (trigger: string, option: string) => harness.choose(trigger, option)

  it('小美 opens 我的邀请 and copies her share link', async () => {
    // Set up through the API: a prize-only free ticket, and a contest already running that gives it to 1st place.
    const hostToken = await harness.tokenFor('host')
    const now = harness.now()
    prizeId = (
      await harness.call<CampaignView>(hostToken, 'rewards', {
        action: 'createCampaign',
        name: PRIZE,
        kind: 'freeTicket',
        amountOffFen: 0,
        percentOff: 0,
        minSpendFen: 0,
        validFrom: now - DAY_MS,
        validTo: now + 60 * DAY_MS,
        appliesTo: ['event'],
        stock: 3,
        channel: 'reward',
        eventId: null
      })
    ).id
    sprintId = (
      await harness.call<ContestView>(hostToken, 'leaderboard', {
        action: 'createContest',
        title: SPRINT,
        startAt: now - DAY_MS,
        endAt: now + 7 * DAY_MS,
        prizes: [
          { points: 200, couponCampaignId: prizeId },
          { points: 100, couponCampaignId: null },
          { points: 0, couponCampaignId: null }
        ]
      })
    ).id

    await harness.loginAs('xiaomei')
    await page.locator('.me-invite-entry').click()
    code = ((await text('.iv-poster-code-value')) ?? '').trim()
    expect(code).toMatch(/^[A-Za-z0-9]{1,32}$/)
    await page.locator('.iv-poster-qr img').waitFor({ timeout: 15_000 })
    // The poster carries her own check-in as the testimonial (the seed gives her photos).
    const mine = await harness.call<InviteInfo>(await harness.tokenFor('xiaomei'), 'leaderboard', { action: 'myInvite' })
    expect(mine.poster).not.toBeNull()
    await page.locator('.iv-story-photo img').waitFor({ timeout: 15_000 })
    await expect(text('.iv-story-quote')).resolves.toBe(`“${mine.poster!.quote}”`)
    await page.locator('.iv-copy').click()
    // Taro's H5 clipboard keeps what it copied in storage beside the real clipboard.
    const copied = await page.evaluate(() => {
      const raw = localStorage.getItem('taro_clipboard')
      return raw ? (JSON.parse(raw) as { data: string }).data : ''
    })
    const url = new URL(copied)
    inviteHash = url.hash
    expect(inviteHash).toBe(`#/pages/feed/index?invite=${code}`)
    // The same link the server hands out.
    const info = await harness.call<InviteInfo>(await harness.tokenFor('xiaomei'), 'leaderboard', { action: 'myInvite' })
    expect(info.shareUrl).toBe(copied)
  }, 40_000)

  it('a new member arrives through the link, logs in and posts a first check-in', async () => {
    // A fresh browser with no session opens the shared link: the app sends them to log in first.
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${harness.url}/${inviteHash}`)
    await page.reload()
    // Without a session the app starts on the login page, the link's query kept in its address, and the link's page to return to.
    await page.locator('.dev-login-persona').first().waitFor({ timeout: 15_000 })
    expect(new URL(page.url()).hash).toBe(`#/packages/account/dev-login/index?invite=${code}&redirect=${encodeURIComponent(`/pages/feed/index?invite=${code}`)}`)
    const input = page.locator('.dev-login-input input >> visible=true').last()
    await input.waitFor({ timeout: 15_000 })
    // The code was kept from the link while the app sent them to log in.
    await expect(page.evaluate(() => localStorage.getItem('pendingInviteCode'))).resolves.toContain(code)
    await input.fill(NEWBIE)
    await page.locator('.dev-login-go >> visible=true').last().click()
    // Signed in, they land where the link pointed: the feed.
    await page.locator('.feed-page').waitFor({ timeout: 15_000 })
    // member.me carried the code once; nothing is left pending.
    await page.waitForLoadState('networkidle')
    await expect(page.evaluate(() => localStorage.getItem('pendingInviteCode'))).resolves.toBeNull()

    await page.goto(`${harness.url}/#/pages/challenges/index`)
    await page.reload()
    // Taps wait for the page to stop sliding in and the button to stay put (a click during the transition lands on nothing).
    await harness.tap('.challenge-card', { hasText: CHALLENGE })
    await harness.tap('.detail-action-main', { hasText: '加入挑战' })
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
    await harness.tap('.detail-action-main', { hasText: '今日打卡' })
    const textarea = page.locator('.compose-textarea textarea')
    await textarea.waitFor({ timeout: 15_000 })
    await textarea.fill(POST)
    await harness.tap('.compose-submit')
    // A first check-in asks for a nickname and avatar once (first-minutes-journey covers it): skipped here.
    await harness.tap('.profile-prompt-skip')
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
    newbie = (await harness.call<MemberProfile>(await harness.tokenFor(NEWBIE), 'member', { action: 'me' })).nickname

    // A minute later the timer has applied the check-in to points and moved the boards.
    await harness.cron()
    // They look at 周榜 and find themselves there.
    await page.goto(`${harness.url}/#/pages/me/index`)
    await page.reload()
    await page.locator('.me-boards-entry').click()
    await page.locator('.lb-mine-rank').waitFor({ timeout: 15_000 })
    await expect(text('.lb-mine-score')).resolves.toMatch(/^[1-9]\d* 积分$/)
    await page.locator('.lb-row-mine, .lb-podium-mine').first().waitFor()
  }, 50_000)

  it('小美 sees the new member under 我的邀请 as 已激活 with the reward', async () => {
    await harness.loginAs('xiaomei')
    await page.locator('.me-invite-entry').click()
    const invitee = page.locator('.iv-invitee', { hasText: newbie })
    await invitee.waitFor({ timeout: 15_000 })
    await expect(invitee.locator('.iv-status').textContent()).resolves.toBe('已激活')
    const reward = (await invitee.locator('.iv-invitee-reward').textContent()) ?? ''
    expect(reward).toMatch(/^\+\d+ 积分$/)
    const points = Number(reward.replace(/\D/g, ''))
    expect(points).toBeGreaterThan(0)
    await expect(text('.iv-stat-invited .iv-stat-value')).resolves.toBe('1')
    await expect(text('.iv-stat-activated .iv-stat-value')).resolves.toBe('1')
    await expect(text('.iv-stat-points .iv-stat-value')).resolves.toBe(String(points))
    await page.waitForLoadState('networkidle')
    await shot('02-invite')
  }, 40_000)

  it("both are on this week's board, with 我的排名 at the bottom", async () => {
    await page.goto(`${harness.url}/#/pages/me/index`)
    await page.reload()
    await page.locator('.me-boards-entry').click()
    await page.locator('.segmented-item-active', { hasText: '周榜' }).waitFor({ timeout: 15_000 })
    await page.locator('.lb-title').waitFor({ timeout: 15_000 })
    const board = await harness.call<BoardView>(await harness.tokenFor('xiaomei'), 'leaderboard', { action: 'board', kind: 'pointsWeek' })
    const names = board.entries.map((e) => e.nickname)
    expect(names).toEqual(expect.arrayContaining([newbie, '小美']))
    // What the page shows is what the server ranked: podium and list together.
    const shown = await page.locator('.lb-podium-name, .lb-row-name').allTextContents()
    expect(shown.sort()).toEqual([...names].sort())
    const mine = board.me!
    expect(mine).not.toBeNull()
    await expect(text('.lb-mine-rank')).resolves.toBe(`第 ${mine.rank} 名`)
    await expect(text('.lb-mine-score')).resolves.toBe(`${mine.score} 积分`)
    await page.waitForLoadState('networkidle')
    await shot('01-board')

    // 新人榜 (first 30 days) has the newcomer; 我的排名 follows that board too.
    await page.locator('.lb-newcomers').click()
    await page.locator('.lb-title', { hasText: '新人周榜' }).waitFor({ timeout: 15_000 })
    await page.locator('.lb-podium-name, .lb-row-name', { hasText: newbie }).waitFor({ timeout: 15_000 })
    const newcomers = await harness.call<BoardView>(await harness.tokenFor('xiaomei'), 'leaderboard', { action: 'board', kind: 'pointsWeek', newcomers: true })
    await expect(text(newcomers.me ? '.lb-mine-rank' : '.lb-mine-none')).resolves.toBe(newcomers.me ? `第 ${newcomers.me.rank} 名` : '暂未上榜')
    // 上期 shows whether that week was settled.
    await page.locator('.lb-newcomers').click()
    await page.locator('.lb-period-previous').click()
    await page.locator('.lb-settled').waitFor({ timeout: 15_000 })
  }, 40_000)

  it("the running contest's board names the prize ticket beside the points, on the podium too", async () => {
    // The activated invite is a fact of its own (recorded when the newbie's check-in was applied): the next timer run moves the contest board.
    await harness.cron()
    await harness.open(`/packages/leaderboard/boards/index?kind=contestInvites&contestId=${encodeURIComponent(sprintId)}&title=${encodeURIComponent(SPRINT)}`)
    await page.locator('.lb-title', { hasText: SPRINT }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.lb-reward').allTextContents()).resolves.toEqual([`第 1 名 +200 积分 + ${PRIZE}`, '第 2 名 +100 积分'])
    // 小美's activated invite puts her first, with the points and the ticket she would win.
    const winner = page.locator('.lb-podium-1')
    await expect(winner.locator('.lb-podium-name').textContent()).resolves.toBe('小美')
    await expect(winner.locator('.lb-podium-reward').textContent()).resolves.toBe('+200 积分')
    await expect(winner.locator('.lb-podium-coupon').textContent()).resolves.toBe(`+ ${PRIZE}`)
    await page.waitForLoadState('networkidle')
    await shot('08-contest-podium')
  }, 30_000)

  it('the host creates an invite contest and sets board rewards; members see the contest and its board', async () => {
    const hostToken = await harness.tokenFor('host')
    await harness.loginAs('host')
    await page.locator('.me-host-entry').click()
    await page.locator('.host-entry[data-entry="leaderboard"]').click()
    const title = page.locator('.hlb-title-input input')
    await title.waitFor({ timeout: 15_000 })
    await title.fill('12 月邀请赛')
    await expect(page.locator('.hlb-prize-coupon-name').allTextContents()).resolves.toEqual(['不送券', '不送券', '不送券'])
    await choose('.hlb-prize-place-1 .hlb-prize-coupon', PRIZE)
    await expect(text('.hlb-prize-place-1 .hlb-prize-coupon-name')).resolves.toBe(PRIZE)
    await page.locator('.hlb-contest-form').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('05-host-contest-prize')
    await page.locator('.hlb-create').click()
    const card = page.locator('.ct-card', { hasText: '12 月邀请赛' })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.ct-phase').textContent()).resolves.toBe('未开始')
    await expect(card.locator('.ct-prize-points').allTextContents()).resolves.toEqual(['+500', '+300', '+100'])
    await expect(card.locator('.ct-prize-1 .ct-prize-coupon-name').textContent()).resolves.toBe(PRIZE)
    await expect(card.locator('.ct-prize-coupon').count()).resolves.toBe(1)
    // The form starts over with no coupon chosen.
    await expect(page.locator('.hlb-prize-coupon-name').allTextContents()).resolves.toEqual(['不送券', '不送券', '不送券'])
    const contests = await harness.call<ListPage<ContestView>>(hostToken, 'leaderboard', { action: 'contests' })
    expect(contests.items.find((c) => c.title === '12 月邀请赛')?.prizes).toEqual([
      { points: 500, couponCampaignId: prizeId, couponName: PRIZE, couponKind: 'freeTicket' },
      { points: 300, couponCampaignId: null, couponName: null, couponKind: null },
      { points: 100, couponCampaignId: null, couponName: null, couponKind: null }
    ])
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('06-host-contest-card')

    // Weekly rewards: one more place, saved and read back.
    const places = page.locator('.hlb-places-weekly .hlb-place-input input')
    const before = await places.count()
    await page.locator('.hlb-places-weekly .hlb-place-add').click()
    // Fill the new row only once it is rendered (filling "last" too early edits the 3rd place).
    for (let i = 0; i < 50 && (await places.count()) === before; i++) await page.waitForTimeout(100)
    await places.nth(before).fill('10')
    await page.locator('.hlb-save-rewards').click()
    let rewards: number[] = []
    for (let i = 0; i < 50 && rewards.length !== 4; i++) {
      await page.waitForTimeout(100)
      rewards = (await harness.call<BoardView>(hostToken, 'leaderboard', { action: 'board', kind: 'pointsWeek' })).rewards
    }
    expect(rewards).toEqual([100, 60, 30, 10])
    await expect(page.locator('.hlb-places-weekly .hlb-place-input input').last().inputValue()).resolves.toBe('10')
    // Let the 已保存 toast go before the screenshot.
    await page.waitForTimeout(1600)
    await page.locator('.hlb-places-weekly').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('03-host')

    await harness.loginAs('dawei')
    await page.goto(`${harness.url}/#/packages/leaderboard/contests/index`)
    await page.reload()
    await page.locator('.ct-card', { hasText: '12 月邀请赛' }).locator('.ct-prize-coupon', { hasText: PRIZE }).waitFor({ timeout: 15_000 })
    await shot('07-contests')
    await page.locator('.ct-card', { hasText: '12 月邀请赛' }).click()
    await page.locator('.lb-title', { hasText: '12 月邀请赛' }).waitFor({ timeout: 15_000 })
    await page.locator('.empty-state-title', { hasText: '榜单还空着' }).waitFor()
    await expect(page.locator('.lb-reward').allTextContents()).resolves.toEqual([`第 1 名 +500 积分 + ${PRIZE}`, '第 2 名 +300 积分', '第 3 名 +100 积分'])
    await expect(text('.lb-mine-none')).resolves.toBe('暂未上榜')
    await shot('04-contest-board')
  }, 40_000)
})
