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
import { tierFor } from './settings'
import { MEMBERS, type MemberDoc } from '../members/member'
import { segmentAfterActivity } from './segments'
import { LEDGER, WALLETS, emptyWallet, walletIn, type LedgerEntryDoc, type LedgerRule, type WalletDoc } from './wallet'

export function entryId(openid: string, rule: LedgerRule, refId: string): string {
  return `${openid}:${rule}:${refId}`
}

export interface GrantRequest {
  openid: string
  rule: LedgerRule
  refId: string
  reason: string
  points: number
  growth: number
  dailyCap: number | null
  /** Months until these points expire; 0 for never. */
  expireMonths: number
  now: number
}

/**
 * Applies the tier the growth value reaches. Growth never decreases and the
 * stored tier only rises, so each level is reached once per member: its
 * announcement is a plain keyed insert (a duplicate would abort the transaction).
 */
async function applyTier(tx: Transaction, wallet: WalletDoc, growth: number, tiers: Tier[], now: number): Promise<Partial<WalletDoc>> {
  const tier = tierFor(growth, tiers)
  if (tier.level <= wallet.tierLevel) return {}
  await tx.collection<OutboxDoc>(OUTBOX).insert({
    _id: `tierUp:${wallet._id}:${tier.level}`, kind: 'subscribeMessage', status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now,
    payload: { openid: wallet._id, template: 'tierUp', page: 'packages/growth/center/index', data: { thing1: `升级为 Lv${tier.level} ${tier.name}`, time2: dayjs(now).tz('Asia/Shanghai').format('YYYY年MM月DD日') } }
  })
  // Lists show a member's badge from the member document alone (one read per page, not two).
  await tx.collection<MemberDoc>(MEMBERS).update(wallet._id, { set: { tierLevel: tier.level } })
  return { tierLevel: tier.level, celebrateLevel: tier.level }
}

/** Points a rule has granted today (China date), kept on the wallet so a capped grant reads no other document. */
function grantedToday(wallet: WalletDoc, rule: LedgerRule, date: string): number {
  return wallet.today?.date === date ? wallet.today.points[rule] ?? 0 : 0
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
      _id: id, openid, rule: request.rule, refId: request.refId, reason: request.reason,
      points, growth: request.growth, createdAt: request.now, date,
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
  /** The member's unspent grants, oldest first, read before the transaction (transactions cannot query). */
  unspent: LedgerEntryDoc[]
  /** When false, spend what there is instead of refusing (reversals, expiry). */
  strict: boolean
}

/** Takes points oldest grant first. Refuses (strict) or takes what is there when the balance is short. */
export async function spend(tx: Transaction, request: SpendRequest): Promise<LedgerEntryDoc | null> {
  const ledger = tx.collection<LedgerEntryDoc>(LEDGER)
  const id = entryId(request.openid, request.rule, request.refId)
  if (await ledger.get(id)) return null
  const wallets = tx.collection<WalletDoc>(WALLETS)
  const wallet = await walletIn(wallets, request.openid, request.now)
  if (request.strict && wallet.points < request.amount) throw new AppError('LIMIT_REACHED', `积分不足：需要 ${request.amount}，当前 ${wallet.points}`)
  const amount = Math.min(request.amount, wallet.points)
  let need = amount
  for (const candidate of request.unspent) {
    if (need === 0) break
    const grantEntry = await ledger.get(candidate._id) // re-read inside the transaction
    if (!grantEntry || grantEntry.remaining <= 0) continue
    const take = Math.min(need, grantEntry.remaining)
    await ledger.update(grantEntry._id, { inc: { remaining: -take } })
    need -= take
  }
  const entry: LedgerEntryDoc = {
    _id: id, openid: request.openid, rule: request.rule, refId: request.refId, reason: request.reason,
    points: -amount, growth: 0, createdAt: request.now, date: chinaDate(request.now), expiresAt: null, remaining: 0
  }
  await ledger.insert(entry)
  await wallets.update(wallet._id, { set: { points: wallet.points - amount, updatedAt: request.now } })
  return entry
}
