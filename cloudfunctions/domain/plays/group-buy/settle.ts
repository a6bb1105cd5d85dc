// Settling a group, after a seat's payment commits and from the timer (every
// minute). A payment moves the group; the timer grants a full group's seats,
// all in one run, so the notify stays small whatever the group's size. Each
// move of the group is one conditional update, so whoever settles it (two
// payments at once, the timer twice, the timer and a payment) only one moves
// it; the work after the move (granting or refunding each paid seat) is keyed
// by the seat and by the refund's out_refund_no, so doing it again does
// nothing twice:
//   open, every seat paid                 → completing → (timer) each paid seat granted → completed
//   open, past its time, 模拟成团 allowed,
//     at least its starter paid           → completing (the missing seats counted as simulated) → …
//   open, past its time                   → expiring → each paid seat refunded (`${orderId}-groupfail`) → failed
// A payment that lands after the group completed is granted; one that lands
// after it failed is refunded (its seat's order was open when the time ran out).
import type { Runtime } from '../../../platform/runtime'
import { recordFact } from '../../facts/facts'
import { beginRefund, finishRefund, type BegunRefund } from '../../orders/refunds'
import { grantSeat } from './grant'
import { GROUPS, GROUP_LOGS, GROUP_SEATS, MAX_SIZE, type GroupDoc, type GroupLogDoc, type GroupState, type SeatDoc } from './group'

/** Groups the timer looks at per run. */
export const SETTLE_BATCH = 10
/** Seats granted or refunded per run (about 9 requests a grant, 15 a refund): a run stays within 500 requests; the next run carries on. */
export const SEATS_PER_RUN = 25

export interface SettleWork {
  seats: number
}

/** One log line per key (`key` names it within its group; `id` names it whole, e.g. a refusal once a day per member). */
export async function writeLog(runtime: Runtime, log: Omit<GroupLogDoc, '_id'> & { key: string; id?: string }): Promise<void> {
  const { key, id, ...doc } = log
  await runtime.store
    .collection<GroupLogDoc>(GROUP_LOGS)
    .insert({ _id: id ?? `${log.groupId}:${key}`, ...doc })
    .catch(() => undefined) // written once per key: a second settling finds it there
}

async function move(runtime: Runtime, group: GroupDoc, to: GroupState, extra: Partial<GroupDoc> = {}): Promise<GroupDoc | null> {
  const now = runtime.clock.now()
  const moved = await runtime.store.collection<GroupDoc>(GROUPS).updateIf(group._id, { state: group.state }, { set: { state: to, updatedAt: now, ...extra } })
  return moved ? { ...group, state: to, updatedAt: now, ...extra } : null
}

const paidSeats = (runtime: Runtime, groupId: string) =>
  runtime.store
    .collection<SeatDoc>(GROUP_SEATS)
    .find({ groupId, state: 'paid' }, { sort: [['n', 'asc']], limit: MAX_SIZE })
    .then((p) => p.items)

/** Where an open group goes now, and its log line: full, filled by 模拟成团 at its time, or failed at its time; null while it stays open. */
function openOutcome(group: GroupDoc, paid: number, now: number): { to: GroupState; extra?: Partial<GroupDoc>; key: string; kind: GroupLogDoc['kind']; text: string } | null {
  if (paid >= group.size) return { to: 'completing', key: 'completed', kind: 'completed', text: `${group.leaderName} 的团已满 ${group.size} 人，成团` }
  if (group.expiresAt === null || now < group.expiresAt) return null
  if (group.allowSimulated && paid >= 1) {
    const text = `${group.leaderName} 的团到时 ${paid}/${group.size} 人，模拟成团补齐 ${group.size - paid} 人`
    return { to: 'completing', extra: { simulated: group.size - paid }, key: 'completed', kind: 'simulated', text }
  }
  return { to: 'expiring', key: 'expired', kind: 'expired', text: `${group.leaderName} 的团到时 ${paid}/${group.size} 人未成团，${paid} 笔付款自动退款` }
}

/** Settles one group as far as it can go now; returns the state it is left in. */
export async function settleGroup(runtime: Runtime, groupId: string, options: { grant?: boolean; work?: SettleWork } = {}): Promise<GroupState | 'gone'> {
  const work = options.work ?? { seats: 0 }
  const now = runtime.clock.now()
  let group = await runtime.store.collection<GroupDoc>(GROUPS).get(groupId)
  if (!group) return 'gone'
  if (group.state === 'open') {
    const paid = await runtime.store.collection<SeatDoc>(GROUP_SEATS).count({ groupId, state: { $in: ['paid', 'granted'] } })
    const outcome = openOutcome(group, paid, now)
    if (!outcome) return 'open'
    const next = await move(runtime, group, outcome.to, outcome.extra)
    if (next) await writeLog(runtime, { key: outcome.key, campaignId: group.campaignId, groupId, kind: outcome.kind, openid: group.leader, text: outcome.text, at: now })
    // Lost the move to another settler: carry on from where it left the group.
    group = next ?? (await runtime.store.collection<GroupDoc>(GROUPS).get(groupId))!
  }
  if (group.state === 'completing' || group.state === 'completed') {
    // A payment's settling stops here: the seats are granted together by the timer (one small transaction each),
    // which keeps the payment notify within its budget whatever the group's size.
    if (options.grant === false && group.state === 'completing') return group.state
    for (const seat of await paidSeats(runtime, groupId)) {
      await grantSeat(runtime, seat._id)
      work.seats++
    }
    if (group.state === 'completing' && (await move(runtime, group, 'completed'))) {
      await recordFact(runtime.store, {
        type: 'groupBuy.completed',
        key: groupId,
        openid: group.leader,
        refId: group.campaignId,
        payload: { campaignId: group.campaignId, groupId, size: group.size, simulated: group.simulated },
        at: now
      })
      return 'completed'
    }
    return group.state
  }
  if (group.state === 'expiring' || group.state === 'failed') {
    const due = await paidSeats(runtime, groupId)
    for (const seat of due) {
      await refundSeat(runtime, seat)
      work.seats++
    }
    // Refunds asked for: the group is failed once they settled (else the next settling finds the seats still paid).
    const left = due.length === 0 ? 0 : (await paidSeats(runtime, groupId)).length
    if (group.state === 'expiring' && left === 0 && (await move(runtime, group, 'failed'))) return 'failed'
    return group.state
  }
  return group.state
}

/** One paid seat of a failed group refunded in full, once (its out_refund_no is the order's and the group's). */
async function refundSeat(runtime: Runtime, seat: SeatDoc): Promise<void> {
  if (!seat.orderId) return
  const orderId = seat.orderId
  const now = runtime.clock.now()
  let begun: BegunRefund | null
  try {
    begun = await runtime.store.transaction((tx) => beginRefund(tx, orderId, { amountFen: 'rest', outRefundNo: `${orderId}-groupfail`, endsAccess: false, now, purpose: 'host', quietly: true }))
  } catch (error) {
    console.error('[group] refund of a failed group left for the next run', orderId, (error as Error).message)
    return
  }
  if (!begun) return
  await finishRefund(runtime, begun, '拼团未成团，自动退款').catch((error) => console.error('[group] refund left for the reconcile timer', (error as Error).message))
}

/** The timer's job: open groups past their time, and groups a settling left half-way (completing, expiring). */
export async function settleGroupBuys(runtime: Runtime, options: { limit?: number } = {}): Promise<{ completed: number; failed: number; pending: number }> {
  const now = runtime.clock.now()
  const groups = runtime.store.collection<GroupDoc>(GROUPS)
  const limit = options.limit ?? SETTLE_BATCH
  const [due, completing, expiring] = await Promise.all([
    groups.find({ state: 'open', expiresAt: { $lte: now } }, { sort: [['expiresAt', 'asc']], limit }),
    groups.find({ state: 'completing' }, { sort: [['expiresAt', 'asc']], limit }),
    groups.find({ state: 'expiring' }, { sort: [['expiresAt', 'asc']], limit })
  ])
  let completed = 0
  let failed = 0
  let pending = 0
  const work: SettleWork = { seats: 0 }
  for (const group of [...completing.items, ...expiring.items, ...due.items]) {
    // Enough for this run: the rest are found again by the next (they are still due).
    if (work.seats >= SEATS_PER_RUN) break
    try {
      const state = await settleGroup(runtime, group._id, { work })
      if (state === 'completed') completed++
      else if (state === 'failed') failed++
      else pending++
    } catch (error) {
      pending++
      console.error('[group] settling left for the next run', group._id, (error as Error).message)
    }
  }
  return { completed, failed, pending }
}
