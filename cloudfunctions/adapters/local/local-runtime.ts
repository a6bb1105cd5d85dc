// The runtime on one laptop: the embedded database under the data folder, files
// on disk, subscribe messages recorded locally.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EmbeddedStore } from '../store/embedded-store'
import { allCollections } from '../../platform/collection-indexes'
import { systemClock, type Clock } from '../../ports/clock'
import { parseOpenidList, type Runtime } from '../../platform/runtime-shape'
import { LocalNotifier } from './local-notifier'
import { LocalFiles } from './local-files'
import { KeywordContentSafety } from './keyword-content-safety'
import type { ContentSafety } from '../../ports/content-safety'
import { SandboxPay, loadSandboxKeys } from '../sandbox-pay/sandbox-pay'
import { LocalMiniCodes } from './local-mini-codes'

export interface LocalRuntimeOptions {
  /** Folder for the database and files, or ':memory:' (files then go to a temp folder). */
  dataDir: string
  clock?: Clock
  hostOpenids?: Iterable<string>
  contentSafety?: ContentSafety
}

export interface LocalRuntime extends Runtime {
  store: EmbeddedStore
  files: LocalFiles
  payments: SandboxPay
  miniCodes: LocalMiniCodes
}

/** A random secret kept in the data folder (random per process for in-memory runtimes). */
function persistentSecret(dataDir: string, name: string): string {
  if (dataDir === ':memory:') return randomBytes(32).toString('hex')
  const file = join(dataDir, name)
  if (existsSync(file)) return readFileSync(file, 'utf8')
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export function createLocalRuntime(options: LocalRuntimeOptions): LocalRuntime {
  const clock = options.clock ?? systemClock
  const store = new EmbeddedStore({ dataDir: options.dataDir, collections: allCollections() })
  const filesDir = options.dataDir === ':memory:' ? mkdtempSync(join(tmpdir(), 'community-files-')) : join(resolve(options.dataDir), 'files')
  return {
    store,
    clock,
    notifier: new LocalNotifier(store, clock),
    files: new LocalFiles(filesDir, store, clock),
    contentSafety: options.contentSafety ?? KeywordContentSafety.fromEnv(process.env),
    payments: new SandboxPay(loadSandboxKeys(options.dataDir), store, clock),
    miniCodes: new LocalMiniCodes(process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`),
    config: { mode: 'local', hostOpenids: new Set(options.hostOpenids ?? []), ticketSecret: process.env.TICKET_SECRET ?? persistentSecret(options.dataDir, 'ticket-secret') }
  }
}

/** Used when a function is loaded with no runtime installed (e.g. `node -e` against a built bundle). */
export function createLocalRuntimeFromEnv(): LocalRuntime {
  return createLocalRuntime({ dataDir: process.env.DATA_DIR ?? '.data', hostOpenids: parseOpenidList(process.env.HOST_OPENIDS) })
}
