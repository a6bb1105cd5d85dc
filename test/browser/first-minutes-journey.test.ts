// Browser journey for a member's first minutes (issue 13, items 15, 17 and 18),
// in the H5 build on the dev host at phone size:
// - a brand-new member (成员ie01, a letter avatar) is asked for a nickname and
//   avatar before their first check-in posts; the check-in and the feed carry
//   the new name, and the next check-in does not ask again;
// - a member who skips (here before a first comment) is not asked again, even
//   from a fresh document with cleared storage (another phone);
// - long check-ins are cut in lists with 全文 / 收起, short ones are not;
// - a deep link opened with no session lands on its page after the login;
// - 我的成长 shows 成长值 once, and 加入圈子 promises no 直播答疑.
// Screenshots go to test/artifacts/first-minutes-*.png.
import type { EventView } from '../../types/events'
import type { MemberProfile } from '../../types/member'
import type { Page as ListPage } from '../../types/page'
import { describeJourney } from './journey'
import { makePng } from './png'

const RUN = '晨跑打卡·新人周'
const WATER = '每天八杯水'
const NICKNAME = '晨跑的阿青'
const LONG_POST = [
  '第一次打卡，写长一点记录一下今天的感受。',
  '早上六点出门，沿着河边跑了五公里，前两公里有点喘，后面慢慢找到节奏，配速稳定在六分半左右。',
  '路上遇到好几位同样在晨跑的人，互相点头打招呼，感觉一下子就有了动力。',
  '回家以后拉伸了十五分钟，吃了一个鸡蛋、一杯豆浆和半根玉米，没有再吃油条。',
  '希望能坚持满二十一天，到时候再来看看自己的变化，也谢谢群里的伙伴们每天互相提醒！'
].join('\n')
const SHORT_POST = '今天喝够了八杯水'

describeJourney("a member's first minutes in the H5 build", { prefix: 'first-minutes' }, ({ harness, page, shot, createChallenge }) => {
  const challengeIds: Record<string, string> = {}

  beforeAll(async () => {
    for (const title of [RUN, WATER]) challengeIds[title] = (await createChallenge({ title, description: '新人也能轻松完成的小挑战。' })).id
  }, 180_000)

  const me = async (persona: string) => harness.call<MemberProfile>(await harness.tokenFor(persona), 'member', { action: 'me' })

  /** Opens the challenge, joins it and opens today's composer with the text filled in. */
  const composeIn = async (title: string, text: string) => {
    await harness.open(`/packages/challenge/detail/index?id=${challengeIds[title]}`)
    await page.locator('.detail-title', { hasText: title }).waitFor({ timeout: 15_000 })
    await harness.tap('.detail-action-main', { hasText: '加入挑战' })
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
    await harness.tap('.detail-action-main')
    const box = page.locator('.compose-textarea textarea')
    await box.waitFor({ timeout: 15_000 })
    await box.fill(text)
  }

  it("a brand-new member's first check-in asks for a nickname and avatar; it posts under the new name; the second check-in does not ask", async () => {
    await harness.loginNew('newbie01')
    await expect(page.locator('.me-nickname').textContent()).resolves.toBe('成员ie01')

    await composeIn(RUN, LONG_POST)
    await harness.tap('.compose-submit')
    // The check-in waits: the prompt asks first, naming what others would see now.
    const prompt = page.locator('.profile-prompt')
    await prompt.waitFor({ timeout: 15_000 })
    await expect(page.locator('.profile-prompt-desc').textContent()).resolves.toContain('成员ie01')
    await expect(page.locator('.profile-prompt-save').textContent()).resolves.toBe('保存并打卡')
    await expect(page.locator('.profile-prompt-skip').textContent()).resolves.toBe('跳过，直接打卡')
    await shot('01-prompt')
    // Nothing was posted while the prompt is up.
    await expect(harness.call<ListPage<unknown>>(await harness.tokenFor('newbie01'), 'checkin', { action: 'feed', scope: 'member', authorOpenid: 'dev_newbie01' })).resolves.toMatchObject({
      items: []
    })

    await page.locator('.profile-prompt .nickname-field-input input').fill(NICKNAME)
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.profile-prompt .avatar-picker-button').click()
    await (await chooser).setFiles({ name: 'me.png', mimeType: 'image/png', buffer: makePng(160) })
    await page.locator('.profile-prompt .avatar-picker-done').waitFor({ timeout: 15_000 })
    await shot('02-prompt-filled')
    await harness.tap('.profile-prompt-save')

    // Saved, then posted: the composer goes back to the challenge.
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
    await expect(me('newbie01')).resolves.toMatchObject({ nickname: NICKNAME, askProfile: false })

    await harness.open('/pages/feed/index')
    const mine = page.locator('.feed-page .checkin-card', { hasText: '第一次打卡' }).first()
    await expect(mine.locator('.checkin-card-name').textContent({ timeout: 15_000 })).resolves.toBe(NICKNAME)
    // The avatar is the picture they chose, not a letter.
    await expect(mine.locator('.checkin-card-head .avatar-placeholder').count()).resolves.toBe(0)
    await shot('03-feed-new-name')

    // A second check-in (another challenge, same day): posted at once, nothing asked.
    await composeIn(WATER, SHORT_POST)
    await harness.tap('.compose-submit')
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })
    await expect(page.locator('.profile-prompt').count()).resolves.toBe(0)
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
  }, 90_000)

  it('a member who skips before a first comment is not asked again, even on another phone', async () => {
    await harness.loginNew('newbie02')
    await harness.open('/pages/feed/index')
    const card = page.locator('.feed-page .checkin-card', { hasText: '第一次打卡' }).first()
    await card.waitFor({ timeout: 15_000 })
    const checkinId = (await card.getAttribute('data-id')) ?? ''
    await harness.open(`/packages/challenge/checkin/index?id=${checkinId}`)

    const input = page.locator('.comment-bar-input input')
    await input.waitFor({ timeout: 15_000 })
    await input.fill('欢迎新朋友，一起坚持！')
    await harness.tap('.comment-bar-send')
    await page.locator('.profile-prompt').waitFor({ timeout: 15_000 })
    await expect(page.locator('.profile-prompt-save').textContent()).resolves.toBe('保存并评论')
    await harness.tap('.profile-prompt-skip')
    // Skipped: the comment is sent under the name they have.
    const sent = page.locator('.comment', { hasText: '欢迎新朋友' })
    await sent.waitFor({ timeout: 15_000 })
    await expect(sent.textContent()).resolves.toContain('成员ie02')
    await expect(page.locator('.profile-prompt').count()).resolves.toBe(0)
    await expect(me('newbie02')).resolves.toMatchObject({ nickname: '成员ie02', askProfile: false })

    // Another phone: a fresh document with cleared storage knows only what the server says.
    await harness.loginNew('newbie02')
    await harness.open(`/packages/challenge/checkin/index?id=${checkinId}`)
    await page.locator('.comment-bar-input input').waitFor({ timeout: 15_000 })
    await page.locator('.comment-bar-input input').fill('明天我也来打卡')
    await harness.tap('.comment-bar-send')
    await page.locator('.comment', { hasText: '明天我也来打卡' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.profile-prompt').count()).resolves.toBe(0)
  }, 60_000)

  it('a long check-in is cut in the feed with 全文, which opens it in place; 收起 cuts it again; a short one has neither', async () => {
    await harness.open('/pages/feed/index')
    const long = page.locator('.feed-page .checkin-card', { hasText: '第一次打卡' }).first()
    const text = long.locator('.checkin-card-text')
    await text.waitFor({ timeout: 15_000 })
    const cut = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 2)
    await expect(cut()).resolves.toBe(true)
    await expect(long.locator('.checkin-card-more').textContent()).resolves.toBe('全文')
    await long.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('04-feed-long-cut')

    await harness.tap(`.feed-page .checkin-card[data-id="${await long.getAttribute('data-id')}"] .checkin-card-more`)
    await expect(long.locator('.checkin-card-more').textContent()).resolves.toBe('收起')
    await expect(cut()).resolves.toBe(false)
    // Opened in place: still the feed, not the check-in's page.
    expect(page.url()).toContain('/pages/feed/index')
    await long.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('05-feed-long-open')

    await long.locator('.checkin-card-more').click()
    await expect(long.locator('.checkin-card-more').textContent()).resolves.toBe('全文')
    await expect(cut()).resolves.toBe(true)

    const short = page.locator('.feed-page .checkin-card', { hasText: SHORT_POST }).first()
    await short.waitFor()
    await expect(short.locator('.checkin-card-more').count()).resolves.toBe(0)
    await expect(short.locator('.checkin-card-text').evaluate((el) => el.scrollHeight > el.clientHeight + 2)).resolves.toBe(false)
  }, 40_000)

  it('a deep link opened with no session lands on its page after the login: an event, then a challenge', async () => {
    const events = await harness.call<ListPage<EventView>>(await harness.tokenFor('xiaomei'), 'events', { action: 'listEvents', when: 'upcoming' })
    const event = events.items[0]
    expect(event).toBeDefined()

    await page.evaluate(() => localStorage.clear())
    await page.goto(`${harness.url}/?link=1#/packages/events/detail/index?id=${encodeURIComponent(event.id)}`)
    const xiaomei = page.locator('.dev-login-persona', { hasText: '小美' })
    await xiaomei.waitFor({ timeout: 15_000 })
    await shot('06-deep-link-login')
    await xiaomei.click()
    await page.locator('.ev-detail-title', { hasText: event.title }).waitFor({ timeout: 15_000 })
    expect(page.url()).toContain(`#/packages/events/detail/index?id=${encodeURIComponent(event.id)}`)
    await expect(page.locator('.me-nickname:visible').count()).resolves.toBe(0)
    await shot('07-deep-link-event')

    // A brand-new member typing a name, to a challenge.
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${harness.url}/?link=2#/packages/challenge/detail/index?id=${challengeIds[RUN]}`)
    const name = page.locator('.dev-login-input input')
    await name.waitFor({ timeout: 15_000 })
    await name.fill('linkvisitor')
    await page.locator('.dev-login-go').click()
    await page.locator('.detail-title', { hasText: RUN }).waitFor({ timeout: 15_000 })
    expect(page.url()).toContain(`#/packages/challenge/detail/index?id=${challengeIds[RUN]}`)
  }, 40_000)

  it('我的成长 shows 成长值 once, beside the level it leads to', async () => {
    await harness.loginAs('xiaomei')
    await harness.open('/packages/growth/center/index')
    await page.locator('.gc-points').waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    // 小美's seeded points may have just lifted her a level: the one-time celebration comes first.
    if (await page.locator('.gc-celebrate-ok').count()) await page.locator('.gc-celebrate-ok').click()
    // The member's own 成长值, in the hero beside the progress to the next level; the stats card does not repeat it.
    await expect(
      page
        .locator('.gc-hero, .gc-stats')
        .getByText(/^成长值/)
        .count()
    ).resolves.toBe(1)
    await expect(page.locator('.gc-growth-row').textContent()).resolves.toMatch(/^成长值 [\d,]+/)
    await expect(page.locator('.gc-stat', { hasText: '成长值' }).count()).resolves.toBe(0)
    await expect(page.locator('.gc-stat-label').allTextContents()).resolves.toEqual(['补卡券', '30 天内过期'])
    await shot('08-growth-center')
  }, 30_000)

  it('加入圈子 promises only what exists: no 直播答疑', async () => {
    await harness.open('/packages/membership/circles/index')
    const intro = page.locator('.circles-desc')
    await intro.waitFor({ timeout: 15_000 })
    await expect(intro.textContent()).resolves.toBe('会员专属的挑战和活动，和同伴一起坚持')
    await expect(page.locator('.circles-intro').textContent()).resolves.not.toContain('直播')
    await shot('09-circles')
  }, 30_000)
})
