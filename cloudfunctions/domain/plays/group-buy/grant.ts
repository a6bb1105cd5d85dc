// What a group-buy seat buys, granted and taken back through that thing's own
// order kind (a plan of a circle extends the membership, an event seat confirms
// a signup): the seat's order as its target's kind sees it. A seat is granted
// once its group is full (settle.ts), one small transaction per seat.
import type { Runtime } from '../../../platform/runtime'
import type { AfterCommit } from '../../orders/kinds'
import { ORDERS, asPaidForGrant, type OrderDoc } from '../../orders/order'
import { soldTarget, type ClaimedItem } from '../sold-target/target-order'
import { GROUP_SEATS, type SeatDoc } from './group'

export const GROUP_KIND = 'groupBuy'

/** `target`: what the seat buys, as its own capability words it (a plan item, a seat item). */
export type GroupItem = ClaimedItem<typeof GROUP_KIND> & {
  campaignId: string
  groupId: string
  seatId: string
  /** 0: the starter. */
  n: number
}

export const groupOf = (order: Pick<OrderDoc, 'item'>): GroupItem => order.item as unknown as GroupItem

// A seat the event could not give is refunded here (the seat is granted after its payment, not at it).
const { fulfilTarget, refundTarget } = soldTarget({ targetOf: (order) => groupOf(order).target, tag: 'group', seatFullReason: '活动名额已满' })
export { refundTarget }

/**
 * Grants one paid seat of a completed group what it buys, in one transaction
 * (the seat, the order, and the target's own documents); once per seat (the
 * seat moves paid → granted here). Returns work for after the commit.
 */
export async function grantSeat(runtime: Runtime, seatId: string): Promise<void> {
  const now = runtime.clock.now()
  let after: AfterCommit | undefined
  await runtime.store.transaction(async (tx) => {
    after = undefined
    const seats = tx.collection<SeatDoc>(GROUP_SEATS)
    const seat = await seats.get(seatId)
    if (!seat || seat.state !== 'paid' || !seat.orderId) return
    const orders = tx.collection<OrderDoc>(ORDERS)
    const order = await orders.get(seat.orderId)
    if (!order || order.status !== 'fulfilled') return
    const item = groupOf(order)
    const given = await fulfilTarget(tx, asPaidForGrant(order), now)
    await seats.set({ ...seat, state: 'granted' })
    if (given.item) await orders.set({ ...order, item: { ...item, target: given.item } })
    after = given.afterCommit
  })
  if (after) await (after as AfterCommit)(runtime)
}
