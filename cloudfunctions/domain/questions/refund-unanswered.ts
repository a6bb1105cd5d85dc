// The timer's refund of paid questions left unanswered past their day (the
// host's N days after the question reached its answerer). Each question moves
// from open to refunding in the same transaction that records its refund
// (out_refund_no `${orderId}-unanswered`, one per order) and moves its order to
// refunding: a second run, an overlapping run, or an answer committed first all
// find it no longer open, so each question is refunded once and never both
// refunded and answered. The refund then goes through the orders module's
// path (the provider, settling, the refund notice; the reconcile timer when
// WeChat does not answer at once), and settling marks the question refunded.
import type { Runtime } from '../../platform/runtime'
import { beginRefund, finishRefund, type BegunRefund } from '../orders/refunds'
import '../orders/installed-kinds'
import { QUESTIONS, type QuestionDoc } from './question'

/** Questions taken per run: about 20 requests each (the refund transaction, the provider, settling it with its notices), so a run stays near 400. */
export const REFUND_BATCH = 20

export async function refundUnansweredQuestions(runtime: Runtime, options: { limit?: number } = {}): Promise<{ refunded: number; skipped: number }> {
  const now = runtime.clock.now()
  const due = await runtime.store.collection<QuestionDoc>(QUESTIONS).find({ status: 'open', refundAt: { $lte: now } }, { sort: [['refundAt', 'asc']], limit: options.limit ?? REFUND_BATCH })
  let refunded = 0
  let skipped = 0
  for (const candidate of due.items) {
    if (!candidate.orderId) continue
    const orderId = candidate.orderId
    let begun: BegunRefund | null = null
    try {
      begun = await runtime.store.transaction(async (tx) => {
        const questions = tx.collection<QuestionDoc>(QUESTIONS)
        const question = await questions.get(candidate._id)
        // Answered (or taken by another run) since the find: nothing to do.
        if (!question || question.status !== 'open' || question.refundAt === null || question.refundAt > now) return null
        const started = await beginRefund(tx, orderId, { amountFen: 'rest', outRefundNo: `${orderId}-unanswered`, endsAccess: false, now, purpose: 'host', quietly: true })
        if (!started) return null
        await questions.set({ ...question, status: 'refunding', updatedAt: now })
        return started
      })
    } catch (error) {
      // A run racing this one, or the answer, won the question: the next run sees where it went.
      console.error('[questions] refund of an unanswered question skipped:', (error as Error).message)
    }
    if (!begun) {
      skipped += 1
      continue
    }
    await finishRefund(runtime, begun, '提问超时未回答，自动退款').catch((error) => console.error('[questions] refund left for the reconcile timer', (error as Error).message))
    refunded += 1
  }
  return { refunded, skipped }
}
