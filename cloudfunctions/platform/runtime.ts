// The adapters one function instance uses, built once per instance (CloudBase
// reuses warm instances) and handed to the domain. Nothing in the domain knows
// which runtime it is on.
import type { Runtime } from './runtime-shape'

export type { Runtime, RuntimeConfig } from './runtime-shape'
export { parseOpenidList } from './runtime-shape'

let current: Runtime | null = null

/** The dev host and tests install their runtime explicitly. */
export function setRuntime(runtime: Runtime | null): void {
  current = runtime
}

export function getRuntime(): Runtime {
  if (current) return current
  // APP_RUNTIME is replaced by a constant when functions are bundled for CloudBase,
  // so the local adapters (and better-sqlite3) never ship there, and the CloudBase
  // SDK is never loaded locally (it raises an unhandled rejection without credentials).
  if (process.env.APP_RUNTIME === 'cloudbase') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    current = require('../adapters/cloudbase/cloudbase-runtime').createCloudbaseRuntime() as Runtime
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    current = require('../adapters/local/local-runtime').createLocalRuntimeFromEnv() as Runtime
  }
  return current
}
