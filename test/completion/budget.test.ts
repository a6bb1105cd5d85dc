// The request budgets of the completion scenarios (test/budget/completion-scenarios.ts),
// run on their own: the full budget suite runs them with every other scenario.
import { CRON_SCENARIOS, runScenarios, tableLine } from '../budget/scenarios'
import { COMPLETION_SCENARIOS } from '../budget/completion-scenarios'
import { coverage } from '../budget/index-coverage'

jest.setTimeout(300_000)

test('the check-in that completes stays in the check-in budget; the report in the member budget, every query on an index', async () => {
  const results = await runScenarios([...COMPLETION_SCENARIOS, ...CRON_SCENARIOS.filter((s) => s.action === 'tellCompleters')])
  console.log(results.map(tableLine).join('\n'))
  for (const r of results) {
    expect([r.id, r.error]).toEqual([r.id, undefined])
    expect([r.id, r.requests <= r.limit.requests]).toEqual([r.id, true])
    if (r.limit.largestTx !== undefined) expect([r.id, r.largestTx <= r.limit.largestTx]).toEqual([r.id, true])
    expect(r.queries.filter((q) => !coverage(q).covered)).toEqual([])
  }
  const report = results.find((r) => r.id === 'challenges.completionReport')!
  expect(report.requests).toBeLessThanOrEqual(20)
})
