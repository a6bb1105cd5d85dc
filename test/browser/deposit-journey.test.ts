// Browser journey for deposit challenges (押金), in the H5 build on the dev
// host: the host sets a ¥10 deposit on a 2-day challenge (shared by the
// completers); 小美 reads the terms on the challenge page, taps 交押金 ¥10.00
// 加入, pays on the sandbox's 模拟支付 page and is in; 大伟 pays too. 小美
// checks in on both days (harness.travel), 大伟 only on the first. After the
// end the timer settles: 小美's deposit comes back and she gets 大伟's ¥10 as
// her share (a transfer to her WeChat balance, the sandbox's); 大伟's page
// says 押金未退; the host sees the settlement report with the books balanced.
// Screenshots: test/artifacts/deposit-*.png and /work/notes/shots/deposit-*.png.
import type { DepositSettlementView, DepositStatusView, PayDepositResult } from '../../types/deposits'
import { describeJourney } from './journey'

const DAY = 24 * 3600_000
const TITLE = '两天早睡押金挑战'

describeJourney('deposit challenges: pay to join, check in, settled after the end in the H5 build', { prefix: 'deposit' }, ({ harness, page, shot, payOnSandbox, createChallenge }) => {
  let challengeId = ''

  const detail = () => harness.open(`/packages/challenge/detail/index?id=${challengeId}`)
  const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })

  async function checkIn(words: string) {
    await detail()
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).click()
    const box = page.locator('.compose-textarea textarea')
    await box.waitFor({ timeout: 15_000 })
    await box.fill(words)
    await page.locator('.compose-submit').click()
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })
    await page.locator('.detail-action-main', { hasText: '今日已打卡' }).waitFor({ timeout: 15_000 })
  }

  it('the host sets a ¥10 deposit, shared by the completers; the form shows it', async () => {
    const challenge = await createChallenge({
      title: TITLE,
      description: '连续两天 23 点前睡觉，打卡记录',
      depositFen: 1000,
      forfeitTo: 'completers',
      days: 2,
      minTextLength: 2,
      completionDays: 2,
      makeupsCount: false
    })
    challengeId = challenge.id
    await harness.loginAs('host')
    await harness.open(`/packages/host/challenge-form/index?id=${challengeId}`)
    const deposit = page.locator('.deposit-fields')
    await deposit.waitFor({ timeout: 15_000 })
    await expect(deposit.locator('input').first().inputValue()).resolves.toBe('10')
    await expect(deposit.locator('.segmented-item-active').textContent()).resolves.toBe('完成者平分')
    await deposit.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('00-host-form')
  }, 90_000)

  it('小美 reads the terms before paying, pays the deposit on the sandbox page and is in', async () => {
    await harness.loginAs('xiaomei')
    await detail()
    const card = page.locator('.deposit-card')
    await card.locator('.deposit-amount', { hasText: '¥10.00' }).waitFor({ timeout: 15_000 })
    await expect(card.locator('.deposit-forfeit').textContent()).resolves.toContain('未完成者的押金由完成者平分')
    await expect(card.locator('.detail-rule', { hasText: '完成规则' }).textContent()).resolves.toContain('完成全部 2 天打卡即算完成挑战（补卡不计入）')
    await expect(card.locator('.deposit-pool').textContent()).resolves.toBe('¥0.00 · 0 人已交押金')
    await expect(text('.detail-action-main')).resolves.toBe('交押金 ¥10.00 加入')
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('01-terms')

    await page.locator('.detail-action-main', { hasText: '交押金 ¥10.00 加入' }).click()
    await payOnSandbox(() => shot('02-sandbox-pay'))
    await expect(text('.order-hero-amount')).resolves.toBe('¥10.00')
    await shot('03-paid')

    await detail()
    await page.locator('.detail-action-main', { hasText: '今日打卡' }).waitFor({ timeout: 15_000 })
    await page.locator('.deposit-mine-line', { hasText: '已交押金 ¥10.00' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.deposit-pool').textContent()).resolves.toBe('¥10.00 · 1 人已交押金')
  }, 90_000)

  it('大伟 pays too; 小美 checks in on both days, 大伟 only on the first', async () => {
    const dawei = await harness.tokenFor('dawei')
    const { orderId } = await harness.call<PayDepositResult>(dawei, 'deposits', { action: 'payDeposit', challengeId })
    const paid = await fetch(`${harness.url}/dev/sandbox-pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: orderId }) })
    expect(paid.ok).toBe(true)
    await harness.call(dawei, 'checkin', { action: 'postCheckin', challengeId, text: '第一天 22 点半睡了', photoFileIds: [] })

    await checkIn('第一天 22 点睡觉，手机放客厅')
    await page.locator('.deposit-pool', { hasText: '¥20.00 · 2 人已交押金' }).waitFor({ timeout: 15_000 })
    await shot('04-day-one')
    await harness.travel(DAY)
    await checkIn('第二天 22 点 40 睡，完成！')
  }, 120_000)

  it('after the end the timer settles: 小美 is refunded and gets 大伟’s deposit as her share', async () => {
    // Past the last day's window (make-ups do not count here, so no grace): the one-minute timer settles it.
    await harness.travel(DAY)
    await harness.cron()
    const xiaomei = await harness.call<DepositStatusView>(await harness.tokenFor('xiaomei'), 'deposits', { action: 'depositStatus', challengeId })
    expect(xiaomei).toMatchObject({ settled: true, completers: 1, failed: 1, mine: { outcome: 'completed', refundedFen: 1000, shareFen: 1000, shareStatus: 'paid' } })

    await harness.loginAs('xiaomei')
    await detail()
    const mine = page.locator('.deposit-mine-line')
    await mine.waitFor({ timeout: 15_000 })
    await expect(mine.textContent()).resolves.toBe('押金已退 ¥10.00，分得 ¥10.00')
    await expect(page.locator('.deposit-mine .tag').textContent()).resolves.toBe('已完成')
    await mine.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('05-completer-outcome')
  }, 90_000)

  it('大伟 did not complete: his page says 押金未退', async () => {
    await harness.loginAs('dawei')
    await detail()
    const mine = page.locator('.deposit-mine-line')
    await mine.waitFor({ timeout: 15_000 })
    await expect(mine.textContent()).resolves.toBe('未完成挑战，押金未退')
    await mine.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('06-failed-outcome')
  }, 90_000)

  it('the host sees the settlement report: deposits in = refunds + shares + host share', async () => {
    const report = await harness.call<DepositSettlementView>(await harness.tokenFor('host'), 'deposits', { action: 'depositSettlement', challengeId })
    expect(report).toMatchObject({
      status: 'settled',
      depositsInFen: 2000,
      refundsFen: 1000,
      poolFen: 1000,
      sharesFen: 1000,
      hostFen: 0,
      balanced: true,
      transfers: { paid: 1, waiting: 0, failed: 0 }
    })
    await harness.loginAs('host')
    await detail()
    const box = page.locator('.deposit-report')
    await box.locator('.deposit-report-status', { hasText: '已结算 · 账目平衡' }).waitFor({ timeout: 15_000 })
    await expect(box.locator('.deposit-report-identity').textContent()).resolves.toBe('押金收入 ¥20.00 = 退还 ¥10.00 + 分成 ¥10.00 + 主理人 ¥0.00')
    await box.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot('07-host-report')
  }, 90_000)
})
