// The question order kind: the fee for one paid question. Paying publishes the
// question to its answerer (a message in 消息, and a subscribe message when
// they granted one); an order that closes unpaid closes its question; a refund
// in full (the unanswered-question timer's, or a host's before an answer)
// marks it refunded, after which it can no longer be answered. Registered with
// the orders module (orders/kinds.ts) from here.
import type { QuestionStatus } from '../../../types/questions'
import type { Transaction } from '../../ports/store'
import { registerOrderKind } from '../orders/kinds'
import type { OrderDoc } from '../orders/order'
import { notifyIn } from './notify'
import { DAY_MS, QUESTIONS, QUESTION_PAGE, type QuestionDoc } from './question'

export const QUESTION_KIND = 'question'

// A question's own statuses (types/questions), named so they are not read as an order's (test/orders/status-writes).
const QUESTION_CLOSED: QuestionStatus = 'closed'
const QUESTION_REFUNDED: QuestionStatus = 'refunded'

export type QuestionItem = {
  kind: typeof QUESTION_KIND
  questionId: string
  circleId: string
  circleName: string
  answererName: string
}

export const questionOf = (order: Omit<OrderDoc, 'status'>): QuestionItem => order.item as unknown as QuestionItem

/** Inside a transaction: the question reaches its answerer (once: the message's id is its key). */
export async function tellAnswerer(tx: Transaction, question: QuestionDoc, circleName: string, now: number): Promise<void> {
  const body = question.text.slice(0, 60)
  await notifyIn(tx, {
    key: `question:${question._id}`,
    openid: question.answerer,
    title: `「${circleName}」有人向你提问`,
    body: question.priceFen > 0 ? `${body}（付费提问，请在 ${question.refundDays} 天内回答，逾期自动退款）` : body,
    questionId: question._id,
    now,
    subscribe: true
  })
}

export const questionOrderKind = registerOrderKind({
  kind: QUESTION_KIND,
  couponLabel: '付费提问',
  describe(order) {
    const item = questionOf(order)
    return {
      title: `向${item.answererName}提问`,
      label: '付费提问',
      page: QUESTION_PAGE(item.questionId),
      firstPaymentFact: { kind: QUESTION_KIND, title: `「${item.circleName}」付费提问` }
    }
  },
  async fulfil(tx, order, now) {
    const item = questionOf(order)
    const questions = tx.collection<QuestionDoc>(QUESTIONS)
    const question = await questions.get(item.questionId)
    // Settlement runs once per order; a question not waiting for this order's money is left as it is.
    if (!question || question.status !== 'awaitingPayment' || question.orderId !== order._id) return {}
    const published: QuestionDoc = { ...question, status: 'open', publishedAt: now, refundAt: now + question.refundDays * DAY_MS, updatedAt: now }
    await questions.set(published)
    await tellAnswerer(tx, published, item.circleName, now)
    return {}
  },
  async onClosed(tx, order, _reason, now) {
    const questions = tx.collection<QuestionDoc>(QUESTIONS)
    const question = await questions.get(questionOf(order).questionId)
    if (!question || question.status !== 'awaitingPayment' || question.orderId !== order._id) return
    await questions.set({ ...question, status: QUESTION_CLOSED, updatedAt: now })
  },
  async onRefunded(tx, { order, full, now }) {
    if (!full) return
    const questions = tx.collection<QuestionDoc>(QUESTIONS)
    const question = await questions.get(questionOf(order).questionId)
    // An answered question keeps its answer (a host's refund after the fact); an unanswered one is over.
    if (!question || (question.status !== 'open' && question.status !== 'refunding')) return
    await questions.set({ ...question, status: QUESTION_REFUNDED, refundAt: null, refundedAt: now, updatedAt: now })
    // The refund notice (a subscribe message) is the orders module's; 消息 says why.
    await notifyIn(tx, {
      key: `refunded:${question._id}`,
      openid: question.asker,
      title: `「${questionOf(order).circleName}」提问已退款`,
      body: `${question.status === 'refunding' ? `${questionOf(order).answererName}未在 ${question.refundDays} 天内回答，` : ''}¥${(order.refundedFen / 100).toFixed(2)} 已原路退回`,
      questionId: question._id,
      now,
      subscribe: false
    })
  }
})
