// The group-buy order kind. Paying for a seat buys nothing yet: the payment
// marks the seat paid (the starter's payment opens the group and starts its
// clock), and after the commit the group is settled (settle.ts): the payment
// that fills it moves it to completing, and the timer (within the minute)
// grants every paid seat its plan or event seat through that capability's own
// kind, all in one run, each in its own small transaction; a group past its
// time is refunded.
// An unpaid seat's order closing (5 minutes, the orders module's close-unpaid
// timer) frees the seat for the next friend; the starter's closing abandons
// the group. A refund marks the seat refunded and takes back what a granted
// seat was given. Registered with the orders module from here
// (installed-kinds.ts).
import { recordFact } from '../../facts/facts'
import { registerOrderKind } from '../../orders/kinds'
import { describeSold } from '../sold-target/target-order'
import { GROUP_KIND, groupOf, refundTarget } from './grant'
import { settleGroup, writeLog } from './settle'
import { GROUPS, GROUP_CLAIMS, GROUP_SEATS, type ClaimDoc, type GroupDoc, type SeatDoc } from './group'

export { GROUP_KIND }

export const groupOrderKind = registerOrderKind({
  kind: GROUP_KIND,
  couponLabel: '拼团',
  // Bare (no circle fields): the order page then shows a paid group seat as paid (查看 opens the group), not as a
  // membership already running (it starts when the group fills).
  describe: (order) => describeSold('拼团', groupOf(order), `packages/group-buy/group/index?id=${groupOf(order).groupId}`, true),
  async fulfil(tx, order, now) {
    // The seat is paid; what it buys waits for the group (settle.ts, right after this commit).
    const item = groupOf(order)
    const seats = tx.collection<SeatDoc>(GROUP_SEATS)
    const seat = await seats.get(item.seatId)
    if (seat && seat.orderId === order._id) await seats.set({ ...seat, state: 'paid', payBefore: null })
    if (item.n === 0) {
      // The starter's payment opens the group and starts its clock (the only write of the group by a member's payment).
      const groups = tx.collection<GroupDoc>(GROUPS)
      const group = await groups.get(item.groupId)
      if (group && group.state === 'pending') await groups.set({ ...group, state: 'open', expiresAt: now + group.limitHours * 3600_000, updatedAt: now })
    }
    return {
      afterCommit: async (runtime) => {
        // After the commit (keyed by the order, so once), keeping the settling transaction within 8 operations.
        await recordFact(runtime.store, {
          type: item.n === 0 ? 'groupBuy.started' : 'groupBuy.joined',
          key: order._id,
          openid: order.openid,
          refId: item.groupId,
          payload: { campaignId: item.campaignId, groupId: item.groupId, priceFen: order.amountFen, newMember: item.newMember },
          at: now
        })
        const name = seat?.name ?? '成员'
        await writeLog(runtime, {
          key: `paid:${order._id}`,
          campaignId: item.campaignId,
          groupId: item.groupId,
          kind: item.n === 0 ? 'started' : 'joined',
          openid: order.openid,
          text: item.n === 0 ? `${name} 发起拼团并支付` : `${name} 参团并支付`,
          at: now
        })
        await settleGroup(runtime, item.groupId, { grant: false }).catch((error) => console.error('[group] settling left for the timer', item.groupId, (error as Error).message))
      }
    }
  },
  async onRefunded(tx, refund) {
    const { order, now } = refund
    const item = groupOf(order)
    const seats = tx.collection<SeatDoc>(GROUP_SEATS)
    const seat = await seats.get(item.seatId)
    if (!seat || seat.orderId !== order._id) return
    if (seat.state === 'granted' && (refund.full || refund.endsAccess) && refund.purpose !== 'noSeat') await refundTarget(tx, refund)
    if (refund.full) await seats.set({ ...seat, state: 'refunded' })
    void now
  },
  async onClosed(tx, order, _reason, now) {
    // Lapsed unpaid (5 minutes) or cancelled: the seat is free for another friend, and the member may try again;
    // the starter's lapse abandons the group (nobody could join it yet).
    const item = groupOf(order)
    const seats = tx.collection<SeatDoc>(GROUP_SEATS)
    const seat = await seats.get(item.seatId)
    if (seat && seat.orderId === order._id && (seat.state === 'held' || seat.state === 'ordered')) {
      await seats.set({ ...seat, state: 'free', orderId: null, openid: item.n === 0 ? seat.openid : null, day: item.n === 0 ? seat.day : null, heldAt: null, payBefore: null })
    }
    const claims = tx.collection<ClaimDoc>(GROUP_CLAIMS)
    const claim = await claims.get(item.claimId)
    if (claim && claim.orderId === order._id && !claim.released) await claims.set({ ...claim, released: true, updatedAt: now })
    if (item.n === 0) {
      const groups = tx.collection<GroupDoc>(GROUPS)
      const group = await groups.get(item.groupId)
      if (group && group.state === 'pending') await groups.set({ ...group, state: 'abandoned', updatedAt: now })
    }
  }
})
