// The request budget of every action, counted as the CloudBase adapter sends
// requests (request-cost.ts): every registered action and every cron job is
// driven through a realistic scenario on the seeded community (scenarios.ts).
// Budgets: a member action ≤ 20 requests; a check-in ≤ 15 with no transaction
// over 8 document operations; the feed ≤ 6; a host action ≤ 20 unless listed in
// BATCH; a cron job run ≤ 500 (10 s at 20 ms a request), and run again it picks
// up where it left off. Prints one JSON line per scenario for the table.
// The same run also proves every query the scenarios make is served by a
// declared index (collections.ts): equality fields first, then the sort keys
// ending with the `_id` tie-breaker the Store adds (index-coverage.ts).
import { JOBS } from '../../cloudfunctions/domain/jobs/jobs'
import { registeredActions } from '../functions/registry'
import { formatQuery, type RecordedQuery } from '../../cloudfunctions/adapters/store/counting-store'
import { ALL_SCENARIOS, BATCH, CRON_SCENARIOS, LIMITS, overBudget, runScenarios, tableLine, type ScenarioResult } from './scenarios'
import { coverage, distinctQueries } from './index-coverage'

jest.setTimeout(600_000)

let results: Map<string, ScenarioResult>
let queries: Array<RecordedQuery & { scenario: string }>

beforeAll(async () => {
  const list = await runScenarios()
  results = new Map(list.map((r) => [r.id, r]))
  queries = list.flatMap((r) => r.worldQueries.map((q) => ({ ...q, scenario: r.id })))
  console.log(['request budget, one line per scenario:', ...list.map(tableLine)].join('\n'))
})

test('every registered action has at least one budget scenario', () => {
  const covered = new Set(ALL_SCENARIOS.map((s) => `${s.fn}.${s.action}`))
  const missing = registeredActions()
    .map((a) => `${a.fn}.${a.action}`)
    .filter((name) => !covered.has(name))
  expect(missing).toEqual([])
})

test('every cron job has a budget scenario', () => {
  expect(CRON_SCENARIOS.map((s) => s.action).sort()).toEqual(JOBS.map((j) => j.name).sort())
})

test('batch-shaped host actions are listed with their counts, never exempted silently', () => {
  const batch = ALL_SCENARIOS.filter((s) => s.kind === 'batch').map((s) => `${s.fn}.${s.action}`)
  expect([...new Set(batch)].sort()).toEqual(Object.keys(BATCH).sort())
  const hostOnly = new Set(
    registeredActions()
      .filter((a) => a.definition.role !== 'member')
      .map((a) => `${a.fn}.${a.action}`)
  )
  for (const name of batch) expect(hostOnly.has(name)).toBe(true)
  console.log(
    `batch-shaped host actions over the host budget of ${LIMITS.host.requests}:\n` +
      Object.entries(BATCH)
        .map(([name, b]) => `  ${name}: ${results.get(name)?.requests} requests now, limit ${b.requests} (${b.why})`)
        .join('\n')
  )
})

test('member scenarios run as members and host scenarios as the host', () => {
  const roles = new Map(registeredActions().map((a) => [`${a.fn}.${a.action}`, a.definition.role]))
  for (const s of ALL_SCENARIOS) {
    const role = roles.get(`${s.fn}.${s.action}`)
    if (s.kind === 'member' || s.kind === 'checkin' || s.kind === 'feed') expect([s.id, role ?? 'member']).toEqual([s.id, 'member'])
    if (s.kind === 'host' || s.kind === 'batch') expect([s.id, role === 'member' ? 'member' : 'staff']).toEqual([s.id, 'staff'])
  }
})

describe.each(ALL_SCENARIOS.map((s) => [s.id, s.kind] as const))('%s (%s)', (id) => {
  test('stays within its request budget', () => {
    const result = results.get(id)!
    const problems = overBudget(result)
    if (problems.length > 0) throw new Error(problems.join('\n'))
  })
})

describe.each(CRON_SCENARIOS.map((s) => [s.id] as const))('%s', (id) => {
  test('run again, it picks up where it left off and each run stays within 500 requests', () => {
    const result = results.get(id)!
    if (result.error) throw new Error(`${id}: scenario failed: ${result.error}`)
    const reruns = result.reruns ?? []
    const over = reruns.filter((r) => r.requests > LIMITS.cron.requests)
    if (over.length > 0) throw new Error(`${id}: a later run made ${over[0].requests} requests, budget ${LIMITS.cron.requests}`)
    // Each later run does only what is left: the runs reach one that finds nothing to do.
    expect({ id, lastRunWork: reruns[reruns.length - 1]?.work }).toEqual({ id, lastRunWork: 0 })
  })
})

test('every query the scenarios make is served by a declared index', () => {
  expect(queries.length).toBeGreaterThan(0)
  const uncovered = distinctQueries(queries).filter((q) => !coverage(q).covered)
  if (uncovered.length > 0) {
    console.log(
      [
        'queries no declared index serves:',
        ...uncovered.map((q) => {
          const where = queries.find((x) => formatQuery(x) === formatQuery(q))
          return `  ${formatQuery(q)}   (e.g. in ${where?.scenario})`
        })
      ].join('\n')
    )
  }
  expect(uncovered.map(formatQuery)).toEqual([])
})
