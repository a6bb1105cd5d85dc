// Budget scenarios of Q&A in a circle (the circle function's question actions),
// the question order's payment notify, and the refundUnansweredQuestions cron
// job. Spread into scenarios.ts.
import { payNotifyMain } from '../../cloudfunctions/functions'
import { AJIE, DAY, HOST, LILY, type World } from './world'
import type { Scenario } from './scenarios'
import { payOrderOk } from '../helpers/pay'
import { scenario, member, host } from '../plays/budget'

let fresh = 0
const rid = () => `budget-q-${String(++fresh).padStart(6, '0')}`

/** The free runners' circle (阿杰 is a member) with Lily made a guest through the staff invite, answering at ¥9.90, and the host free. */
async function qa(w: World): Promise<{ circleId: string }> {
  const circle = await w.doc<{ _id: string }>('circles', { name: '跑步爱好者' })
  const link = await w.call('host', 'createStaffInvite', { role: 'guest' }, HOST)
  await w.call('host', 'acceptStaffInvite', { token: link.token }, LILY)
  await w.call(
    'questions',
    'updateQuestionSettings',
    {
      circleId: circle._id,
      answerers: [
        { openid: LILY, priceFen: 990, refundDays: 7 },
        { openid: HOST, priceFen: 0, refundDays: 7 }
      ]
    },
    HOST
  )
  return { circleId: circle._id }
}

const TEXT = '跑完膝盖外侧疼，需要停跑吗？'

async function ask(w: World, circleId: string, answererOpenid: string, visibility: 'public' | 'private' = 'public') {
  return w.call('questions', 'askQuestion', { circleId, answererOpenid, text: TEXT, visibility, requestId: rid() }, AJIE)
}

const pay = (w: World, orderId: string) => payOrderOk(w.runtime, orderId)

/** A paid question to Lily, paid (setup). */
async function paidQuestion(w: World, circleId: string): Promise<string> {
  const { question } = await ask(w, circleId, LILY)
  await pay(w, question.orderId!)
  return question.id
}

/** Answered public questions enough for a full first page (setup). */
async function answered(w: World, circleId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { question } = await ask(w, circleId, HOST)
    await w.call('questions', 'answerQuestion', { questionId: question.id, text: '循序渐进，先减量。', photoFileIds: [] }, HOST)
  }
}

export const QUESTION_SCENARIOS: Scenario[] = [
  member('questions.askOptions', async (w) => {
    const { circleId } = await qa(w)
    return (await w.measure('questions', 'askOptions', { circleId }, AJIE)).usage
  }),
  member('questions.askQuestion.free', async (w) => {
    const { circleId } = await qa(w)
    return (await w.measure('questions', 'askQuestion', { circleId, answererOpenid: HOST, text: TEXT, visibility: 'public', requestId: rid() }, AJIE)).usage
  }),
  member('questions.askQuestion.paid', async (w) => {
    const { circleId } = await qa(w)
    return (await w.measure('questions', 'askQuestion', { circleId, answererOpenid: LILY, text: TEXT, visibility: 'private', requestId: rid() }, AJIE)).usage
  }),
  member('questions.payQuestion', async (w) => {
    const { circleId } = await qa(w)
    const { question } = await ask(w, circleId, LILY)
    return (await w.measure('questions', 'payQuestion', { questionId: question.id }, AJIE)).usage
  }),
  member('questions.question', async (w) => {
    const { circleId } = await qa(w)
    const { question } = await ask(w, circleId, HOST)
    await w.call('questions', 'answerQuestion', { questionId: question.id, text: '循序渐进，先减量。', photoFileIds: [] }, HOST)
    return (await w.measure('questions', 'question', { questionId: question.id }, AJIE)).usage
  }),
  member('questions.question.awaitingPayment', async (w) => {
    // Back from paying: the order still unpaid here, so the provider is asked (and settles it).
    const { circleId } = await qa(w)
    const { question } = await ask(w, circleId, LILY)
    await w.runtime.payments.pay(question.orderId!)
    return (await w.measure('questions', 'question', { questionId: question.id }, AJIE)).usage
  }),
  member('questions.questions.answered', async (w) => {
    const { circleId } = await qa(w)
    await answered(w, circleId, 22)
    return (await w.measure('questions', 'questions', { circleId, scope: 'answered' }, AJIE)).usage
  }),
  member('questions.questions.mine', async (w) => {
    const { circleId } = await qa(w)
    await answered(w, circleId, 3)
    await paidQuestion(w, circleId)
    return (await w.measure('questions', 'questions', { circleId, scope: 'mine' }, AJIE)).usage
  }),
  member('questions.questionQueue', async (w) => {
    const { circleId } = await qa(w)
    for (let i = 0; i < 3; i++) await paidQuestion(w, circleId)
    return (await w.measure('questions', 'questionQueue', { status: 'open' }, LILY)).usage
  }),
  member('questions.answerQuestion', async (w) => {
    const { circleId } = await qa(w)
    const questionId = await paidQuestion(w, circleId)
    await w.call('member', 'recordSubscribeGrants', { requestId: rid(), accepted: ['communityNotice'] }, AJIE)
    return (await w.measure('questions', 'answerQuestion', { questionId, text: '先停跑一周，做髂胫束拉伸。', photoFileIds: [await w.photo(LILY)] }, LILY)).usage
  }),
  host('questions.questionSettings', async (w) => {
    const { circleId } = await qa(w)
    return (await w.measure('questions', 'questionSettings', { circleId }, HOST)).usage
  }),
  host('questions.updateQuestionSettings', async (w) => {
    const { circleId } = await qa(w)
    return (await w.measure('questions', 'updateQuestionSettings', { circleId, answerers: [{ openid: LILY, priceFen: 1990, refundDays: 3 }] }, HOST)).usage
  }),
  scenario('payNotify.notify.question', 'member', async (w) => {
    const { circleId } = await qa(w)
    await w.call('member', 'recordSubscribeGrants', { requestId: rid(), accepted: ['communityNotice'] }, LILY)
    const { question } = await ask(w, circleId, LILY)
    const notify = await w.runtime.payments.pay(question.orderId!)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  })
]

export const QUESTION_BACKLOG: Record<string, (w: World) => Promise<void>> = {
  async refundUnansweredQuestions(w) {
    // 45 paid questions unanswered past their 7 days: more than two runs' batches of 20.
    const { circleId } = await qa(w)
    for (let i = 0; i < 45; i++) await paidQuestion(w, circleId)
    w.clock.advance(7 * DAY + 60_000)
  }
}
