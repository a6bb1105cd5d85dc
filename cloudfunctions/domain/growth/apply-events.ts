// Turns recorded facts into ledger entries. A member's unapplied facts are
// applied together in one small transaction (one wallet read and write, one
// ledger entry and one mark per fact), so each counts exactly once however
// often this runs: when the member next reads their growth, and by cron.
// Boards move afterwards, from the same facts, by the board mover
// (leaderboard/move-boards.ts): no member transaction writes a shared document.
import type { Runtime } from '../../platform/runtime'
import type { GrowthSettings } from '../../../types/growth'
import { FACTS, type FactDoc } from '../facts/facts'
import { RULE_FOR_EVENT } from './rules'
import { loadSettings } from './settings'
import { grantAll, lowerTier, spend, entryId, type GrantRequest } from './ledger'
import { olderHeldOf } from './unspent'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from './wallet'
import { REFERRALS, activateInvite, type ReferralDoc } from '../leaderboard/referral'
import type { MemberDoc } from '../members/member'

export interface ApplyReport {
  applied: number
  skipped: number
  [key: string]: number
}

/** Facts applied in one transaction: 3 ops each plus the wallet's read and write (8), and the invite's activation when one waits. */
export const FACTS_PER_TRANSACTION = 2

async function revokeCheckinGrant(runtime: Runtime, event: FactDoc<'checkin.revoked'>, now: number): Promise<boolean> {
  // A check-in hidden for cheating gives back the points it earned (growth value never decreases).
  const original = await runtime.store.collection<LedgerEntryDoc>(LEDGER).get(entryId(event.openid, 'checkinPosted', `checkin.posted:${event.refId}`))
  const first = original && original.points > 0 ? await ownGrantFirst(runtime, original) : undefined
  return runtime.store.transaction(async (tx) => {
    const fresh = await tx.collection<FactDoc<'checkin.revoked'>>(FACTS).get(event._id)
    if (!fresh || fresh.processedAt !== null) return false
    if (original && original.points > 0) {
      // Its own unspent points go first, then the oldest others.
      await spend(tx, { openid: event.openid, rule: 'revoke', refId: event.refId, reason: '打卡被隐藏，收回积分', amount: original.points, now, first, strict: false })
    }
    // What the check-in put on the points boards comes off them, on the boards of its time (move-boards.ts).
    const taken = original && original.points > 0 ? { granted: -original.points, payload: { ...fresh.payload, grantedAt: original.createdAt } } : { granted: 0 }
    await tx.collection<FactDoc<'checkin.revoked'>>(FACTS).set({ ...fresh, processedAt: now, ...taken })
    return true
  })
}

/**
 * A refunded payment takes back what it granted, once: the points and growth
 * value of the member's first-payment fact when that fact was this order's
 * (another order's refund took nothing from it), the tier the lowered growth
 * reaches, and (by the board mover, from `granted` below the 0 and the time in
 * `payload.grantedAt`) the points boards. Points already spent are taken as
 * far as the balance goes, as a hidden check-in's are. Returns 'wait' while
 * the first payment's own fact is still to be applied.
 */
async function refundPaymentGrant(runtime: Runtime, event: FactDoc<'payment.refunded'>, settings: GrowthSettings, now: number): Promise<boolean | 'wait'> {
  const first = await runtime.store.collection<FactDoc<'payment.first'>>(FACTS).get(`payment.first:${event.openid}`)
  const ours = first !== null && first.refId === event.refId
  if (ours && first.processedAt === null) return 'wait'
  const original = ours ? await runtime.store.collection<LedgerEntryDoc>(LEDGER).get(entryId(event.openid, 'firstPayment', first._id)) : null
  const takeFirst = original && original.points > 0 ? await ownGrantFirst(runtime, original) : undefined
  return runtime.store.transaction(async (tx) => {
    const facts = tx.collection<FactDoc<'payment.refunded'>>(FACTS)
    const fresh = await facts.get(event._id)
    if (!fresh || fresh.processedAt !== null) return false
    if (!original || (original.points <= 0 && original.growth <= 0)) {
      await facts.set({ ...fresh, processedAt: now, granted: 0 })
      return true
    }
    const wallet = await tx.collection<WalletDoc>(WALLETS).get(event.openid)
    if (wallet) {
      const growth = Math.max(0, wallet.growth - original.growth)
      // What was paid for: the circle, or the event for an event fee.
      const bought = first!.payload.kind === undefined ? (first!.payload.circleName ?? fresh.payload.circleName ?? '圈子') : (first!.payload.title ?? '活动')
      // The fact was read unapplied here: the refund's own entry cannot exist yet.
      await spend(
        tx,
        { openid: event.openid, rule: 'refund', refId: event.refId, reason: `退款「${String(bought)}」，收回首次付费奖励`, amount: original.points, now, first: takeFirst, strict: false },
        {
          fresh: true,
          wallet,
          walletChanges: await lowerTier(tx, wallet, growth, settings.tiers),
          growthTaken: wallet.growth - growth
        }
      )
    }
    // The boards move back by what the payment put on them, at the time it did.
    await facts.set({ ...fresh, processedAt: now, granted: -original.points, payload: { ...fresh.payload, grantedAt: original.createdAt } })
    return true
  })
}

/** A grant to take back from first: what the grants older than it hold, walked before the transaction. */
async function ownGrantFirst(runtime: Runtime, grant: LedgerEntryDoc): Promise<{ id: string; olderHeld: number }> {
  const wallet = await runtime.store.collection<WalletDoc>(WALLETS).get(grant.openid)
  return { id: grant._id, olderHeld: await olderHeldOf(runtime, grant, wallet) }
}

function grantRequestOf(event: FactDoc, settings: GrowthSettings): GrantRequest | null {
  const rule = RULE_FOR_EVENT.get(event.type)
  const setting = rule ? settings.rules[rule.rule] : null
  // A setting of 0 switches that part of the rule off.
  if (!rule || !setting || (setting.points <= 0 && setting.growth <= 0)) return null
  const worth = rule.worth(event, setting)
  return {
    // The fact's own id is its key: one ledger entry per fact.
    openid: event.openid,
    rule: rule.rule,
    refId: event._id,
    reason: rule.reason(event),
    points: setting.points > 0 ? worth.points : 0,
    growth: setting.growth > 0 ? worth.growth : 0,
    dailyCap: setting.dailyCap,
    expireMonths: settings.pointsExpireMonths,
    now: event.createdAt
  }
}

const activates = (event: FactDoc) => event.type === 'checkin.posted' || event.type === 'payment.first'

/**
 * Members among these whose invite still waits for activation, read outside
 * the transactions. A member document known to say 'none' (never invited)
 * needs no read.
 */
async function awaitingActivation(runtime: Runtime, events: FactDoc[], known?: MemberDoc): Promise<Set<string>> {
  const openids = [...new Set(events.filter(activates).map((e) => e.openid))].filter((openid) => !(known?._id === openid && known.invite === 'none'))
  if (openids.length === 0) return new Set()
  const page = await runtime.store.collection<ReferralDoc>(REFERRALS).find({ _id: { $in: openids } }, { limit: openids.length })
  return new Set(page.items.filter((r) => r.status === 'joined').map((r) => r._id))
}

/** Applies some of one member's facts together; the ones already applied (by a concurrent run) are skipped. */
async function applyTogether(runtime: Runtime, openid: string, events: FactDoc[], settings: GrowthSettings, now: number, mayActivate: boolean): Promise<number> {
  return runtime.store.transaction(async (tx) => {
    const facts = tx.collection<FactDoc>(FACTS)
    const fresh: FactDoc[] = []
    for (const event of events) {
      const current = await facts.get(event._id)
      if (current && current.processedAt === null) fresh.push(current)
    }
    const requests = fresh.map((event) => grantRequestOf(event, settings))
    // Unapplied facts have no ledger entry yet: their ids are keyed by the fact.
    const entries = await grantAll(
      tx,
      openid,
      requests.filter((r): r is GrantRequest => r !== null),
      settings.tiers,
      { fresh: true }
    )
    const grantedBy = new Map(entries.map((e) => [e.refId, e.points]))
    // The invitee's first check-in or payment activates the invite (once: the referral's status guards it).
    const activating = mayActivate ? fresh.find(activates) : undefined
    if (activating) await activateInvite(tx, openid, activating.createdAt)
    for (const event of fresh) await facts.set({ ...event, processedAt: now, granted: grantedBy.get(event._id) ?? 0 })
    return fresh.length
  })
}

export async function applyFacts(runtime: Runtime, options: { openid?: string; limit?: number; member?: MemberDoc } = {}): Promise<ApplyReport> {
  const now = runtime.clock.now()
  const report: ApplyReport = { applied: 0, skipped: 0 }
  const events = await runtime.store
    .collection<FactDoc>(FACTS)
    .find({ processedAt: null, ...(options.openid ? { openid: options.openid } : {}) }, { sort: [['createdAt', 'asc']], limit: options.limit ?? 100 })
  if (events.items.length === 0) return report
  const settings = await loadSettings(runtime)
  const invited = await awaitingActivation(runtime, events.items, options.member)
  const byMember = new Map<string, FactDoc[]>()
  for (const event of events.items) byMember.set(event.openid, [...(byMember.get(event.openid) ?? []), event])
  for (const [openid, own] of byMember) {
    let batch: FactDoc[] = []
    const flush = async () => {
      if (batch.length === 0) return
      const applied = await applyTogether(runtime, openid, batch, settings, now, invited.has(openid))
      report.applied += applied
      report.skipped += batch.length - applied
      batch = []
    }
    for (const event of own) {
      if (event.type === 'checkin.revoked') {
        await flush()
        report[(await revokeCheckinGrant(runtime, event, now)) ? 'applied' : 'skipped']++
        continue
      }
      if (event.type === 'payment.refunded') {
        await flush()
        // Waiting for its payment's own fact (a later run applies both, in order).
        report[(await refundPaymentGrant(runtime, event, settings, now)) === true ? 'applied' : 'skipped']++
        continue
      }
      batch.push(event)
      // A waiting invite's activation adds 3 operations: that fact goes alone, so no transaction passes 8.
      if (batch.length === FACTS_PER_TRANSACTION || (invited.has(openid) && activates(event))) await flush()
    }
    await flush()
  }
  return report
}

/**
 * Before a member reads their own numbers: applies their oldest unapplied facts
 * (one transaction's worth; cron applies the rest within a minute), so a
 * check-in's points show at once without the check-in paying for them.
 */
export function settleOwnFacts(runtime: Runtime, openid: string, member?: MemberDoc): Promise<ApplyReport> {
  return applyFacts(runtime, { openid, limit: FACTS_PER_TRANSACTION, member })
}
