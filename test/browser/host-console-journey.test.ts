// Browser journey for the host's operating layer, in the H5 build on the dev
// host (issue 15's walk): the owner opens the console and its numbers match the
// seeded community recounted from the store → filters members to 沉默, tags two,
// opens one member's page and adds a note → starts a recall campaign to 沉默 with
// a coupon and a 10 % holdout → a silent member opens 消息, claims the coupon and
// checks in → a day later the campaign shows one returned member against the
// holdout → the owner exports members and the CSV has the right rows → a
// moderator added by link hides a check-in and is refused a refund.
import { describeJourney } from './journey'
import { HOST_EXPORTS_PAGE, HOST_MEMBERS_PAGE, HOST_RECALL_PAGE } from '../../src/services/routes'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { CHECKINS } from '../../cloudfunctions/domain/checkin/checkin'
import { RECALL_TARGETS, type RecallTargetDoc } from '../../cloudfunctions/domain/recall/campaigns'
import { startOfChinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import type { DashboardView } from '../../types/console'
import { parseCsv } from '../exports/parse-csv'

const CHALLENGE = '21 天减脂打卡'
const QUIET = ['quiet01', 'quiet02', 'quiet03', 'quiet04', 'quiet05', 'quiet06']
const TAG = '待召回'
const NOTE = '上月出差，约好下周回来打卡'
const DAY = 24 * 3600_000

describeJourney("the host's operating layer in the H5 build", { prefix: 'host-console' }, ({ harness, page, shot }) => {
  let returner = ''
  let returnerName = ''
  let quietNames: string[] = []

  const text = async (selector: string) => ((await page.locator(selector).first().textContent({ timeout: 15_000 })) ?? '').trim()
  /** Signs in by typing a persona name on the dev login page (a member the seed does not have). */
  const loginTyped = async (persona: string) => {
    await page.goto(`${harness.url}/#/packages/account/dev-login/index`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    const input = page.locator('.dev-login-input input >> visible=true').last()
    await input.waitFor({ timeout: 15_000 })
    await input.fill(persona)
    await page.locator('.dev-login-go >> visible=true').last().click()
    await page.locator('.feed-page, .me-nickname').first().waitFor({ timeout: 15_000 })
  }

  beforeAll(async () => {
    // Six members who joined and never did anything since: the 沉默 layer.
    for (const persona of QUIET) await harness.call(await harness.tokenFor(persona), 'member', { action: 'me' })
    quietNames = await Promise.all(QUIET.map(async (p) => (await harness.call<{ nickname: string }>(await harness.tokenFor(p), 'member', { action: 'me' })).nickname))
    await harness.cron()
  }, 240_000)

  it("the owner opens the console and today's numbers are the community's, recounted from the store", async () => {
    await harness.loginAs('host')
    await harness.tap('.me-host-entry')
    const tile = (metric: string) => `.console-tile[data-metric="${metric}"] .console-tile-value`
    await page.locator(tile('checkins')).waitFor({ timeout: 15_000 })
    // Recount from the raw documents: members who joined today (staff left out) and check-ins posted today.
    const dashboard = await harness.call<DashboardView>(await harness.tokenFor('host'), 'host', { action: 'dashboard' })
    const dayStart = startOfChinaDate(dashboard.today)
    const joinedToday = await harness.store.collection<MemberDoc>(MEMBERS).count({ joinedAt: { $gte: dayStart, $lt: dayStart + DAY }, role: { $in: ['member', 'guest'] } })
    const postedToday = await harness.store.collection(CHECKINS).count({ createdAt: { $gte: dayStart, $lt: dayStart + DAY } })
    expect(joinedToday).toBeGreaterThanOrEqual(QUIET.length)
    await expect(text(tile('newMembers'))).resolves.toBe(String(joinedToday))
    await expect(text(tile('checkins'))).resolves.toBe(String(postedToday))
    expect(dashboard.figures.newMembers.today).toBe(joinedToday)
    expect(dashboard.figures.checkins.today).toBe(postedToday)
    await expect(text(tile('revenueFen'))).resolves.toMatch(/^¥\d+\.\d{2}$/)
    await page.waitForLoadState('networkidle')
    await shot('01-today')
  }, 90_000)

  it('filters members to 沉默, tags two of them, opens one and adds a note', async () => {
    // A tag to give: made on 标签管理.
    await harness.open(HOST_MEMBERS_PAGE)
    await harness.tap('.hm-link-tags')
    const name = page.locator('.ht-name input')
    await name.waitFor({ timeout: 15_000 })
    await name.fill(TAG)
    await harness.tap('.ht-save')
    await page.locator('.ht-row', { hasText: TAG }).waitFor({ timeout: 15_000 })

    await harness.open(HOST_MEMBERS_PAGE)
    await harness.tap('.hm-chip-silent')
    await page.locator('.hm-chip-silent.hm-chip-on').waitFor({ timeout: 15_000 })
    for (const quiet of quietNames) await page.locator('.hm-row', { hasText: quiet }).first().waitFor({ timeout: 15_000 })
    // Only silent members are listed: none of the seeded, active personas.
    await expect(page.locator('.hm-row', { hasText: '小美' }).count()).resolves.toBe(0)
    await shot('02-silent')

    await harness.tap('.hm-select-toggle')
    for (const quiet of quietNames.slice(0, 2)) await harness.tap(`.hm-row:has-text("${quiet}") .hm-row-check`)
    await harness.tap('.hm-batch-tag')
    await harness.tap('.hm-tag-choice', { hasText: TAG })
    for (const quiet of quietNames.slice(0, 2)) await page.locator('.hm-row', { hasText: quiet }).locator('.hm-row-tags', { hasText: TAG }).waitFor({ timeout: 15_000 })
    const tagged = await harness.store.collection<MemberDoc & { tags?: string[] }>(MEMBERS).find({ _id: { $in: QUIET.map((p) => `dev_${p}`) } }, { limit: 20 })
    expect(tagged.items.filter((m) => (m.tags ?? []).length > 0)).toHaveLength(2)

    // Tagging ends 多选: a tap on a row opens the member's page.
    await expect(page.locator('.hm-row-check').count()).resolves.toBe(0)
    await harness.tap('.hm-row', { hasText: quietNames[0] })
    const note = page.locator('.hm-note-input textarea')
    await note.waitFor({ timeout: 15_000 })
    await note.fill(NOTE)
    await harness.tap('.hm-note-save')
    await page.locator('.hd-note-text', { hasText: NOTE }).waitFor({ timeout: 15_000 })
    await shot('03-member')
  }, 120_000)

  it('starts a recall campaign to 沉默 with a coupon and a 10 % holdout; the timer sends it', async () => {
    await harness.open(HOST_RECALL_PAGE)
    await harness.tap('.recall-segment-silent')
    await page.locator('.recall-title-input input').fill('好久不见')
    await page.locator('.recall-body-input textarea').fill('大家都在等你回来，送你一张券，今天来打个卡吧！')
    await harness.tap('.recall-gift-coupon')
    await harness.tap('.recall-coupon-option')
    await expect(page.locator('.recall-holdout-input input').inputValue()).resolves.toBe('10')
    await shot('04-recall-form')
    await harness.tap('.recall-send-btn')
    await page.locator('.recall-campaign').first().waitFor({ timeout: 15_000 })
    await harness.cron()
    const targets = await harness.store.collection<RecallTargetDoc>(RECALL_TARGETS).find({}, { limit: 100 })
    const quietTargets = targets.items.filter((t) => QUIET.some((p) => t.openid === `dev_${p}`))
    expect(quietTargets).toHaveLength(QUIET.length)
    const treated = quietTargets.find((t) => t.group === 'treated')
    expect(treated).toBeDefined()
    returner = QUIET.find((p) => `dev_${p}` === treated!.openid)!
    returnerName = quietNames[QUIET.indexOf(returner)]
  }, 90_000)

  it('the silent member opens 消息, claims the coupon and checks in', async () => {
    await loginTyped(returner)
    await harness.open('/pages/me/index')
    await harness.tap('.me-inbox-entry')
    const message = page.locator('.inbox-message', { hasText: '好久不见' })
    await message.waitFor({ timeout: 15_000 })
    await harness.tap('.inbox-claim-btn')
    await page.locator('.inbox-claim-btn-done').waitFor({ timeout: 15_000 })
    await shot('05-inbox')
    const coupons = await harness.call<{ items: unknown[] }>(await harness.tokenFor(returner), 'rewards', { action: 'myCoupons' })
    expect(coupons.items).toHaveLength(1)

    await harness.open('/pages/challenges/index')
    await harness.tap('.challenge-card', { hasText: CHALLENGE })
    await harness.tap('.detail-action-main', { hasText: '加入挑战' })
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
    await harness.tap('.detail-action-main', { hasText: '今日打卡' })
    const box = page.locator('.compose-textarea textarea')
    await box.waitFor({ timeout: 15_000 })
    await box.fill('收到券了，回来继续打卡！')
    await harness.tap('.compose-submit')
    await harness.tap('.profile-prompt-skip')
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
  }, 120_000)

  it('a day later the campaign shows the returned member against the holdout', async () => {
    await harness.travel(DAY + 60_000)
    await harness.cron()
    await harness.loginAs('host')
    await harness.open(HOST_RECALL_PAGE)
    const campaign = page.locator('.recall-campaign').first()
    await campaign.waitFor({ timeout: 15_000 })
    await expect(campaign.locator('.recall-treated-returned').getAttribute('data-returned')).resolves.toBe('1')
    await expect(campaign.locator('.recall-holdout-returned').getAttribute('data-returned')).resolves.toBe('0')
    await page.waitForLoadState('networkidle')
    await shot('06-recall-result')
  }, 90_000)

  it('exports members: the CSV has the header once and every member, the silent ones included', async () => {
    await harness.open(HOST_EXPORTS_PAGE)
    await harness.tap('.hex-export-members')
    const row = page.locator('.hex-job[data-kind="members"]').first()
    await row.waitFor({ timeout: 15_000 })
    await harness.cron()
    const link = row.locator('.hex-download')
    await link.waitFor({ timeout: 20_000 })
    const res = await fetch(`${harness.url}${await link.getAttribute('href')}`)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const rows = parseCsv(bytes.toString('utf8').slice(1)).filter((r) => r.length > 1)
    expect(rows.filter((r) => r[0] === '成员ID')).toHaveLength(1)
    const members = await harness.store.collection(MEMBERS).count({})
    expect(rows).toHaveLength(members + 1)
    for (const name of [...quietNames, '小美', returnerName]) expect(rows.map((r) => r[1])).toContain(name)
  }, 120_000)

  it('a moderator added by link hides a check-in and is refused a refund', async () => {
    await harness.loginAs('host')
    await harness.open('/packages/host-team/index/index')
    await harness.tap('.team-invite-create-moderator')
    const link = await text('.team-invite-link')
    expect(link).toMatch(/token=/)
    await harness.loginAs('dawei')
    await harness.open(link.slice(link.indexOf('#') + 1))
    await harness.tap('.join-accept')
    await page.locator('.host-home-hero').waitFor({ timeout: 15_000 })
    // A moderator's console offers moderation only.
    await page.locator('.host-entry[data-entry="moderation"]').waitFor({ timeout: 15_000 })
    await expect(page.locator('.host-entry[data-entry="membership"]').count()).resolves.toBe(0)

    const mod = await harness.tokenFor('dawei')
    const feed = await harness.call<{ items: Array<{ id: string; openid: string; nickname: string }> }>(mod, 'checkin', { action: 'feed', scope: 'all' })
    const target = feed.items.find((c) => c.nickname === returnerName) ?? feed.items.find((c) => c.openid !== 'dev_dawei')!
    await harness.open(`/packages/challenge/checkin/index?id=${encodeURIComponent(target.id)}`)
    await harness.tap('.checkin-tool-danger', { hasText: '隐藏' })
    await expect(page.locator('.taro-modal__title').textContent({ timeout: 15_000 })).resolves.toBe('隐藏这条打卡？')
    await page.locator('.taro-model__confirm').click()
    await page.locator('.checkin-tool-danger', { hasText: '恢复显示' }).waitFor({ timeout: 15_000 })
    await shot('07-moderator-hid')
    const hidden = await harness.call<{ status: string }>(mod, 'checkin', { action: 'getCheckin', checkinId: target.id })
    expect(hidden.status).toBe('hidden')

    const orders = await harness.call<{ items: Array<{ id: string }> }>(await harness.tokenFor('host'), 'membership', { action: 'listOrders', status: 'fulfilled' })
    expect(orders.items.length).toBeGreaterThan(0)
    const refund = harness.call(mod, 'membership', { action: 'refundOrder', orderId: orders.items[0].id, amountFen: 100, requestId: 'moderator-tries', reason: '试试退款' })
    await expect(refund).rejects.toThrow('只有主理人或管理员可以进行此操作')
  }, 120_000)
})
