// Asking, paying, answering and reading questions.
//
// A free question reaches its answerer at once. A paid one is an order of the
// question kind (question-order.ts), priced here from the host's settings and
// made in the transaction that stores the question; settling its payment
// publishes it. Answering and the refund timer both move an open question on,
// each inside a transaction that reads it first: whichever commits second finds
// it no longer open, so a question is never both answered and refunded.
import { randomBytes } from 'node:crypto'
import type { AnswerQuestionInput, AskQuestionInput, AskQuestionResult, ListQuestionsInput, QuestionQueueInput, QuestionView } from '../../../types/questions'
import type { Page } from '../../../types/page'
import type { ClientPaymentView } from '../../../types/membership'
import { AppError, errors } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { REJECTED_TEXT_MESSAGE } from '../../ports/content-safety'
import { loadCircle } from '../membership/circle'
import { closeOrder } from '../orders/close-order'
import '../orders/installed-kinds'
import { ORDERS, PAY_WINDOW_MS, newOrder, newOutTradeNo, type OrderDoc } from '../orders/order'
import { prepayOrder } from '../orders/open-order'
import { priceOrder } from '../orders/pricing'
import { settleFromProvider } from '../orders/settle-payment'
import { notifyIn } from './notify'
import { QUESTION_KIND, tellAnswerer, type QuestionItem } from './question-order'
import { QUESTIONS, assertMayEnterQa, loadReadable, peopleOf, personView, toQuestionView, toQuestionViews, type QuestionDoc } from './question'
import { loadQuestionSettings } from './settings'

const PAGE_SIZE = 20

async function checkText(runtime: Runtime, text: string, openid: string, field: string): Promise<void> {
  const verdict = await runtime.contentSafety.checkText(text, openid)
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `${REJECTED_TEXT_MESSAGE}（${verdict.reason}）`, field)
}

/**
 * 提问. The question's id comes from the request id, so a retried ask answers
 * the question it made. Free: published now. Paid: stored awaiting payment with
 * its order, both in one transaction, and the payment parameters answered.
 */
export async function askQuestion(runtime: Runtime, caller: Caller, input: AskQuestionInput, now: number): Promise<AskQuestionResult> {
  const [circle, settings] = await Promise.all([loadCircle(runtime, input.circleId), loadQuestionSettings(runtime, input.circleId)])
  await assertMayEnterQa(runtime, input.circleId, caller, now, settings)
  const terms = settings?.answerers.find((a) => a.openid === input.answererOpenid)
  if (!terms) throw new AppError('INVALID_INPUT', '这位回答者不在本圈子的答疑名单中', 'answererOpenid')
  if (input.answererOpenid === caller.openid) throw new AppError('INVALID_INPUT', '不能向自己提问', 'answererOpenid')
  const id = `q_${caller.openid.slice(-8)}_${input.requestId}`.slice(0, 80)
  const questions = runtime.store.collection<QuestionDoc>(QUESTIONS)
  const existing = await questions.get(id)
  if (existing) return { question: await viewOne(runtime, existing, caller), payment: await paymentFor(runtime, existing, now) }

  const text = input.text.trim()
  await checkText(runtime, text, caller.openid, 'text')
  const people = await peopleOf(runtime, [input.answererOpenid])
  const answererName = personView(runtime, people, input.answererOpenid).nickname
  const paid = terms.priceFen > 0
  const question: QuestionDoc = {
    _id: id,
    circleId: circle._id,
    asker: caller.openid,
    answerer: input.answererOpenid,
    text,
    visibility: input.visibility,
    priceFen: terms.priceFen,
    refundDays: terms.refundDays,
    status: paid ? 'awaitingPayment' : 'open',
    orderId: null,
    createdAt: now,
    publishedAt: paid ? null : now,
    refundAt: null,
    answer: null,
    answeredAt: null,
    refundedAt: null,
    updatedAt: now
  }
  if (!paid) {
    await runtime.store.transaction(async (tx) => {
      const txQuestions = tx.collection<QuestionDoc>(QUESTIONS)
      if (await txQuestions.get(id)) return
      await txQuestions.insert(question)
      await tellAnswerer(tx, question, circle.name, now)
    })
    const stored = (await questions.get(id))!
    return { question: toQuestionView(runtime, stored, people, caller), payment: null }
  }
  const item: QuestionItem = { kind: QUESTION_KIND, questionId: id, circleId: circle._id, circleName: circle.name, answererName }
  const draft = newOrder({ id: newOutTradeNo(now, randomBytes(6).toString('hex')), item, openid: caller.openid, listPriceFen: terms.priceFen, payBefore: now + PAY_WINDOW_MS, now })
  const order = await runtime.store.transaction(async (tx) => {
    const txQuestions = tx.collection<QuestionDoc>(QUESTIONS)
    const again = await txQuestions.get(id)
    if (again) return null
    const priced = await priceOrder(tx, draft, now)
    await tx.collection<OrderDoc>(ORDERS).insert(priced)
    await txQuestions.insert({ ...question, orderId: priced._id })
    return priced
  })
  const stored = (await questions.get(id))!
  const payment = order ? await prepayOrder(runtime, order, `${circle.name}·向${answererName}提问`.slice(0, 60)) : await paymentFor(runtime, stored, now)
  return { question: toQuestionView(runtime, stored, people, caller), payment }
}

/** The payment parameters of a question still waiting for its money (its open order again), else null. */
async function paymentFor(runtime: Runtime, question: QuestionDoc, now: number): Promise<ClientPaymentView | null> {
  if (question.status !== 'awaitingPayment' || !question.orderId) return null
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(question.orderId)
  if (!order || order.status !== 'created' || order.payBefore <= now) return null
  return prepayOrder(runtime, order, `付费提问`)
}

/** 去支付 on a question waiting for its money: the same order (WeChat shows the same payment). */
export async function payQuestion(runtime: Runtime, caller: Caller, questionId: string, now: number): Promise<AskQuestionResult> {
  const question = await runtime.store.collection<QuestionDoc>(QUESTIONS).get(questionId)
  if (!question || question.asker !== caller.openid) throw errors.notFound('问题')
  if (question.status !== 'awaitingPayment') throw new AppError('CONFLICT', question.status === 'closed' ? '支付已超时，问题已关闭，请重新提问' : '这个问题已支付')
  const payment = await paymentFor(runtime, question, now)
  if (!payment) {
    // Its window has passed: closed here and at the provider (paid meanwhile: settled instead).
    if (question.orderId) await closeOrder(runtime, question.orderId, 'expired')
    throw new AppError('CONFLICT', '支付已超时，问题已关闭，请重新提问')
  }
  return { question: await viewOne(runtime, question, caller), payment }
}

async function viewOne(runtime: Runtime, doc: QuestionDoc, caller: Caller): Promise<QuestionView> {
  return (await toQuestionViews(runtime, [doc], caller))[0]
}

/**
 * One question. Its asker coming back from paying asks the provider when the
 * order is still unpaid here, so a lost notify never leaves them waiting.
 */
export async function getQuestion(runtime: Runtime, caller: Caller, questionId: string, now: number): Promise<QuestionView> {
  let question = await loadReadable(runtime, caller, questionId, now)
  if (question.status === 'awaitingPayment' && question.orderId && question.asker === caller.openid && (await settleFromProvider(runtime, question.orderId))) {
    question = (await runtime.store.collection<QuestionDoc>(QUESTIONS).get(questionId))!
  }
  return viewOne(runtime, question, caller)
}

/** The circle's answered public questions (newest answer first), or the caller's own questions there. */
export async function listQuestions(runtime: Runtime, caller: Caller, input: ListQuestionsInput, now: number): Promise<Page<QuestionView>> {
  await loadCircle(runtime, input.circleId)
  await assertMayEnterQa(runtime, input.circleId, caller, now)
  const questions = runtime.store.collection<QuestionDoc>(QUESTIONS)
  const page =
    input.scope === 'answered'
      ? await questions.find({ circleId: input.circleId, visibility: 'public', status: 'answered' }, { sort: [['answeredAt', 'desc']], limit: PAGE_SIZE, after: input.after ?? null })
      : await questions.find({ asker: caller.openid, circleId: input.circleId }, { sort: [['createdAt', 'desc']], limit: PAGE_SIZE, after: input.after ?? null })
  return { items: await toQuestionViews(runtime, page.items, caller), next: page.next }
}

/** 待回答 / 已回答: the questions put to the caller, in every circle. */
export async function questionQueue(runtime: Runtime, caller: Caller, input: QuestionQueueInput): Promise<Page<QuestionView>> {
  const page = await runtime.store
    .collection<QuestionDoc>(QUESTIONS)
    .find({ answerer: caller.openid, status: input.status }, { sort: [['publishedAt', input.status === 'open' ? 'asc' : 'desc']], limit: PAGE_SIZE, after: input.after ?? null })
  return { items: await toQuestionViews(runtime, page.items, caller), next: page.next }
}

/**
 * 回答. Only its answerer, only while it is open: the answer is written in a
 * transaction that reads the question, so an answer racing the refund timer
 * either lands first (and the timer finds it answered) or is refused.
 */
export async function answerQuestion(runtime: Runtime, caller: Caller, input: AnswerQuestionInput, now: number): Promise<QuestionView> {
  const questions = runtime.store.collection<QuestionDoc>(QUESTIONS)
  const question = await questions.get(input.questionId)
  if (!question || !(question.answerer === caller.openid || question.asker === caller.openid) || question.status === 'awaitingPayment' || question.status === 'closed') {
    throw errors.notFound('问题')
  }
  if (question.answerer !== caller.openid) throw new AppError('FORBIDDEN', '只有被提问的人可以回答')
  assertAnswerable(question)
  const text = input.text.trim()
  await checkText(runtime, text, caller.openid, 'text')
  if (input.photoFileIds.length > 0) {
    const verdict = await runtime.contentSafety.checkImages(input.photoFileIds, caller.openid)
    if (verdict.status === 'reject') throw new AppError('CONTENT_REJECTED', `图片未通过安全检测（${verdict.reason}）`, 'photoFileIds')
    // A verdict still pending (WeChat checks images later) is not waited for: see the README's Q&A section.
  }
  const circle = await loadCircle(runtime, question.circleId, { allowArchived: true })
  const answered = await runtime.store.transaction(async (tx) => {
    const txQuestions = tx.collection<QuestionDoc>(QUESTIONS)
    const fresh = (await txQuestions.get(question._id))!
    assertAnswerable(fresh)
    const next: QuestionDoc = { ...fresh, status: 'answered', answer: { text, photoFileIds: input.photoFileIds }, answeredAt: now, refundAt: null, updatedAt: now }
    await txQuestions.set(next)
    await notifyIn(tx, { key: `answered:${fresh._id}`, openid: fresh.asker, title: `「${circle.name}」你的提问有了回答`, body: text.slice(0, 60), questionId: fresh._id, now, subscribe: true })
    return next
  })
  return viewOne(runtime, answered, caller)
}

function assertAnswerable(question: QuestionDoc): void {
  if (question.status === 'answered') throw new AppError('CONFLICT', '这个问题已经回答过了')
  if (question.status === 'refunding' || question.status === 'refunded') throw new AppError('CONFLICT', '这个问题已超时未回答并退款给提问者，不能再回答')
  if (question.status !== 'open') throw new AppError('CONFLICT', '这个问题还不能回答')
}
