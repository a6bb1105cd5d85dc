// The request budgets of the deposit scenarios (test/budget/deposit-scenarios.ts),
// run on their own: the full budget suite runs them with every other scenario.
import { CRON_SCENARIOS, runScenarios, tableLine } from '../budget/scenarios'
import { DEPOSIT_SCENARIOS } from '../budget/deposit-scenarios'
import { coverage } from '../budget/index-coverage'

jest.setTimeout(300_000)

test('paying a deposit, its notify and the member view stay in the member budget; the settlement run in the cron budget; every query on an index', async () => {
  const results = await runScenarios([...DEPOSIT_SCENARIOS, ...CRON_SCENARIOS.filter((s) => s.action === 'settleDeposits')])
  console.log(results.map(tableLine).join('\n'))
  for (const r of results) {
    expect([r.id, r.error]).toEqual([r.id, undefined])
    expect([r.id, r.requests <= r.limit.requests]).toEqual([r.id, true])
    expect(r.queries.filter((q) => !coverage(q).covered)).toEqual([])
  }
})
