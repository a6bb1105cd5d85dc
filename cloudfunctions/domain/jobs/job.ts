// A periodic job: idempotent, so running it twice in a row changes nothing the
// second time; it reports what it did as counts ({ sent: 3, retried: 1 }).
import type { Runtime } from '../../platform/runtime'

export interface Job {
  name: string
  run(runtime: Runtime): Promise<Record<string, number>>
}
