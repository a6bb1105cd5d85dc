// The append-only ledger. Every grant or spend is one entry keyed by (member,
// rule, reference), written in the same transaction as the balances it changes,
// so replaying a fact grants nothing new and the ledger always adds up to the
// wallet. Points are spent oldest grant first.
import type { Tier } from '../../../types/growth'
import type { Transaction } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import { dayjs } from '../../ports/clock'
import { chinaDate } from '../time/china-calendar'
import { OUTBOX, type OutboxDoc } from '../outbox/outbox'
import { tierUpMessage } from '../notifications/messages'
import { tierFor } from './settings'
import { MEMBERS, type MemberDoc } from '../members/member'
import { segmentAfterActivity } from './segments'
import { LEDGER, WALLETS, emptyWallet, walletIn, type LedgerEntryDoc, type LedgerRule, type WalletDoc } from './wallet'

export function entryId(openid: string, rule: LedgerRule, refId: string): string {
  return `${openid}:${rule}:${refId}`
}

/** A grant: who, by which rule, for what (the ledger entry's own fields), and its limits. */
export interface GrantRequest extends Pick<LedgerEntryDoc, 'openid' | 'rule' | 'refId' | 'reason' | 'points' | 'growth'> {
  dailyCap: number | null
  /** Months until these points expire; 0 for never. */
  expireMonths: number
  now: number
}

/**
 * Applies the tier the growth value reaches. Growth only decreases when a
 * refund takes back what its payment granted (lowerTier), so a level is
 * usually reached once per member; one reached again after such a refund is
 * neither announced nor celebrated a second time (its announcement is keyed,
 * read before it is inserted: a duplicate insert would abort the transaction).
 */
async function applyTier(tx: Transaction, wallet: WalletDoc, growth: number, tiers: Tier[], now: number): Promise<Partial<WalletDoc>> {
  const tier = tierFor(growth, tiers)
  if (tier.level <= wallet.tierLevel) return {}
  const outbox = tx.collection<OutboxDoc>(OUTBOX)
  const announcement = `tierUp:${wallet._id}:${tier.level}`
  const again = wallet.tierLowered ? (await outbox.get(announcement)) !== null : false
  if (!again) {
    await outbox.insert({
      _id: announcement,
      kind: 'subscribeMessage',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      payload: tierUpMessage(wallet._id, tier, now)
    })
  }
  // Lists show a member's badge from the member document alone (one read per page, not two).
  await tx.collection<MemberDoc>(MEMBERS).update(wallet._id, { set: { tierLevel: tier.level } })
  return again ? { tierLevel: tier.level } : { tierLevel: tier.level, celebrateLevel: tier.level }
}

/**
 * The wallet changes when growth goes down (a refund takes back what its
 * payment granted): the tier the lowered growth reaches, on the wallet and the
 * member document (so the tier's perks, such as its event discount, go too).
 */
export async function lowerTier(tx: Transaction, wallet: WalletDoc, growth: number, tiers: Tier[]): Promise<Partial<WalletDoc>> {
  const tier = tierFor(growth, tiers)
  if (tier.level >= wallet.tierLevel) return { growth }
  await tx.collection<MemberDoc>(MEMBERS).update(wallet._id, { set: { tierLevel: tier.level } })
  const celebrateLevel = wallet.celebrateLevel !== null && wallet.celebrateLevel > tier.level ? null : wallet.celebrateLevel
  return { growth, tierLevel: tier.level, celebrateLevel, tierLowered: true }
}

/** Points a rule has granted today (China date), kept on the wallet so a capped grant reads no other document. */
function grantedToday(wallet: WalletDoc, rule: LedgerRule, date: string): number {
  return wallet.today?.date === date ? (wallet.today.points[rule] ?? 0) : 0
}

/**
 * Grants several entries to one member in one transaction: one wallet read,
 * one wallet write. Each entry is once per (member, rule, reference): unless
 * the caller vouches that none exists yet (`fresh`, e.g. the fact being
 * applied was read unapplied in this transaction), each is looked up first.
 * Returns the entries written.
 */
export async function grantAll(tx: Transaction, openid: string, requests: GrantRequest[], tiers: Tier[], options: { fresh?: boolean } = {}): Promise<LedgerEntryDoc[]> {
  if (requests.length === 0) return []
  const ledger = tx.collection<LedgerEntryDoc>(LEDGER)
  const wallets = tx.collection<WalletDoc>(WALLETS)
  // A new wallet is written once, with everything it gets, at the end.
  let wallet = (await wallets.get(openid)) ?? emptyWallet(openid, requests[0].now)
  const written: LedgerEntryDoc[] = []
  for (const request of requests) {
    const id = entryId(openid, request.rule, request.refId)
    if (!options.fresh && (await ledger.get(id))) continue
    const date = chinaDate(request.now)
    const before = grantedToday(wallet, request.rule, date)
    const points = request.dailyCap === null ? request.points : Math.max(0, Math.min(request.points, request.dailyCap - before))
    const entry: LedgerEntryDoc = {
      _id: id,
      openid,
      rule: request.rule,
      refId: request.refId,
      reason: request.reason,
      points,
      growth: request.growth,
      createdAt: request.now,
      date,
      expiresAt: request.expireMonths > 0 && points > 0 ? dayjs(request.now).add(request.expireMonths, 'month').valueOf() : null,
      remaining: points
    }
    await ledger.insert(entry)
    written.push(entry)
    const growth = wallet.growth + request.growth
    const tierChange = await applyTier(tx, wallet, growth, tiers, request.now)
    // Growth earned today makes today an active day: the member's segment moves at once.
    const activity = request.growth > 0 ? segmentAfterActivity(wallet, tierChange.tierLevel ?? wallet.tierLevel, date) : {}
    const today = { date, points: { ...(wallet.today?.date === date ? wallet.today.points : {}), [request.rule]: before + points } }
    const step: Partial<WalletDoc> = { points: wallet.points + points, growth, updatedAt: request.now, today, ...tierChange, ...activity }
    wallet = { ...wallet, ...step }
  }
  if (written.length > 0) await wallets.set(wallet)
  return written
}

/** Grants once per (member, rule, reference); returns the entry, or null when it was already granted. */
export async function grant(tx: Transaction, request: GrantRequest, tiers: Tier[]): Promise<LedgerEntryDoc | null> {
  return (await grantAll(tx, request.openid, [request], tiers))[0] ?? null
}

export interface SpendRequest {
  openid: string
  rule: LedgerRule
  refId: string
  reason: string
  amount: number
  now: number
  /**
   * A grant to take from before the oldest ones (a revoked check-in's or a
   * refunded payment's own points), with what the grants older than it hold as
   * stored (at least: olderHeldOf() in unspent.ts works it out before the
   * transaction, which cannot query). Without it, points are spent oldest first.
   */
  first?: { id: string; olderHeld: number }
  /** When false, spend what there is instead of refusing (reversals, expiry). */
  strict: boolean
}

export interface SpendOptions {
  /** The caller vouches that this spend's entry does not exist yet (e.g. its redemption was read absent in this transaction). */
  fresh?: boolean
  /** The wallet, already read in this transaction (saves a read). */
  wallet?: WalletDoc
  /** More wallet changes to write in the same wallet write (e.g. a make-up card bought). */
  walletChanges?: Partial<WalletDoc>
  /** Growth value taken back with the points (a refund), shown on the spend's own entry; the wallet's growth comes in walletChanges. */
  growthTaken?: number
}

/** Stored grants in the order points are spent: oldest first (createdAt, then `_id`, as the Store sorts). */
export function fifoOrder(grants: LedgerEntryDoc[]): LedgerEntryDoc[] {
  return [...grants].sort(fifoCompare)
}

export function fifoCompare(a: Pick<LedgerEntryDoc, 'createdAt' | '_id'>, b: Pick<LedgerEntryDoc, 'createdAt' | '_id'>): number {
  return a.createdAt - b.createdAt || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
}

/**
 * What each grant truly has left: the stored `remaining` less the wallet's
 * unsettled first-in-first-out spending, taken from the oldest grants first.
 * Only right for a run of grants that starts at the member's oldest grant with
 * points left (every older grant stores 0): the unsettled amount is owed from there.
 */
export function trueRemaining(grants: LedgerEntryDoc[], unsettled: number): Map<string, number> {
  const left = new Map<string, number>()
  let owed = Math.max(0, unsettled)
  for (const g of fifoOrder(grants)) {
    const take = Math.min(owed, Math.max(0, g.remaining))
    owed -= take
    left.set(g._id, Math.max(0, g.remaining) - take)
  }
  return left
}

/** What one grant truly has left, given what the grants older than it hold as stored. */
export function trulyLeft(grant: LedgerEntryDoc, olderHeld: number, unsettled: number): number {
  const remaining = Math.max(0, grant.remaining)
  return remaining - Math.min(remaining, Math.max(0, unsettled - olderHeld))
}

/**
 * Takes points oldest grant first (after the `first` grant's own, when given).
 * Refuses (strict) or takes what is there when the balance is short.
 *
 * First-in-first-out spending writes the wallet and its own entry only: the
 * amount joins the wallet's `unsettledSpent`, which is owed by the oldest
 * grants, however many pages of them there are, and deducted from their stored
 * `remaining` later by expirePoints (which walks them oldest first), so a spend
 * costs the same however many grants it spans. Readers of `remaining` apply it
 * with trueRemaining(). The `first` grant gives what it truly has left (taking
 * no more than that leaves every other grant's true remainder as it was); the
 * rest is spent first-in-first-out. Either way the grants' stored remainders
 * less `unsettledSpent` equal the wallet's points.
 */
export async function spend(tx: Transaction, request: SpendRequest, options: SpendOptions = {}): Promise<LedgerEntryDoc | null> {
  const ledger = tx.collection<LedgerEntryDoc>(LEDGER)
  const id = entryId(request.openid, request.rule, request.refId)
  if (!options.fresh && (await ledger.get(id))) return null
  const wallets = tx.collection<WalletDoc>(WALLETS)
  const wallet = options.wallet ?? (await walletIn(wallets, request.openid, request.now))
  if (request.strict && wallet.points < request.amount) throw new AppError('LIMIT_REACHED', `积分不足：需要 ${request.amount}，当前 ${wallet.points}`)
  const amount = Math.max(0, Math.min(request.amount, wallet.points))
  const unsettled = wallet.unsettledSpent ?? 0
  let need = amount
  if (request.first && need > 0) {
    // Re-read here: what it has left now, under the unsettled spending as it is now.
    const own = await ledger.get(request.first.id)
    const take = own ? Math.min(need, trulyLeft(own, request.first.olderHeld, unsettled)) : 0
    if (own && take > 0) {
      await ledger.set({ ...own, remaining: own.remaining - take })
      need -= take
    }
  }
  const entry: LedgerEntryDoc = {
    _id: id,
    openid: request.openid,
    rule: request.rule,
    refId: request.refId,
    reason: request.reason,
    points: -amount,
    growth: -(options.growthTaken ?? 0),
    createdAt: request.now,
    date: chinaDate(request.now),
    expiresAt: null,
    remaining: 0
  }
  await ledger.insert(entry)
  // The wallet was read in this transaction: a whole-document write is one request.
  await wallets.set({ ...wallet, ...options.walletChanges, points: wallet.points - amount, unsettledSpent: unsettled + need, updatedAt: request.now })
  return entry
}
