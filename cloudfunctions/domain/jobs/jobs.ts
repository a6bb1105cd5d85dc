// The periodic jobs the cron function runs, in order. Each is idempotent:
// running it twice in a row changes nothing the second time. Later capabilities
// add theirs here (closing unpaid orders, expiring memberships, settling boards).
import type { Runtime } from '../../platform/runtime'
import { drainOutbox } from '../outbox/drain-outbox'
import { checkPhotoIntegrity } from '../integrity/check-photos'
import { applyFacts } from '../growth/apply-events'
import { expirePoints } from '../growth/expire-points'
import { refreshSegments } from '../growth/segments'
import { remindMembershipEnds } from '../membership/jobs'
import { closeUnpaidOrders } from '../orders/close-unpaid'
import { reconcileRefunds } from '../orders/reconcile-refunds'
import { remindEvents } from '../events/jobs'
import { settleBoards } from '../leaderboard/settle'
import { moveBoards } from '../leaderboard/move-boards'
import { refreshDailyStats } from '../console/aggregates'
import { sendDueReminders } from '../notifications/reminders'
import { runExports } from '../exports/exports'
import { measureRecalls, sendRecalls } from '../recall/campaigns'
import { runAutomations } from '../recall/automations'
import { attributeConversions } from '../analytics/attribution'
import { refreshAnalytics } from '../analytics/reports'
import { tellCompleters } from '../checkin/completion-report'
import { settleDeposits } from '../deposits/settle'
import { refundUnansweredQuestions } from '../questions/refund-unanswered'
import { settleGroupBuys } from '../plays/group-buy/settle'
import { refundUnclaimedGiftCards } from '../plays/gift/refund-unclaimed'

export interface Job {
  name: string
  run(runtime: Runtime): Promise<Record<string, number>>
}

export const JOBS: Job[] = [
  // First payments credit the check-ins their payers read (domain/analytics); the author's fact is applied just below.
  { name: 'attributeConversions', run: (runtime) => attributeConversions(runtime) },
  // New check-ins' photos against earlier ones (domain/integrity): a copied photo is held for the host within the minute.
  { name: 'checkPhotoIntegrity', run: (runtime) => checkPhotoIntegrity(runtime) },
  // Facts first, so the messages they queue (tier-ups) go out in the same run,
  // then the boards they move. Each takes a batch that fits a run at 20 ms a request.
  { name: 'applyFacts', run: (runtime) => applyFacts(runtime, { limit: 80 }) },
  { name: 'moveBoards', run: (runtime) => moveBoards(runtime) },
  // The console's numbers: activity markers, lastActiveAt, and today's and yesterday's daily_stats (domain/console).
  { name: 'refreshDailyStats', run: (runtime) => refreshDailyStats(runtime) },
  { name: 'expirePoints', run: (runtime) => expirePoints(runtime) },
  { name: 'refreshSegments', run: (runtime) => refreshSegments(runtime) },
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
  { name: 'settleDeposits', run: async (runtime) => ({ ...(await settleDeposits(runtime)) }) },
  { name: 'remindMembershipEnds', run: (runtime) => remindMembershipEnds(runtime) },
  { name: 'remindEvents', run: (runtime) => remindEvents(runtime) },
  { name: 'settleBoards', run: (runtime) => settleBoards(runtime) },
  // Opt-in check-in reminders (at the challenge's hour; "your streak breaks tonight"), queued before the drain.
  { name: 'remindCheckins', run: (runtime) => sendDueReminders(runtime, 'daily') },
  { name: 'remindStreaks', run: (runtime) => sendDueReminders(runtime, 'streak') },
  // Recall campaigns a batch of their segment per run, the automations (once per member per occurrence), then the campaigns' 1/3/7-day measurements; their subscribe messages go in the drain below.
  { name: 'sendRecalls', run: (runtime) => sendRecalls(runtime) },
  { name: 'runAutomations', run: (runtime) => runAutomations(runtime) },
  { name: 'measureRecalls', run: (runtime) => measureRecalls(runtime) },
  // Completers are told their 完成报告 is ready (消息), from the challenge.completed facts (domain/checkin/completion-report).
  { name: 'tellCompleters', run: (runtime) => tellCompleters(runtime) },
  // The host's analytics: once a China day, a bounded walk of the raw documents per run, then the reports.
  { name: 'refreshAnalytics', run: (runtime) => refreshAnalytics(runtime) },
  // The host's CSV exports: at most 10,000 rows a run (about 130 requests), a file once a job is fully read.
  { name: 'writeExports', run: (runtime) => runExports(runtime) },
  { name: 'drainOutbox', run: (runtime) => drainOutbox(runtime) }
]
