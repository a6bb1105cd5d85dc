// Turns recorded facts into ledger entries. Each event is applied in one
// transaction that also marks it processed, so it counts exactly once however
// often this runs (right after the action that caused it, and by cron).
import type { Runtime } from '../../platform/runtime'
import { DOMAIN_EVENTS, type DomainEventDoc } from '../events/domain-events'
import { RULE_FOR_EVENT } from './rules'
import { loadSettings } from './settings'
import { grant, spend, entryId } from './ledger'
import { unspentGrants } from './unspent'
import { LEDGER, type LedgerEntryDoc } from './wallet'
import { moveBoards, runningContests } from '../leaderboard/score-facts'

export interface ApplyReport {
  applied: number
  skipped: number
  [key: string]: number
}

async function revokeCheckinGrant(runtime: Runtime, event: DomainEventDoc, now: number, contests: Awaited<ReturnType<typeof runningContests>>): Promise<void> {
  // A check-in hidden for cheating gives back the points it earned (growth value never decreases).
  const original = await runtime.store.collection<LedgerEntryDoc>(LEDGER).get(entryId(event.openid, 'checkinPosted', `checkin.posted:${event.refId}`))
  const unspent = await unspentGrants(runtime, event.openid)
  await runtime.store.transaction(async (tx) => {
    const fresh = await tx.collection<DomainEventDoc>(DOMAIN_EVENTS).get(event._id)
    if (!fresh || fresh.processedAt !== null) return
    if (original && original.points > 0) {
      // Its own unspent points go first, then the oldest others.
      const ordered = [original, ...unspent.filter((g) => g._id !== original._id)]
      await spend(tx, { openid: event.openid, rule: 'revoke', refId: event.refId, reason: '打卡被隐藏，收回积分', amount: original.points, now, unspent: ordered, strict: false })
    }
    await moveBoards(tx, event, null, contests)
    await tx.collection<DomainEventDoc>(DOMAIN_EVENTS).update(event._id, { set: { processedAt: now } })
  })
}

export async function applyDomainEvents(runtime: Runtime, options: { openid?: string; limit?: number } = {}): Promise<ApplyReport> {
  const settings = await loadSettings(runtime)
  const now = runtime.clock.now()
  const report: ApplyReport = { applied: 0, skipped: 0 }
  const contests = await runningContests(runtime.store, now)
  const events = await runtime.store.collection<DomainEventDoc>(DOMAIN_EVENTS).find(
    { processedAt: null, ...(options.openid ? { openid: options.openid } : {}) },
    { sort: [['createdAt', 'asc']], limit: options.limit ?? 100 }
  )
  for (const event of events.items) {
    if (event.type === 'checkin.revoked') {
      await revokeCheckinGrant(runtime, event, now, contests)
      report.applied++
      continue
    }
    const rule = RULE_FOR_EVENT.get(event.type)
    const setting = rule ? settings.rules[rule.rule] : null
    const applied = await runtime.store.transaction(async (tx) => {
      const fresh = await tx.collection<DomainEventDoc>(DOMAIN_EVENTS).get(event._id)
      if (!fresh || fresh.processedAt !== null) return false
      // A setting of 0 switches that part of the rule off.
      let granted: LedgerEntryDoc | null = null
      if (rule && setting && (setting.points > 0 || setting.growth > 0)) {
        const worth = rule.worth(event, setting)
        granted = await grant(tx, {
          // The event id is the fact's own key: one ledger entry per fact.
          openid: event.openid, rule: rule.rule, refId: event._id, reason: rule.reason(event),
          points: setting.points > 0 ? worth.points : 0, growth: setting.growth > 0 ? worth.growth : 0,
          dailyCap: setting.dailyCap, expireMonths: settings.pointsExpireMonths, now: event.createdAt
        }, settings.tiers)
      }
      await moveBoards(tx, event, granted, contests)
      await tx.collection<DomainEventDoc>(DOMAIN_EVENTS).update(event._id, { set: { processedAt: now } })
      return true
    })
    report[applied ? 'applied' : 'skipped']++
  }
  return report
}
