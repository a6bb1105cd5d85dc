// Testimonial → revenue attribution. A member who has not paid yet and opens a
// check-in leaves a touch (one document per viewer and check-in, first view
// only: an insert keyed by both, so the viewer's request writes no shared
// document). When that member's first payment comes (the payment.first fact),
// the attribution job credits the touches of the 7 China days before it: the
// earliest is the first touch, the latest the last touch. The job alone writes
// the per-check-in totals, and it records one fact for the last-touch author,
// which the growth consumer turns into points (rule testimonialConverted; a
// weight of 0 switches it off).
import { ATTRIBUTION_WINDOW_DAYS, type ConvertingCheckinView, type TouchChannel } from '../../../types/analytics'
import type { Page } from '../../../types/page'
import { isStaff } from '../../../types/roles'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { isConflict } from '../../ports/store'
import { CHECKINS, type CheckinDoc } from '../checkin/checkin'
import { FACTS, recordFact, type FactDoc } from '../facts/facts'
import { MEMBERS, type MemberDoc } from '../members/member'
import { ORDERS, type OrderDoc } from '../orders/order'
import { staffOpenids } from '../staff/staff'
import { addDays, chinaDate } from '../time/china-calendar'

export const TOUCHES = COLLECTIONS.touches.name
export const CONVERSIONS = COLLECTIONS.conversions.name
export const CHECKIN_CONVERSIONS = COLLECTIONS.checkinConversions.name
export const ANALYTICS = COLLECTIONS.analytics.name

export interface TouchDoc {
  _id: string // viewer:checkinId
  viewer: string
  checkinId: string
  author: string
  channel: TouchChannel
  at: number
}

export interface ConversionDoc {
  _id: string // the payer
  orderId: string
  revenueFen: number
  paidAt: number
  firstTouch: { checkinId: string; author: string; at: number }
  lastTouch: { checkinId: string; author: string; at: number }
}

export interface CheckinConversionDoc {
  _id: string // the check-in
  author: string
  firstTouch: number
  lastTouch: number
  revenueFen: number
  /** firstTouch + lastTouch: the host's list is sorted by it. */
  score: number
  updatedAt: number
}

interface CursorDoc {
  _id: string
  /** The facts from this instant on are the queue: createdAt of the last payment.first fact worked through when the queue was last emptied. */
  at: number
  /** The page cursor within that queue while a run stopped half way (null: the queue was emptied). */
  after: string | null
}

const CURSOR_ID = 'attribution-cursor'
/** Facts per run: each takes about 12 requests (touches, order, one transaction), so a run stays near 300. */
export const CONVERSIONS_PER_RUN = 25

/**
 * On the viewer's getCheckin: at most two requests (whether they already paid,
 * and the touch's insert; a view already recorded costs the same). Authors,
 * staff and members who have paid leave no touch.
 */
export async function recordTouch(runtime: Runtime, caller: Caller, checkin: CheckinDoc, channel: TouchChannel, now: number): Promise<void> {
  if (checkin.openid === caller.openid || isStaff(caller.role)) return
  try {
    if (await runtime.store.collection<FactDoc>(FACTS).get(`payment.first:${caller.openid}`)) return
    await runtime.store.collection<TouchDoc>(TOUCHES).insert({ _id: `${caller.openid}:${checkin._id}`, viewer: caller.openid, checkinId: checkin._id, author: checkin.openid, channel, at: now })
  } catch (error) {
    // Viewed before: the first view stands. Anything else must not cost the viewer the check-in.
    if (!isConflict(error)) console.error('[analytics] touch not recorded', error)
  }
}

/** Whether a touch at `touchAt` may be credited for a payment at `paidAt`: the same China day up to 7 days later. */
export function withinWindow(touchAt: number, paidAt: number): boolean {
  return touchAt <= paidAt && chinaDate(paidAt) <= addDays(chinaDate(touchAt), ATTRIBUTION_WINDOW_DAYS)
}

/** The touches a payment at `paidAt` credits, earliest first. */
async function creditedTouches(runtime: Runtime, payer: string, paidAt: number): Promise<TouchDoc[]> {
  const earliest = Date.parse(`${addDays(chinaDate(paidAt), -ATTRIBUTION_WINDOW_DAYS)}T00:00:00+08:00`)
  const page = await runtime.store.collection<TouchDoc>(TOUCHES).find({ viewer: payer, at: { $gte: earliest, $lte: paidAt } }, { sort: [['at', 'asc']], limit: 100 })
  return page.items.filter((t) => withinWindow(t.at, paidAt))
}

/** Credits one first payment, once: the conversion document keyed by the payer guards it. Returns whether it credited. */
async function creditPayment(runtime: Runtime, fact: FactDoc<'payment.first'>, staff: Set<string>, now: number): Promise<boolean> {
  const payer = fact.openid
  if (staff.has(payer)) return false
  if (await runtime.store.collection<ConversionDoc>(CONVERSIONS).get(payer)) return false
  const touches = await creditedTouches(runtime, payer, fact.createdAt)
  if (touches.length === 0) return false
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(fact.refId)
  const revenueFen = order?.amountFen ?? 0
  const first = touches[0]
  const last = touches[touches.length - 1]
  return runtime.store.transaction(async (tx) => {
    const conversions = tx.collection<ConversionDoc>(CONVERSIONS)
    if (await conversions.get(payer)) return false
    await conversions.insert({
      _id: payer,
      orderId: fact.refId,
      revenueFen,
      paidAt: fact.createdAt,
      firstTouch: { checkinId: first.checkinId, author: first.author, at: first.at },
      lastTouch: { checkinId: last.checkinId, author: last.author, at: last.at }
    })
    const totals = tx.collection<CheckinConversionDoc>(CHECKIN_CONVERSIONS)
    const credit = async (touch: TouchDoc, firstTouch: number, lastTouch: number) => {
      const doc = (await totals.get(touch.checkinId)) ?? { _id: touch.checkinId, author: touch.author, firstTouch: 0, lastTouch: 0, revenueFen: 0, score: 0, updatedAt: now }
      const next = { ...doc, firstTouch: doc.firstTouch + firstTouch, lastTouch: doc.lastTouch + lastTouch, revenueFen: doc.revenueFen + revenueFen, updatedAt: now }
      await totals.set({ ...next, score: next.firstTouch + next.lastTouch })
    }
    if (first.checkinId === last.checkinId) await credit(first, 1, 1)
    else {
      await credit(first, 1, 0)
      await credit(last, 0, 1)
    }
    // The author whose check-in closed it earns the rule's points (staff earn none), applied by the growth consumer.
    if (!staff.has(last.author)) {
      await recordFact(tx, { type: 'testimonial.converted', key: payer, openid: last.author, refId: last.checkinId, payload: { payer, revenueFen }, at: fact.createdAt })
    }
    return true
  })
}

/**
 * The attribution job: first payments since the cursor, in order, a page a run.
 * The cursor keeps the query's own page cursor while the queue is being worked
 * through, and moves its start to the last fact's instant once it is empty; the
 * facts of that instant are looked at again (their conversions guard them) but
 * not counted as work.
 */
export async function attributeConversions(runtime: Runtime): Promise<Record<string, number>> {
  const now = runtime.clock.now()
  const state = runtime.store.collection<CursorDoc>(ANALYTICS)
  const cursor = (await state.get(CURSOR_ID)) ?? { _id: CURSOR_ID, at: 0, after: null }
  const page = await runtime.store
    .collection<FactDoc<'payment.first'>>(FACTS)
    .find({ type: 'payment.first', createdAt: { $gte: cursor.at } }, { sort: [['createdAt', 'asc']], limit: CONVERSIONS_PER_RUN, after: cursor.after })
  const report = { credited: 0, uncredited: 0 }
  if (page.items.length === 0) return report
  const staff = await staffOpenids(runtime)
  for (const fact of page.items) {
    const credited = await creditPayment(runtime, fact, staff, now)
    const seenBefore = cursor.after === null && fact.createdAt === cursor.at
    if (credited) report.credited++
    else if (!seenBefore) report.uncredited++
  }
  const next: CursorDoc = page.next ? { _id: CURSOR_ID, at: cursor.at, after: page.next } : { _id: CURSOR_ID, at: page.items[page.items.length - 1].createdAt, after: null }
  if (next.at !== cursor.at || next.after !== cursor.after) await state.set(next)
  return report
}

/** The host's list: check-ins that converted best, with author, counts and revenue. */
export async function topConverting(runtime: Runtime, after: string | null | undefined): Promise<Page<ConvertingCheckinView>> {
  const page = await runtime.store.collection<CheckinConversionDoc>(CHECKIN_CONVERSIONS).find({}, { sort: [['score', 'desc']], limit: 20, after: after ?? null })
  if (page.items.length === 0) return { items: [], next: null }
  const ids = page.items.map((d) => d._id)
  const authors = [...new Set(page.items.map((d) => d.author))]
  const [checkins, members] = await Promise.all([
    runtime.store.collection<CheckinDoc>(CHECKINS).find({ _id: { $in: ids } }, { limit: ids.length }),
    runtime.store.collection<MemberDoc>(MEMBERS).find({ _id: { $in: authors } }, { limit: authors.length })
  ])
  const checkinById = new Map(checkins.items.map((c) => [c._id, c]))
  const nickname = new Map(members.items.map((m) => [m._id, m.nickname]))
  return {
    items: page.items.map((d) => {
      const checkin = checkinById.get(d._id)
      return {
        checkinId: d._id,
        authorOpenid: d.author,
        authorNickname: nickname.get(d.author) ?? '已离开的成员',
        challengeTitle: checkin?.challengeTitle ?? '',
        text: checkin ? (checkin.status === 'visible' ? checkin.text.slice(0, 60) : '（已隐藏）') : '（已删除）',
        featured: checkin?.featured ?? false,
        firstTouch: d.firstTouch,
        lastTouch: d.lastTouch,
        revenueFen: d.revenueFen
      }
    }),
    next: page.next
  }
}
