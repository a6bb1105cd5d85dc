// The jobs the `settle` function's timer runs every minute, in order. Money that time settles: unpaid orders closed, refunds owed (unanswered questions, unclaimed gift cards, failed group buys) made and reconciled, deposit challenges settled.
// Each is idempotent: running it twice in a row changes nothing the second time.
import type { Job } from './job'
import { closeUnpaidOrders } from '../orders/close-unpaid'
import { refundUnansweredQuestions } from '../questions/refund-unanswered'
import { refundUnclaimedGiftCards } from '../plays/gift/refund-unclaimed'
import { settleGroupBuys } from '../plays/group-buy/settle'
import { reconcileRefunds } from '../orders/reconcile-refunds'
import { settleDeposits } from '../deposits/settle'

export const SETTLE_JOBS: Job[] = [
  // Unpaid orders of every kind (an event's lapsed seat hold ends with its order, the seat back to the waitlist).
  { name: 'closeUnpaidOrders', run: (runtime) => closeUnpaidOrders(runtime) },
  // Paid questions unanswered past the host's N days: refunded once each (domain/questions), before the refunds are reconciled.
  { name: 'refundUnansweredQuestions', run: (runtime) => refundUnansweredQuestions(runtime) },
  // 礼品卡 unclaimed 30 days after payment: refunded once each to the buyer (domain/plays/gift).
  { name: 'refundUnclaimedGiftCards', run: (runtime) => refundUnclaimedGiftCards(runtime) },
  // 拼团 groups past their time: filled by 模拟成团 when allowed, else every payment refunded once (domain/plays/group-buy).
  { name: 'settleGroupBuys', run: (runtime) => settleGroupBuys(runtime) },
  { name: 'reconcileRefunds', run: (runtime) => reconcileRefunds(runtime) },
  // Deposit challenges past their end (and make-up grace): completers refunded and paid their share of the pool, a batch a run (domain/deposits).
  { name: 'settleDeposits', run: async (runtime) => ({ ...(await settleDeposits(runtime)) }) }
]
