// A "world" is a freshly seeded demo community on a counting store, ready for one
// scenario. Seeding through the domain takes about a second, so the demo community
// is seeded once per process into a template folder and each world opens a copy.
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedStore } from '../../cloudfunctions/adapters/store/embedded-store'
import { CountingStore, type MeterReading } from '../../cloudfunctions/adapters/store/counting-store'
import { COLLECTIONS } from '../../cloudfunctions/platform/collections'
import { allCollections } from '../../cloudfunctions/platform/collection-indexes'
import { FrozenClock, chinaDayKey } from '../../cloudfunctions/ports/clock'
import { setRuntime, type Runtime } from '../../cloudfunctions/platform/runtime'
import { LocalNotifier } from '../../cloudfunctions/adapters/local/local-notifier'
import { LocalFiles } from '../../cloudfunctions/adapters/local/local-files'
import { KeywordContentSafety } from '../../cloudfunctions/adapters/local/keyword-content-safety'
import { SandboxPay, loadSandboxKeys } from '../../cloudfunctions/adapters/sandbox-pay/sandbox-pay'
import { LocalMiniCodes } from '../../cloudfunctions/adapters/local/local-mini-codes'
import type { LocalRuntime } from '../../cloudfunctions/adapters/local/local-runtime'
import { localContextFor } from '../../cloudfunctions/platform/caller'
import { FUNCTIONS } from '../../cloudfunctions/functions'
import type { BaseDoc, Filter } from '../../cloudfunctions/ports/store'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api'
import type { ApiResult } from '../../types/result'
import { seedIfEmpty } from '../../scripts/dev-host/seed'
import { personaOpenid } from '../../scripts/dev-host/personas'
import { DEMO_PALETTES, gradientPng } from '../../scripts/dev-host/demo-images'

/** 10:00 in China on a Monday, as the other suites use. */
export const BUDGET_START = Date.parse('2026-11-23T02:00:00Z')
export const DAY = 24 * 3600_000
export const HOST = personaOpenid('host')
/** The seeded members (小美, 大伟, 阿杰, Lily). */
export const XIAOMEI = personaOpenid('xiaomei')
export const DAWEI = personaOpenid('dawei')
export const AJIE = personaOpenid('ajie')
export const LILY = personaOpenid('lily')

const TICKET_SECRET = randomUUID()

export interface BudgetRuntime extends Runtime {
  store: CountingStore
  clock: FrozenClock
  files: LocalFiles
  payments: SandboxPay
  /** The embedded store under the counter: reads through it are free and unrecorded (for finding ids). */
  embedded: EmbeddedStore
}

let filesDir: string | null = null

/**
 * The runtime's parts as createLocalRuntime builds them. The domain's store is
 * the counting one; the local stand-ins for WeChat's own services (subscribe
 * messages, cloud storage, WeChat Pay) keep their records in the embedded store
 * uncharged, because their CloudBase counterparts make no database requests.
 */
export function createBudgetRuntime(dataDir: string, start = BUDGET_START): BudgetRuntime {
  filesDir ??= mkdtempSync(join(tmpdir(), 'budget-files-'))
  const clock = new FrozenClock(start)
  const embedded = new EmbeddedStore({ dataDir, collections: allCollections() })
  const store = new CountingStore(embedded)
  return {
    store,
    embedded,
    clock,
    notifier: new LocalNotifier(embedded, clock),
    files: new LocalFiles(filesDir, embedded, clock),
    contentSafety: new KeywordContentSafety(),
    payments: new SandboxPay(loadSandboxKeys(':memory:'), embedded, clock),
    miniCodes: new LocalMiniCodes('http://127.0.0.1:3000'),
    config: { mode: 'local', hostOpenids: new Set([HOST]), ticketSecret: TICKET_SECRET }
  }
}

let template: Promise<string> | null = null

/** The demo community, seeded once per process; worlds open copies of its database. */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-template-'))
    const runtime = createBudgetRuntime(dir)
    setRuntime(runtime)
    // The seed is typed for a LocalRuntime; it uses only the Runtime ports, which these are.
    await seedIfEmpty(runtime as unknown as LocalRuntime)
    setRuntime(null)
    await runtime.store.close()
    return dir
  })()
  return template
}

export interface Measured<T> {
  data: T
  usage: MeterReading
}

export class World {
  private constructor(readonly runtime: BudgetRuntime) {}

  /** A fresh copy of the seeded community, installed as the functions' runtime. */
  static async open(): Promise<World> {
    const from = await seededTemplate()
    const dir = mkdtempSync(join(tmpdir(), 'budget-world-'))
    for (const file of readdirSync(from)) if (file.startsWith('community.sqlite')) copyFileSync(join(from, file), join(dir, file))
    const runtime = createBudgetRuntime(dir)
    setRuntime(runtime)
    return new World(runtime)
  }

  async close(): Promise<void> {
    setRuntime(null)
    await this.runtime.store.close()
  }

  get clock(): FrozenClock {
    return this.runtime.clock
  }

  now(): number {
    return this.clock.now()
  }

  /** Moves the clock by whole China days (keeps the time of day). */
  advanceDays(days: number): void {
    this.clock.advance(days * DAY)
  }

  /** Today in China as 'YYYY-MM-DD'. */
  today(offsetDays = 0): string {
    const key = chinaDayKey(this.now() + offsetDays * DAY)
    return `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6)}`
  }

  /** Calls an action through its function's real entry point, as CloudBase would; unmeasured (setup). */
  async call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid: string): Promise<ActionOutput<F, A>> {
    return unwrap(fn, action, await this.raw(fn, action, input, openid)) as ActionOutput<F, A>
  }

  /** The same call, with the requests it made counted (fails when the action fails). */
  async measure<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid: string): Promise<Measured<ActionOutput<F, A>>> {
    const { result, usage } = await this.runtime.store.measure(() => this.raw(fn, action, input, openid))
    return { data: unwrap(fn, action, result) as ActionOutput<F, A>, usage }
  }

  /** Counts any work (a platform function, a cron job). */
  async measureWork<T>(work: () => Promise<T>): Promise<Measured<T>> {
    const { result, usage } = await this.runtime.store.measure(work)
    return { data: result, usage }
  }

  private raw(fn: FunctionName, action: string, input: unknown, openid: string): Promise<ApiResult<unknown>> {
    return FUNCTIONS[fn].main({ action, ...(input as object) }, localContextFor(openid, fn, randomUUID()))
  }

  /** Reads documents straight from the embedded store (not counted, not recorded): for finding seeded ids. */
  async docs<T extends BaseDoc>(collection: keyof typeof COLLECTIONS | string, filter: Filter = {}): Promise<T[]> {
    const name = collection in COLLECTIONS ? COLLECTIONS[collection as keyof typeof COLLECTIONS].name : collection
    const out: T[] = []
    let after: string | null = null
    do {
      const page = await this.runtime.embedded.collection<T>(name).find(filter, { limit: 100, after })
      out.push(...page.items)
      after = page.next
    } while (after)
    return out
  }

  async doc<T extends BaseDoc>(collection: keyof typeof COLLECTIONS | string, filter: Filter): Promise<T> {
    const [found] = await this.docs<T>(collection, filter)
    if (!found) throw new Error(`no ${collection} matching ${JSON.stringify(filter)} in the seeded community`)
    return found
  }

  /** A photo uploaded by this member (counted nowhere: uploads go client → storage). */
  async photo(openid: string): Promise<string> {
    const png = gradientPng(...DEMO_PALETTES[0])
    return (await new LocalFiles(filesDir!, this.runtime.embedded, this.clock).save(openid, png, 'image/png')).fileId
  }
}

function unwrap(fn: string, action: string, result: ApiResult<unknown>): unknown {
  if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code}: ${result.error.message}`)
  return result.data
}
