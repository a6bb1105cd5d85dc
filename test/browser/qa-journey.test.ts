// Browser journey for Q&A and locked content, in the H5 build on the dev host.
// Set up through the functions (not under test): 王医生 accepts the owner's 嘉宾
// link, 小美 buys a month of 减脂私教营 at the sandbox, and the host names
// 王医生 an answerer at ¥9.90 with 3 days to answer. Then in the app: 小美 opens
// the circle's 问答, asks 王医生 (the price shown in ¥), pays at the 模拟支付
// page; 王医生 finds it under 我的 → 待回答 and answers; 小美 reads the answer
// in 精选问答. A second paid question is left unanswered: 3 days later
// (harness.travel) the timer refunds it and its page says 已退款. Lily, outside
// the circle, sees the circle's challenge locked with what unlocks it.
// Screenshots: /work/notes/shots/qa-*.png (and test/artifacts/qa-*.png).
import type { CircleDetail, CreateOrderResult } from '../../types/membership'
import type { Page as ListPage } from '../../types/page'
import type { AskQuestionResult, QuestionView } from '../../types/questions'
import { describeJourney } from './journey'

const CIRCLE = '减脂私教营'
const CHALLENGE = '私教营·14 天控糖'
const DAY = 24 * 3600_000

describeJourney('Q&A with a guest, a refund of an unanswered question, and locked content in the H5 build', { prefix: 'qa' }, ({ harness, page, shot, payOnSandbox }) => {
  let circleId = ''

  const tap = (selector: string, options: { hasText?: string } = {}) => harness.tap(selector, options)
  const as = async <T>(persona: string, fn: string, event: object): Promise<T> => harness.call<T>(await harness.tokenFor(persona), fn, event)

  it('sets up: a guest by the owner’s link, a paying member, the guest named a paid answerer', async () => {
    const link = await as<{ token: string }>('host', 'host', { action: 'createStaffInvite', role: 'guest' })
    await as('drwang', 'member', { action: 'updateProfile', nickname: '王医生' })
    await as('drwang', 'host', { action: 'acceptStaffInvite', token: link.token })
    const circles = await as<ListPage<{ id: string; name: string }>>('xiaomei', 'membership', { action: 'listCircles' })
    circleId = circles.items.find((c) => c.name === CIRCLE)!.id
    const detail = await as<CircleDetail>('xiaomei', 'membership', { action: 'getCircle', circleId })
    const monthly = detail.circle.plans.find((p) => p.name === '月卡')!
    const { order } = await as<CreateOrderResult>('xiaomei', 'membership', { action: 'createOrder', circleId, planId: monthly.id })
    await harness.sandboxPay(order.id)
    const drwang = (await as<{ openid: string }>('drwang', 'member', { action: 'me' })).openid
    await as('host', 'questions', { action: 'updateQuestionSettings', circleId, answerers: [{ openid: drwang, priceFen: 990, refundDays: 3 }] })
  })

  it('the host sees 王医生 in 答疑设置 with the price in ¥ and the refund days', async () => {
    await harness.loginAs('host')
    await harness.open(`/packages/questions/settings/index?id=${encodeURIComponent(circleId)}`)
    const row = page.locator('.qs-row', { hasText: '王医生' })
    await row.waitFor({ timeout: 15_000 })
    await expect(row.locator('.qs-price input').inputValue()).resolves.toBe('9.9')
    await expect(row.locator('.qs-days input').inputValue()).resolves.toBe('3')
    await shot('00-settings')
  })

  it('小美 asks 王医生 in the circle’s 问答, sees the price in ¥, and pays at the sandbox', async () => {
    await harness.loginAs('xiaomei')
    // From the circle's page: its one 问答 row.
    await harness.open(`/packages/membership/circle/index?id=${encodeURIComponent(circleId)}`)
    await tap('.circle-qa-entry')
    await page.locator('.qa-page .empty-state', { hasText: '还没有公开的问答' }).waitFor({ timeout: 15_000 })
    await tap('.qa-ask-btn')
    const row = page.locator('.ask-answerer', { hasText: '王医生' })
    await row.waitFor({ timeout: 15_000 })
    await expect(row.locator('.ask-answerer-price').textContent()).resolves.toBe('¥9.90 / 次')
    await expect(row.locator('.ask-answerer-terms').textContent()).resolves.toBe('3 天内未回答，全额退款')
    await page.locator('.ask-text textarea').fill('减脂期晚上饿得睡不着，可以吃点什么？')
    await expect(page.locator('.ask-submit').textContent()).resolves.toBe('支付 ¥9.90 并提问')
    await shot('01-ask')
    await tap('.ask-submit')
    // Back on the order page of the existing payment flow: 支付成功, and 查看 opens the question.
    await payOnSandbox()
    await shot('02a-order-paid')
    await tap('.order-hero-open')
    await page.locator('.qd-status', { hasText: '待回答' }).waitFor({ timeout: 15_000 })
    const mine = await as<ListPage<QuestionView>>('xiaomei', 'questions', { action: 'questions', circleId, scope: 'mine' })
    expect(page.url()).toContain(`id=${encodeURIComponent(mine.items[0].id)}`)
    await page.locator('.qd-note', { hasText: '等待 王医生 回答' }).waitFor()
    await shot('02-paid-waiting')
  })

  it('王医生 finds it under 我的 → 待回答 and answers', async () => {
    await harness.loginNew('drwang')
    await tap('.me-questions-entry')
    const card = page.locator('.qa-card', { hasText: '晚上饿得睡不着' })
    await card.waitFor({ timeout: 15_000 })
    await shot('03-queue')
    await tap('.qa-card', { hasText: '晚上饿得睡不着' })
    await page.locator('.qd-form-text textarea').waitFor({ timeout: 15_000 })
    await page.locator('.qd-form-text textarea').fill('睡前 1 小时可以喝一杯无糖酸奶或吃一小把坚果，控制在 150 千卡以内。')
    await tap('.qd-form-submit')
    await page.locator('.qd-status', { hasText: '已回答' }).waitFor({ timeout: 15_000 })
    await page.locator('.qd-answer-text', { hasText: '无糖酸奶' }).waitFor()
    await shot('04-answered')
  })

  it('小美 reads the answer in 精选问答', async () => {
    await harness.loginAs('xiaomei')
    await harness.open(`/packages/questions/list/index?id=${encodeURIComponent(circleId)}`)
    const card = page.locator('.qa-card', { hasText: '晚上饿得睡不着' })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.qa-card-answer-text').textContent()).resolves.toContain('无糖酸奶')
    await shot('05-answered-list')
  })

  it('a paid question left unanswered is refunded 3 days later by the timer, and says so', async () => {
    const asked = await as<AskQuestionResult>('xiaomei', 'questions', {
      action: 'askQuestion',
      circleId,
      answererOpenid: (await as<{ openid: string }>('drwang', 'member', { action: 'me' })).openid,
      text: '平台期两周不掉秤怎么办？',
      visibility: 'private',
      requestId: 'journey-unanswered-1'
    })
    await harness.sandboxPay(asked.question.orderId!)
    await harness.travel(3 * DAY + 5 * 60_000)
    await harness.cron()
    const after = await as<QuestionView>('xiaomei', 'questions', { action: 'question', questionId: asked.question.id })
    expect(after.status).toBe('refunded')
    await harness.open(`/packages/questions/detail/index?id=${encodeURIComponent(asked.question.id)}`)
    await page.locator('.qd-status', { hasText: '已退款' }).waitFor({ timeout: 15_000 })
    await page.locator('.qd-refunded', { hasText: '¥9.90 已原路退回' }).waitFor()
    await shot('06-refunded')
    // The answered one kept its money; the refunded one cannot be answered any more.
    await expect(as('drwang', 'questions', { action: 'answerQuestion', questionId: asked.question.id, text: '晚了', photoFileIds: [] })).rejects.toThrow('不能再回答')
  })

  it('Lily, outside the circle, sees its challenge locked with what unlocks it', async () => {
    await harness.loginAs('lily')
    await harness.open('/pages/challenges/index')
    const card = page.locator('.challenge-card', { hasText: CHALLENGE })
    await card.waitFor({ timeout: 15_000 })
    const lock = card.locator('.locked-notice')
    await expect(lock.locator('.locked-notice-title').textContent({ timeout: 15_000 })).resolves.toBe(`加入「${CIRCLE}」后可参加`)
    await expect(lock.locator('.locked-notice-detail').textContent()).resolves.toBe('¥99.00 起')
    await card.scrollIntoViewIfNeeded()
    await shot('07-locked-challenge')
    await tap('.challenge-card .locked-notice-btn')
    await page.locator('.circle-name', { hasText: CIRCLE }).waitFor({ timeout: 15_000 })
  })
})
