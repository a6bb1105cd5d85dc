// The adapters one function instance uses, built once per instance (CloudBase
// reuses warm instances) and handed to the domain. Nothing in the domain knows
// which runtime it is on.
import type { Store } from '../ports/store'
import type { Clock } from '../ports/clock'
import type { Notifier } from '../ports/notifier'
import type { Files } from '../ports/files'
import type { ContentSafety } from '../ports/content-safety'
import type { Payments } from '../ports/payments'
import type { MiniCodes } from '../ports/mini-codes'

export interface RuntimeConfig {
  mode: 'local' | 'cloudbase'
  /** Openids allowed to act as hosts (主理人). */
  hostOpenids: ReadonlySet<string>
  /** Secret that signs event tickets. */
  ticketSecret: string
  /** Our subscribe-message template keys → WeChat template ids (empty locally, where messages are simulated). */
  subscribeTemplates?: Readonly<Record<string, string>>
}

export interface Runtime {
  store: Store
  clock: Clock
  notifier: Notifier
  files: Files
  contentSafety: ContentSafety
  payments: Payments
  miniCodes: MiniCodes
  config: RuntimeConfig
}

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

export function parseOpenidList(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean))
}
