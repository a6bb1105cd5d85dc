// Q&A in a circle: who sees what (by list and by id), free and paid questions
// through the orders module, the refund of a paid question left unanswered
// past the host's N days (once, however often or concurrently the timer runs),
// and the answer racing that refund. The books add up after every test.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrderOk } from '../helpers/pay'
import { createCircle } from '../helpers/circle'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { refundUnansweredQuestions } from '../../cloudfunctions/domain/questions/refund-unanswered'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/orders/close-unpaid'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { REFUNDS, type RefundDoc } from '../../cloudfunctions/domain/orders/refund-doc'
import { QUESTIONS, type QuestionDoc } from '../../cloudfunctions/domain/questions/question'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const DAY = 24 * 3600_000
const GUEST = 'o_guest'
const MEMBER = 'o_member'
const OTHER = 'o_other_member'
const OUTSIDER = 'o_outsider'

let seq = 0
const rid = () => `req-${String(++seq).padStart(8, '0')}`

/** A free circle with two members, a guest (through the staff invite) named as a paid answerer (¥9.90, 7 days) and the host as a free one. */
async function world(price = 990) {
  const circle = await createCircle({ kind: 'free', plans: [] })
  const link = ok(await call('host', 'createStaffInvite', { role: 'guest' }, HOST))
  ok(await call('host', 'acceptStaffInvite', { token: link.token }, GUEST))
  for (const openid of [MEMBER, OTHER]) ok(await call('membership', 'joinFree', { circleId: circle.id, answers: [] }, openid))
  ok(await call('member', 'me', {}, HOST))
  ok(
    await call(
      'questions',
      'updateQuestionSettings',
      {
        circleId: circle.id,
        answerers: [
          { openid: GUEST, priceFen: price, refundDays: 7 },
          { openid: HOST, priceFen: 0, refundDays: 7 }
        ]
      },
      HOST
    )
  )
  return circle.id
}

async function ask(circleId: string, answererOpenid: string, visibility: 'public' | 'private' = 'public', openid = MEMBER) {
  return ok(await call('questions', 'askQuestion', { circleId, answererOpenid, text: '每天吃多少蛋白质合适？', visibility, requestId: rid() }, openid))
}

async function pay(orderId: string) {
  await payOrderOk(runtime, orderId)
}

async function paidQuestion(circleId: string, visibility: 'public' | 'private' = 'public') {
  const { question } = await ask(circleId, GUEST, visibility)
  await pay(question.orderId!)
  return question.id
}

const stored = async (id: string) => (await runtime.store.collection<QuestionDoc>(QUESTIONS).get(id))!
const order = async (id: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(id))!

test('the host names answerers: only the owner, admins and guests; members see them with their price', async () => {
  const circleId = await world()
  const refused = await call('questions', 'updateQuestionSettings', { circleId, answerers: [{ openid: MEMBER, priceFen: 0, refundDays: 7 }] }, HOST)
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '回答者只能是主理人、管理员或嘉宾' } })
  expect(await call('questions', 'questionSettings', { circleId }, GUEST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const options = ok(await call('questions', 'askOptions', { circleId }, MEMBER))
  expect(options.answerers.map((a) => [a.openid, a.priceFen, a.refundDays, a.roleLabel])).toEqual([
    [GUEST, 990, 7, '嘉宾'],
    [HOST, 0, 7, '主理人']
  ])
  expect(await call('questions', 'askOptions', { circleId }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '仅圈子成员可以查看和提问，请先加入圈子' } })
})

test('a free question reaches its answerer at once (消息), is answered, and then every member reads it with its answer', async () => {
  const circleId = await world()
  const { question, payment } = await ask(circleId, HOST)
  expect(payment).toBeNull()
  expect(question.status).toBe('open')
  const inbox = ok(await call('member', 'inbox', {}, HOST))
  expect(inbox.items[0]).toMatchObject({ title: '「减脂训练营」有人向你提问', action: { kind: 'page', path: `packages/questions/detail/index?id=${question.id}` } })
  expect(ok(await call('questions', 'questionQueue', { status: 'open' }, HOST)).items.map((q) => q.id)).toEqual([question.id])
  // Before the answer, another member neither lists nor opens it.
  expect(ok(await call('questions', 'questions', { circleId, scope: 'answered' }, OTHER)).items).toEqual([])
  expect(await call('questions', 'question', { questionId: question.id }, OTHER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const answered = ok(await call('questions', 'answerQuestion', { questionId: question.id, text: '每公斤体重 1.2–1.6 克。', photoFileIds: [] }, HOST))
  expect(answered).toMatchObject({ status: 'answered', answer: { text: '每公斤体重 1.2–1.6 克。' }, canAnswer: false })
  expect(ok(await call('questions', 'questions', { circleId, scope: 'answered' }, OTHER)).items.map((q) => q.id)).toEqual([question.id])
  expect(ok(await call('questions', 'question', { questionId: question.id }, OTHER)).answer?.text).toBe('每公斤体重 1.2–1.6 克。')
  expect(ok(await call('member', 'inbox', {}, MEMBER)).items[0]).toMatchObject({ title: '「减脂训练营」你的提问有了回答' })
  expect(await call('questions', 'answerQuestion', { questionId: question.id, text: '再答一次', photoFileIds: [] }, HOST)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '这个问题已经回答过了' }
  })
})

test('visibility: a private question is its asker’s, its answerer’s and the hosts’; non-members see nothing by list or by id', async () => {
  const circleId = await world()
  const { question } = await ask(circleId, HOST, 'private')
  ok(await call('questions', 'answerQuestion', { questionId: question.id, text: '私下回答你。', photoFileIds: [] }, HOST))
  expect(ok(await call('questions', 'question', { questionId: question.id }, MEMBER)).answer?.text).toBe('私下回答你。')
  expect(ok(await call('questions', 'question', { questionId: question.id }, HOST)).visibility).toBe('private')
  for (const openid of [OTHER, OUTSIDER, GUEST])
    expect(await call('questions', 'question', { questionId: question.id }, openid)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '问题不存在' } })
  expect(ok(await call('questions', 'questions', { circleId, scope: 'answered' }, OTHER)).items).toEqual([])
  // A public answered question: members read it, an outsider is told nothing (the same answer as a wrong id) and cannot list.
  const { question: pub } = await ask(circleId, HOST)
  ok(await call('questions', 'answerQuestion', { questionId: pub.id, text: '公开回答。', photoFileIds: [] }, HOST))
  expect(ok(await call('questions', 'question', { questionId: pub.id }, OTHER)).id).toBe(pub.id)
  expect(await call('questions', 'question', { questionId: pub.id }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('questions', 'question', { questionId: 'q_nope' }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('questions', 'questions', { circleId, scope: 'answered' }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call('questions', 'askQuestion', { circleId, answererOpenid: HOST, text: '我也想问问题', visibility: 'public', requestId: rid() }, OUTSIDER)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' }
  })
  // Only its answerer answers.
  const { question: third } = await ask(circleId, HOST)
  expect(await call('questions', 'answerQuestion', { questionId: third.id, text: '我来答', photoFileIds: [] }, OTHER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('questions', 'answerQuestion', { questionId: third.id, text: '我来答', photoFileIds: [] }, MEMBER)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '只有被提问的人可以回答' }
  })
})

test('a paid question is priced on the server, reaches the guest only when paid, and is answered', async () => {
  const circleId = await world()
  const { question, payment } = await ask(circleId, GUEST)
  expect(payment).toEqual({ provider: 'sandbox', payUrl: `/sandbox-pay?order=${question.orderId}` })
  expect(question).toMatchObject({ status: 'awaitingPayment', priceFen: 990 })
  expect((await order(question.orderId!)).amountFen).toBe(990)
  expect(ok(await call('questions', 'questionQueue', { status: 'open' }, GUEST)).items).toEqual([])
  expect(await call('questions', 'question', { questionId: question.id }, GUEST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  await pay(question.orderId!)
  const published = ok(await call('questions', 'question', { questionId: question.id }, MEMBER))
  expect(published).toMatchObject({ status: 'open', refundAt: runtime.clock.now() + 7 * DAY })
  expect(ok(await call('questions', 'questionQueue', { status: 'open' }, GUEST)).items.map((q) => q.id)).toEqual([question.id])
  expect(ok(await call('member', 'inbox', {}, GUEST)).items[0].body).toContain('付费提问，请在 7 天内回答')
  expect((await order(question.orderId!)).status).toBe('fulfilled')
  ok(await call('questions', 'answerQuestion', { questionId: question.id, text: '每公斤体重 1.2 克起。', photoFileIds: [] }, GUEST))
  // Answered: the timer finds nothing to refund, even after the N days.
  runtime.clock.advance(8 * DAY)
  expect(await refundUnansweredQuestions(runtime)).toEqual({ refunded: 0, skipped: 0 })
  expect((await order(question.orderId!)).status).toBe('fulfilled')
})

test('an unpaid question closes with its order; the asker may pay again within the window, not after', async () => {
  const circleId = await world()
  const { question } = await ask(circleId, GUEST)
  const again = ok(await call('questions', 'payQuestion', { questionId: question.id }, MEMBER))
  expect(again.payment).toEqual({ provider: 'sandbox', payUrl: `/sandbox-pay?order=${question.orderId}` })
  runtime.clock.advance(31 * 60_000)
  await closeUnpaidOrders(runtime)
  expect((await stored(question.id)).status).toBe('closed')
  expect(await call('questions', 'payQuestion', { questionId: question.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '支付已超时，问题已关闭，请重新提问' } })
})

test('a paid question left unanswered is refunded after N days, once, however often the timer runs; then it cannot be answered', async () => {
  const circleId = await world()
  const id = await paidQuestion(circleId)
  const { orderId } = await stored(id)
  runtime.clock.advance(7 * DAY - 60_000)
  expect(await refundUnansweredQuestions(runtime)).toEqual({ refunded: 0, skipped: 0 })
  runtime.clock.advance(60_000)
  expect(await refundUnansweredQuestions(runtime)).toEqual({ refunded: 1, skipped: 0 })
  expect(await refundUnansweredQuestions(runtime)).toEqual({ refunded: 0, skipped: 0 })
  expect(await order(orderId!)).toMatchObject({ status: 'refunded', refundedFen: 990 })
  expect(await stored(id)).toMatchObject({ status: 'refunded', refundedAt: runtime.clock.now() })
  const refunds = (await runtime.store.collection<RefundDoc>(REFUNDS).find({ orderId: orderId! }, { limit: 10 })).items
  expect(refunds.map((r) => [r._id, r.amountFen, r.status])).toEqual([[`${orderId}-unanswered`, 990, 'success']])
  expect((await runtime.payments.trade(orderId!))!.refundedFen).toBe(990)
  expect(await call('questions', 'answerQuestion', { questionId: id, text: '晚到的回答', photoFileIds: [] }, GUEST)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '这个问题已超时未回答并退款给提问者，不能再回答' }
  })
  expect(ok(await call('member', 'inbox', {}, MEMBER)).items[0]).toMatchObject({ title: '「减脂训练营」提问已退款' })
  // Through the cron function as the timer runs it, too: nothing more.
  ok(await call('settle', 'run', { jobs: ['refundUnansweredQuestions'] }, HOST))
  expect((await runtime.payments.trade(orderId!))!.refundedFen).toBe(990)
})

test('concurrent timer runs refund each of several questions exactly once', async () => {
  const circleId = await world()
  const ids: string[] = []
  for (let i = 0; i < 4; i++) ids.push(await paidQuestion(circleId))
  runtime.clock.advance(8 * DAY)
  const runs = await Promise.all([refundUnansweredQuestions(runtime), refundUnansweredQuestions(runtime), refundUnansweredQuestions(runtime)])
  expect(runs.reduce((sum, r) => sum + r.refunded, 0)).toBe(4)
  for (const id of ids) {
    const q = await stored(id)
    expect(q.status).toBe('refunded')
    expect((await runtime.payments.trade(q.orderId!))!.refundedFen).toBe(990)
    const refunds = (await runtime.store.collection<RefundDoc>(REFUNDS).find({ orderId: q.orderId! }, { limit: 10 })).items
    expect(refunds).toHaveLength(1)
  }
})

test('the answer racing the refund: exactly one of them happens', async () => {
  const circleId = await world()
  const outcomes: string[] = []
  for (let i = 0; i < 6; i++) {
    const id = await paidQuestion(circleId)
    runtime.clock.advance(7 * DAY + 1000)
    const [answer, run] = await Promise.all([call('questions', 'answerQuestion', { questionId: id, text: `第 ${i} 个回答`, photoFileIds: [] }, GUEST), refundUnansweredQuestions(runtime)])
    const q = await stored(id)
    const o = await order(q.orderId!)
    if (answer.ok) {
      expect(q.status).toBe('answered')
      expect(o).toMatchObject({ status: 'fulfilled', refundedFen: 0 })
      expect(run.refunded).toBe(0)
    } else {
      expect(answer.error.code).toBe('CONFLICT')
      expect(q.status).toBe('refunded')
      expect(q.answer).toBeNull()
      expect(o).toMatchObject({ status: 'refunded', refundedFen: 990 })
    }
    outcomes.push(answer.ok ? 'answered' : 'refunded')
  }
  // Money adds up: every paid question's order is fulfilled (answered) or refunded (afterEach checks the books whole).
  const paidFen = (await runtime.store.collection<OrderDoc>(ORDERS).find({ kind: 'question' }, { limit: 50 })).items.reduce((sum, o) => sum + o.amountFen - o.refundedFen, 0)
  expect(paidFen).toBe(990 * outcomes.filter((o) => o === 'answered').length)
})
