// What one function instance's runtime holds: the ports the domain receives
// and the community's configuration. Apart from the holder (runtime.ts) so the
// adapters that build a Runtime import this file, not the holder that loads them.
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

export function parseOpenidList(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  )
}
