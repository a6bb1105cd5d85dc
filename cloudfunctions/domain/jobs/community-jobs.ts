// The jobs the `cron` function's timer runs every minute, in order. The community's minute: facts and the boards they move, points expiring, reminders and the completers told, then the outbox drained last so what they queued goes out in the same run.
// Each is idempotent: running it twice in a row changes nothing the second time.
import type { Job } from './job'
import { applyFacts } from '../growth/apply-events'
import { moveBoards } from '../leaderboard/move-boards'
import { expirePoints } from '../growth/expire-points'
import { remindMembershipEnds } from '../membership/jobs'
import { remindEvents } from '../events/jobs'
import { settleBoards } from '../leaderboard/settle'
import { sendDueReminders } from '../notifications/reminders'
import { tellCompleters } from '../checkin/completion-report'
import { drainOutbox } from '../outbox/drain-outbox'

export const CRON_JOBS: Job[] = [
  // Facts first, so the messages they queue (tier-ups) go out in the same run,
  // then the boards they move. Each takes a batch that fits a run at 20 ms a request.
  { name: 'applyFacts', run: (runtime) => applyFacts(runtime, { limit: 80 }) },
  { name: 'moveBoards', run: (runtime) => moveBoards(runtime) },
  { name: 'expirePoints', run: (runtime) => expirePoints(runtime) },
  { name: 'remindMembershipEnds', run: (runtime) => remindMembershipEnds(runtime) },
  { name: 'remindEvents', run: (runtime) => remindEvents(runtime) },
  { name: 'settleBoards', run: (runtime) => settleBoards(runtime) },
  // Opt-in check-in reminders (at the challenge's hour; "your streak breaks tonight"), queued before the drain.
  { name: 'remindCheckins', run: (runtime) => sendDueReminders(runtime, 'daily') },
  { name: 'remindStreaks', run: (runtime) => sendDueReminders(runtime, 'streak') },
  // Completers are told their 完成报告 is ready (消息), from the challenge.completed facts (domain/checkin/completion-report).
  { name: 'tellCompleters', run: (runtime) => tellCompleters(runtime) },
  { name: 'drainOutbox', run: (runtime) => drainOutbox(runtime) }
]
