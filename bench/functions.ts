// A function call end to end: through the dev host over HTTP (session check,
// JSON, router, validation, store), and straight through the entry point.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDevHost } from '../scripts/dev-host/server'
import { FUNCTIONS } from '../cloudfunctions/functions'
import { localContextFor } from '../cloudfunctions/platform/caller'
import { percentile, round, timeEach } from './stats'

export async function benchFunctions(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-host-'))
  const host = await startDevHost({ port: 0, dataDir, logger: { log: () => {}, error: () => {} } })
  const { data } = await (await fetch(`${host.url}/dev/login`, { method: 'POST', body: JSON.stringify({ persona: 'xiaomei' }) })).json()
  const headers = { authorization: `Bearer ${data.token}`, 'content-type': 'application/json' }
  const http = await timeEach(1000, () => fetch(`${host.url}/fn/member`, { method: 'POST', headers, body: '{"action":"me"}' }).then((r) => r.json()))
  const direct = await timeEach(2000, () => FUNCTIONS.member.main({ action: 'me' }, localContextFor('dev_xiaomei', 'member', 'bench')))
  const rss = process.memoryUsage().rss
  await host.close()
  rmSync(dataDir, { recursive: true, force: true })
  return {
    member_me_http_p50_ms: round(percentile(http, 50)),
    member_me_http_p95_ms: round(percentile(http, 95)),
    member_me_direct_p95_ms: round(percentile(direct, 95)),
    dev_host_rss_mb: round(rss / 1024 / 1024, 1)
  }
}
