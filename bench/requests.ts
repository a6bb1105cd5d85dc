// Requests per action as CloudBase would be sent them (the counting store over
// the embedded database, charged per request-cost.ts), from the same scenarios
// the request-budget test runs (test/budget/scenarios.ts): every registered
// action and cron job on the seeded demo community.
import { runScenarios } from '../test/budget/scenarios'

/** At 20 ms a request (a fair CloudBase planning figure: 10–40 ms). */
const MS_PER_REQUEST = 20

export async function benchRequests(): Promise<Record<string, number>> {
  const results = await runScenarios()
  const failed = results.filter((r) => r.error)
  if (failed.length > 0) throw new Error(`request scenarios failed: ${failed.map((r) => `${r.id}: ${r.error}`).join('; ')}`)
  const figures: Record<string, number> = {}
  for (const r of results) figures[`cloud_requests_${r.id.replace(/\./g, '_')}`] = r.requests
  const actions = results.filter((r) => r.kind !== 'cron')
  const checkins = results.filter((r) => r.kind === 'checkin')
  const cron = results.filter((r) => r.kind === 'cron')
  figures.cloud_requests_max = Math.max(...actions.map((r) => r.requests))
  figures.cloud_largest_tx = Math.max(...actions.map((r) => r.largestTx))
  figures.cloud_largest_tx_checkin = Math.max(...checkins.map((r) => r.largestTx))
  figures.cloud_checkin_requests_max = Math.max(...checkins.map((r) => r.requests))
  figures.cloud_checkin_ms_at_20ms = figures.cloud_checkin_requests_max * MS_PER_REQUEST
  figures.cloud_cron_job_requests_max = Math.max(...cron.map((r) => r.requests))
  return figures
}

if (require.main === module) {
  benchRequests().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
