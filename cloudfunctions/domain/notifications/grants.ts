// Subscribe-message grants. WeChat lets us send one message per template for
// each time the member accepted it in requestSubscribeMessage (from a tap); we
// keep that count per member and template, spend one per send by an atomic
// conditional decrement, and send nothing without one.
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeGrantsView, type SubscribeTemplateKey, type SubscribeTemplates } from '../../../types/notifications'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import type { Store } from '../../ports/store'

export const SUBSCRIBE_GRANTS = COLLECTIONS.subscribeGrants.name
export const SUBSCRIBE_GRANT_REQUESTS = COLLECTIONS.subscribeGrantRequests.name

export interface SubscribeGrantDoc {
  _id: string
  openid: string
  template: SubscribeTemplateKey
  /** Messages we may still send with this template. */
  count: number
  updatedAt: number
}

export interface SubscribeGrantRequestDoc {
  _id: string
  openid: string
  accepted: SubscribeTemplateKey[]
  createdAt: number
}

export function grantId(openid: string, template: string): string {
  return `${openid}:${template}`
}

/** Records the keys one requestSubscribeMessage answer accepted, once per request id. */
export async function recordGrants(runtime: Runtime, openid: string, requestId: string, accepted: SubscribeTemplateKey[], now: number): Promise<SubscribeGrantsView> {
  const keys = [...new Set(accepted)]
  await runtime.store.transaction(async (tx) => {
    const requests = tx.collection<SubscribeGrantRequestDoc>(SUBSCRIBE_GRANT_REQUESTS)
    const requestKey = `${openid}:${requestId}`
    // Read first: a duplicate insert would abort the transaction.
    if (await requests.get(requestKey)) return
    await requests.insert({ _id: requestKey, openid, accepted: keys, createdAt: now })
    const grants = tx.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS)
    for (const template of keys) {
      const id = grantId(openid, template)
      const current = await grants.get(id)
      await grants.set({ _id: id, openid, template, count: (current?.count ?? 0) + 1, updatedAt: now })
    }
  })
  return { grants: await grantsOf(runtime.store, openid) }
}

export async function grantsOf(store: Store, openid: string): Promise<Partial<Record<SubscribeTemplateKey, number>>> {
  const page = await store.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).find({ openid }, { limit: SUBSCRIBE_TEMPLATE_KEYS.length })
  return Object.fromEntries(page.items.filter((g) => g.count > 0).map((g) => [g.template, g.count]))
}

/** Spends one grant atomically; false when the member has none left (or never gave one). */
export async function spendGrant(store: Store, openid: string, template: string, now: number): Promise<boolean> {
  return store.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).updateIf(grantId(openid, template), { count: { $gt: 0 } }, { inc: { count: -1 }, set: { updatedAt: now } })
}

/** Gives a spent grant back when WeChat did not take the message (it keeps the member's grant too). */
export async function returnGrant(store: Store, openid: string, template: string, now: number): Promise<void> {
  await store.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).update(grantId(openid, template), { inc: { count: 1 }, set: { updatedAt: now } })
}

/** WeChat says the member holds no grant: ours was wrong, so it is cleared. */
export async function clearGrant(store: Store, openid: string, template: string, now: number): Promise<void> {
  await store.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).update(grantId(openid, template), { set: { count: 0, updatedAt: now } })
}

/**
 * The template ids the app asks for. In WeChat they come from the function's
 * configuration, decoded once by the runtime (WX_SUBSCRIBE_TEMPLATES_B64 — see
 * adapters/cloudbase/settings-from-env.ts — the same map the notifier sends
 * with); on the dev host there is no WeChat, so the ids are placeholders and
 * the app simulates an "accept".
 */
export function subscribeTemplateIds(runtime: Runtime): Pick<SubscribeTemplates, 'mode' | 'templates'> {
  if (runtime.config.mode === 'local') {
    return { mode: 'simulated', templates: Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((key) => [key, `dev-${key}`])) }
  }
  const known = SUBSCRIBE_TEMPLATE_KEYS as readonly string[]
  const configured = Object.entries(runtime.config.subscribeTemplates ?? {}).filter(([key, id]) => known.includes(key) && id.length > 0)
  return { mode: 'wechat', templates: Object.fromEntries(configured) as Partial<Record<SubscribeTemplateKey, string>> }
}
