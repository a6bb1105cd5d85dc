// The periodic jobs the cron function runs, in order. Each is idempotent:
// running it twice in a row changes nothing the second time. Later capabilities
// add theirs here (closing unpaid orders, expiring memberships, settling boards).
import type { Runtime } from '../../platform/runtime'
import { drainOutbox } from '../outbox/drain-outbox'

export interface Job {
  name: string
  run(runtime: Runtime): Promise<Record<string, number>>
}

export const JOBS: Job[] = [
  { name: 'drainOutbox', run: (runtime) => drainOutbox(runtime) }
]
