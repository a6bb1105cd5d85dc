// The jobs the `insights` function's timer runs every minute, in order. The host's numbers and reach: conversions attributed, the console's daily stats, segments, recall campaigns and automations and their measurements, the analytics reports and CSV exports.
// Each is idempotent: running it twice in a row changes nothing the second time.
import type { Job } from './job'
import { attributeConversions } from '../analytics/attribution'
import { refreshDailyStats } from '../console/aggregates'
import { refreshSegments } from '../growth/segments'
import { sendRecalls } from '../recall/campaigns'
import { runAutomations } from '../recall/automations'
import { measureRecalls } from '../recall/campaigns'
import { refreshAnalytics } from '../analytics/reports'
import { runExports } from '../exports/exports'

export const INSIGHT_JOBS: Job[] = [
  // First payments credit the check-ins their payers read (domain/analytics); the author's fact is applied just below.
  { name: 'attributeConversions', run: (runtime) => attributeConversions(runtime) },
  // The console's numbers: activity markers, lastActiveAt, and today's and yesterday's daily_stats (domain/console).
  { name: 'refreshDailyStats', run: (runtime) => refreshDailyStats(runtime) },
  { name: 'refreshSegments', run: (runtime) => refreshSegments(runtime) },
  // Recall campaigns a batch of their segment per run, the automations (once per member per occurrence), then the campaigns' 1/3/7-day measurements; their subscribe messages go in the drain below.
  { name: 'sendRecalls', run: (runtime) => sendRecalls(runtime) },
  { name: 'runAutomations', run: (runtime) => runAutomations(runtime) },
  { name: 'measureRecalls', run: (runtime) => measureRecalls(runtime) },
  // The host's analytics: once a China day, a bounded walk of the raw documents per run, then the reports.
  { name: 'refreshAnalytics', run: (runtime) => refreshAnalytics(runtime) },
  // The host's CSV exports: at most 10,000 rows a run (about 130 requests), a file once a job is fully read.
  { name: 'writeExports', run: (runtime) => runExports(runtime) }
]
