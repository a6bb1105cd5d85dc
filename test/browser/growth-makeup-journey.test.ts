// Browser journey across check-ins and growth, in the H5 build on the dev host:
// a new member joins a challenge (the join back-dated three days: a card fills
// only days missed since joining) and posts today's check-in → 我的成长 shows
// the points and growth it earned → they redeem a 补卡券 in the mall → back in
// the challenge (which gives no make-up chances of its own) the card fills
// yesterday, shown with 补 in the calendar, and the wallet's card is spent.
import type { ChallengeDetail } from '../../types/checkin'
import { addDays, chinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import type { GrowthSummary } from '../../types/growth'
import { describeJourney } from './journey'
import { PARTICIPANTS, participantId } from '../../cloudfunctions/domain/checkin/participant'

const TITLE = '补卡挑战'
const GROWTH_CENTER = '/packages/growth/center/index'
const DAY = 86_400_000

describeJourney('growth: a check-in earns points, a mall 补卡券 fills a missed day (H5 build)', { prefix: 'growth-makeup' }, ({ harness, page, shot, createChallenge }) => {
  let challengeId = ''
  let memberToken = ''
  // A persona nobody seeded: every number starts from what this journey does.
  const persona = `mk${Date.now().toString(36).slice(-4)}`
  const today = chinaDate(Date.now())
  const yesterday = addDays(today, -1)
  let before = { points: 0, growth: 0, cards: 0 }

  beforeAll(async () => {
    const challenge = await createChallenge({
      title: TITLE,
      startDate: addDays(today, -3),
      minTextLength: 2,
      pointsPerCheckin: 20,
      // No make-up chances of its own: only a card from the mall can fill a missed day.
      makeupCardsPerMember: 0
    })
    challengeId = challenge.id
  }, 180_000)

  const toNumber = (raw: string | null) => Number((raw ?? '').replace(/[^\d]/g, ''))
  const stat = async (label: string) => toNumber(await page.locator('.gc-stat', { hasText: label }).locator('.gc-stat-value').textContent({ timeout: 15_000 }))
  const readCenter = async () => {
    await harness.open(GROWTH_CENTER)
    await page.locator('.gc-points').waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    // 成长值 shows once, on the progress bar toward the next level.
    const growth = toNumber(await page.locator('.gc-growth-now').textContent({ timeout: 15_000 }))
    return { points: toNumber(await page.locator('.gc-points').textContent()), growth, cards: await stat('补卡券') }
  }
  const summary = () => harness.call<GrowthSummary>(memberToken, 'growth', { action: 'summary' })
  const openChallenge = async () => {
    await harness.open(`/packages/challenge/detail/index?id=${challengeId}`)
    await page.locator('.detail-title', { hasText: TITLE }).waitFor({ timeout: 15_000 })
  }
  /** Fills the composer and submits; it goes back to the detail page after the toast. */
  const compose = async (text: string) => {
    const box = page.locator('.compose-textarea textarea')
    await box.waitFor({ timeout: 15_000 })
    await box.fill(text)
  }
  const submitCompose = async () => {
    await page.locator('.compose-submit').click()
    // A new member is asked once for a nickname and avatar before the first check-in: this one skips it.
    const prompt = page.locator('.profile-prompt-skip')
    if (
      await prompt.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false
      )
    )
      await prompt.click()
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })
  }

  it('a new member signs in, joins and checks in today; 我的成长 shows +20 points and +10 growth', async () => {
    // Signs in under a new name on the dev login page (as a first-time member would).
    await harness.loginNew(persona)
    memberToken = await harness.tokenFor(persona)

    // 30 points from the host, so the check-in's 20 plus these afford the 30-point 补卡券 either way.
    await harness.call(await harness.tokenFor('host'), 'growth', {
      action: 'adjustPoints',
      memberOpenid: `dev_${persona}`,
      points: 30,
      reason: '补卡旅程初始积分',
      requestId: `mk-journey-${persona}`
    })

    before = await readCenter()
    const server = await summary()
    expect(before).toEqual({ points: server.points, growth: server.growth, cards: server.makeupCards })
    expect(before.cards).toBe(0)

    await openChallenge()
    await expect(page.locator('.detail-phase').first().textContent()).resolves.toBe('进行中')
    await page.locator('.detail-action-main', { hasText: '加入挑战' }).click()
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
    // As if they had joined three days ago and not checked in since (the app has no way to travel in time).
    await harness.store.collection(PARTICIPANTS).update(participantId(challengeId, `dev_${persona}`), { set: { joinedAt: harness.now() - 3 * DAY } })
    // No make-up chances yet: the challenge gives none and the wallet is empty.
    await expect(page.locator('.detail-makeup-chip').count()).resolves.toBe(0)
    await page.locator('.detail-action-main').click()
    await compose('今天拉伸 20 分钟，状态不错')
    await submitCompose()
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })

    const after = await readCenter()
    expect(after.points).toBe(before.points + 20)
    expect(after.growth).toBe(before.growth + 10)
    expect(after.cards).toBe(before.cards)
    before = after
    await shot('01')
  }, 45_000)

  it('they redeem a 补卡券 in the mall and 我的成长 counts one more card', async () => {
    await page.locator('.gc-entry', { hasText: '积分商城' }).click()
    const card = page.locator('.mall-card', { hasText: '补卡券' })
    await card.waitFor({ timeout: 15_000 })
    await card.click()
    await page.locator('.mall-sheet-redeem').click()
    await expect(page.locator('.mall-confirm').textContent({ timeout: 15_000 })).resolves.toContain(`兑换后剩余${before.points - 30}`)
    await page.locator('.mall-confirm .confirm-dialog-ok').click()
    await page.locator('.mall-confirm').waitFor({ state: 'detached', timeout: 15_000 })
    await page.locator('.mall-balance-points', { hasText: new RegExp(`^${before.points - 30}$`) }).waitFor({ timeout: 15_000 })
    await shot('02')

    const after = await readCenter()
    expect(after.cards).toBe(before.cards + 1)
    expect(after.points).toBe(before.points - 30)
    before = after
  }, 30_000)

  it('back in the challenge the card makes up yesterday: 补 in the calendar, the card spent', async () => {
    await openChallenge()
    const chip = page.locator(`.detail-makeup-chip[data-date="${yesterday}"]`)
    await chip.waitFor({ timeout: 15_000 })
    // They joined 3 days ago: every day missed since (all in the window) can be made up.
    await expect(page.locator('.detail-makeup-chip').evaluateAll((els) => els.map((el) => el.getAttribute('data-date')))).resolves.toEqual([addDays(today, -3), addDays(today, -2), yesterday])
    await expect(page.locator('.detail-makeup-title').textContent()).resolves.toBe('漏打的日子可以补卡（剩 1 次）')
    await chip.click()

    await expect(page.locator('.compose-makeup').textContent({ timeout: 15_000 })).resolves.toMatch(/（昨天）$/)
    await expect(page.locator('.compose-makeup-hint').textContent()).resolves.toBe('将使用 1 次补卡机会（剩 1 次）')
    await expect(page.locator('.compose-submit').textContent()).resolves.toBe('提交补卡')
    await compose('昨天忘记打卡，补上：跑步 3 公里')
    await shot('03')
    await submitCompose()

    // The server has it as a make-up day, and the card came out of the wallet.
    const detail = await harness.call<ChallengeDetail>(memberToken, 'checkin', { action: 'getChallenge', challengeId })
    expect(detail.progress.doneDays).toEqual(
      expect.arrayContaining([
        { date: yesterday, makeup: true },
        { date: today, makeup: false }
      ])
    )
    expect(detail.progress.daysDone).toBe(2)
    expect(detail.progress.makeupCardsLeft).toBe(0)
    expect(detail.progress.makeupableDates).toEqual([])
    expect((await summary()).makeupCards).toBe(before.cards - 1)

    // And the page shows it: 补 on yesterday, no more make-up chips.
    if (yesterday.slice(0, 7) !== today.slice(0, 7)) await page.locator('.month-calendar-nav').first().click()
    const cell = page.locator(`.month-calendar-cell[data-date="${yesterday}"]`)
    await expect(cell.locator('.month-calendar-mark').textContent({ timeout: 15_000 })).resolves.toBe('补')
    await expect(cell.getAttribute('class')).resolves.toContain('month-calendar-makeup')
    await expect(page.locator('.progress-ring-value').textContent()).resolves.toBe('2/21')
    await expect(page.locator('.detail-makeup-chip').count()).resolves.toBe(0)
    await page.locator('.detail-calendar').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('04')

    const center = await readCenter()
    expect(center.cards).toBe(before.cards - 1)
  }, 45_000)
})
