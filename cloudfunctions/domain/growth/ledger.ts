// The append-only ledger. Every grant or spend is one entry keyed by (member,
// rule, reference), written in the same transaction as the balances it changes,
// so replaying a fact grants nothing new and the ledger always adds up to the
// wallet. Points are spent oldest grant first.
import type { Tier } from '../../../types/growth'
import type { Transaction } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import { dayjs } from '../../ports/clock'
import { chinaDate } from '../time/china-calendar'
import { OUTBOX, type OutboxDoc } from '../outbox/outbox'
import { tierFor } from './settings'
import { segmentAfterActivity } from './segments'
import { LEDGER, WALLETS, walletIn, type LedgerEntryDoc, type LedgerRule, type WalletDoc } from './wallet'

export function entryId(openid: string, rule: LedgerRule, refId: string): string {
  return `${openid}:${rule}:${refId}`
}

interface DailyTotalDoc {
  _id: string
  points: number
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

/** Applies the tier the growth value reaches; a new, higher tier is celebrated once and announced. */
async function applyTier(tx: Transaction, wallet: WalletDoc, growth: number, tiers: Tier[], now: number): Promise<Partial<WalletDoc>> {
  const tier = tierFor(growth, tiers)
  if (tier.level <= wallet.tierLevel) return {}
  const tierUps = tx.collection<{ _id: string; at: number }>(COLLECTIONS.tierUps.name)
  const key = `${wallet._id}:${tier.level}`
  if (await tierUps.get(key)) return { tierLevel: tier.level }
  await tierUps.insert({ _id: key, at: now })
  const outbox = tx.collection<OutboxDoc>(OUTBOX)
  const messageKey = `tierUp:${key}`
  if (!(await outbox.get(messageKey))) {
    await outbox.insert({
      _id: messageKey, kind: 'subscribeMessage', status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now,
      payload: { openid: wallet._id, template: 'tierUp', page: 'packages/growth/center/index', data: { thing1: `升级为 Lv${tier.level} ${tier.name}`, time2: dayjs(now).tz('Asia/Shanghai').format('YYYY年MM月DD日') } }
    })
  }
  return { tierLevel: tier.level, celebrateLevel: tier.level }
}

/** Grants once per (member, rule, reference); returns the entry, or null when it was already granted. */
export async function grant(tx: Transaction, request: GrantRequest, tiers: Tier[]): Promise<LedgerEntryDoc | null> {
  const ledger = tx.collection<LedgerEntryDoc>(LEDGER)
  const id = entryId(request.openid, request.rule, request.refId)
  if (await ledger.get(id)) return null
  const date = chinaDate(request.now)
  let points = request.points
  const totals = tx.collection<DailyTotalDoc>(COLLECTIONS.dailyTotals.name)
  const totalId = `${request.openid}:${request.rule}:${date}`
  const total = await totals.get(totalId)
  if (request.dailyCap !== null) points = Math.max(0, Math.min(points, request.dailyCap - (total?.points ?? 0)))
  const entry: LedgerEntryDoc = {
    _id: id, openid: request.openid, rule: request.rule, refId: request.refId, reason: request.reason,
    points, growth: request.growth, createdAt: request.now, date,
    expiresAt: request.expireMonths > 0 && points > 0 ? dayjs(request.now).add(request.expireMonths, 'month').valueOf() : null,
    remaining: points
  }
  await ledger.insert(entry)
  await totals.set({ _id: totalId, points: (total?.points ?? 0) + points })
  const wallets = tx.collection<WalletDoc>(WALLETS)
  const wallet = await walletIn(wallets, request.openid, request.now)
  const growth = wallet.growth + request.growth
  const tierChange = await applyTier(tx, wallet, growth, tiers, request.now)
  // Growth earned today makes today an active day: the member's segment moves at once.
  const activity = request.growth > 0 ? segmentAfterActivity(wallet, tierChange.tierLevel ?? wallet.tierLevel, date) : {}
  await wallets.update(wallet._id, { set: { points: wallet.points + points, growth, updatedAt: request.now, ...tierChange, ...activity } })
  return entry
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
