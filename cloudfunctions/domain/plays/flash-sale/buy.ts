// Buying in a flash sale, exact under a rush, in at most 18 requests:
//   1. the sale and the member's claim by id (a held order is answered again; a
//      paid or refunded one is the member's one purchase);
//   2. a unit: a few free slots from a random place in the stock (one indexed
//      query, wrapping round once), each tried with one conditional update
//      free → held carrying the new order's id, outside any transaction, so two
//      buyers on one slot never abort each other: one wins, the other moves on;
//   3. one small transaction of the buyer's own documents: the slot (held by
//      this order → ordered), the claim `${saleId}:${openid}` and the order.
//      Two taps of one member both write the claim, so one of them loses and
//      answers the other's order; its slot goes straight back.
// A slot left held by a buyer whose function died between 2 and 3 is taken
// again by a later buyer once it is 2 minutes old (a transaction lives 30 s).
import { randomBytes } from 'node:crypto'
import type { BuyFlashSaleInput, BuyFlashSaleResult, FlashSaleView } from '../../../../types/flash-sale'
import type { Page, PageInput } from '../../../../types/page'
import { AppError, errors } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import type { Filter } from '../../../ports/store'
import type { MemberDoc } from '../../members/member'
import { SIGNUPS, signupId, type SignupDoc } from '../../events/event'
import { assertMayBuy } from '../../crm/circles'
import { ORDERS, newOrder, newOutTradeNo, type OrderDoc } from '../../orders/order'
import { prepayOrder } from '../../orders/open-order'
import { needsAddress, targetItem } from '../sold-target/target'
import { FLASH_KIND, type FlashItem } from './flash-order'
import { FLASH_CLAIMS, FLASH_PAY_WINDOW_MS, FLASH_SALES, FLASH_SLOTS, STALE_HOLD_MS, claimIdOf, itemNameOf, loadSale, type FlashClaimDoc, type FlashSaleDoc, type FlashSlotDoc } from './sale'
import { memberSaleView } from './views'

/** Free slots a buyer tries (one conditional update each). */
export const CANDIDATES = 4
/** Sales on a member's page (2 requests each). */
const MEMBER_PAGE = 6

export async function listFlashSales(runtime: Runtime, caller: Caller, input: PageInput, now: number): Promise<Page<FlashSaleView>> {
  const page = await runtime.store.collection<FlashSaleDoc>(FLASH_SALES).find({ endAt: { $gt: now } }, { sort: [['endAt', 'asc']], limit: MEMBER_PAGE, after: input.after })
  return { items: await Promise.all(page.items.map((sale) => memberSaleView(runtime, sale, caller.openid, now))), next: page.next }
}

export async function getFlashSale(runtime: Runtime, caller: Caller, saleId: string, now: number): Promise<FlashSaleView> {
  return memberSaleView(runtime, await loadSale(runtime, saleId), caller.openid, now)
}

const description = (sale: FlashSaleDoc) => `秒杀·${itemNameOf(sale.target)}`.slice(0, 120)

/** The member's claim says they bought already: their open order again, or the limit. */
async function answerClaim(runtime: Runtime, sale: FlashSaleDoc, claim: FlashClaimDoc | null, now: number): Promise<BuyFlashSaleResult | null> {
  if (!claim || claim.state === 'released') return null
  if (claim.state === 'paid') throw new AppError('LIMIT_REACHED', '每人限购 1 件，你已抢到')
  if (claim.state === 'refunded') throw new AppError('LIMIT_REACHED', '每人限购 1 件，你在这场秒杀已购买过')
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(claim.orderId)
  if (!order || order.status !== 'created' || order.payBefore <= now) throw new AppError('CONFLICT', '上一笔订单已超时未付，名额释放后可以再抢')
  return { orderId: order._id, amountFen: order.amountFen, payBefore: order.payBefore, payment: await prepayOrder(runtime, order, description(sale)), resumed: true }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/** Step 2: a unit held for `orderId`, or a typed refusal. 1–3 queries and at most CANDIDATES conditional updates. */
async function takeUnit(runtime: Runtime, sale: FlashSaleDoc, openid: string, orderId: string, now: number): Promise<string> {
  const slots = runtime.store.collection<FlashSlotDoc>(FLASH_SLOTS)
  const from = Math.floor(Math.random() * sale.stock)
  const free = (filter: Filter, limit: number) => slots.find({ saleId: sale._id, state: 'free', ...filter }, { sort: [['n', 'asc']], limit }).then((p) => p.items)
  let found = await free({ n: { $gte: from } }, CANDIDATES)
  if (found.length < CANDIDATES && from > 0) found = found.concat(await free({ n: { $lt: from } }, CANDIDATES - found.length))
  if (found.length === 0) {
    // None free: a hold whose buyer vanished before writing the order is free again after STALE_HOLD_MS.
    const held = await slots.find({ saleId: sale._id, state: 'held' }, { sort: [['n', 'asc']], limit: 20 })
    found = held.items.filter((s) => (s.heldAt ?? now) <= now - STALE_HOLD_MS).slice(0, CANDIDATES)
  }
  if (found.length === 0) throw new AppError('OUT_OF_STOCK', '已抢光，下次早点来')
  for (const slot of shuffle(found)) {
    const condition: Filter = slot.state === 'free' ? { state: 'free' } : { state: 'held', orderId: slot.orderId, heldAt: slot.heldAt }
    if (await slots.updateIf(slot._id, condition, { set: { state: 'held', orderId, openid, heldAt: now } })) return slot._id
  }
  throw new AppError('OUT_OF_STOCK', '手慢了，这几件刚被抢走，再试一次')
}

/** A slot this buyer held and will not use goes straight back. */
async function letGo(runtime: Runtime, slotId: string, orderId: string): Promise<void> {
  await runtime.store
    .collection<FlashSlotDoc>(FLASH_SLOTS)
    .updateIf(slotId, { state: 'held', orderId }, { set: { state: 'free', orderId: null, openid: null, heldAt: null } })
    .catch((error) => console.error('[flash] slot left for a later buyer', slotId, (error as Error).message))
}

export async function buyFlashSale(runtime: Runtime, caller: Caller, member: MemberDoc, input: BuyFlashSaleInput, now: number): Promise<BuyFlashSaleResult> {
  const sale = await loadSale(runtime, input.saleId)
  if (now >= sale.endAt) throw new AppError('CHECKIN_CLOSED', '秒杀已结束')
  if (sale.paused) throw new AppError('CONFLICT', '秒杀已暂停，请稍后再来')
  if (now < sale.startAt) throw new AppError('CHECKIN_CLOSED', '秒杀还没开始，请留意倒计时')
  const target = sale.target
  if (needsAddress(target) && !input.address) throw new AppError('INVALID_INPUT', '实物商品请填写收货地址', 'address')
  const claimId = claimIdOf(sale._id, caller.openid)
  const claims = runtime.store.collection<FlashClaimDoc>(FLASH_CLAIMS)
  const again = await answerClaim(runtime, sale, await claims.get(claimId), now)
  if (again) return again
  if (target.type === 'event') {
    const signup = await runtime.store.collection<SignupDoc>(SIGNUPS).get(signupId(target.eventId, caller.openid))
    if (signup && ['held', 'offered', 'confirmed', 'attended'].includes(signup.status)) throw new AppError('CONFLICT', '你已报名这个活动，无需再抢')
  }
  if (target.type === 'plan') await assertMayBuy(runtime, target.circleId, caller.openid)

  const orderId = newOutTradeNo(now, randomBytes(6).toString('hex'))
  const slotId = await takeUnit(runtime, sale, caller.openid, orderId, now)
  const newMember = member.joinedAt >= sale.createdAt
  const item: FlashItem = {
    kind: FLASH_KIND,
    saleId: sale._id,
    slotId,
    claimId,
    title: sale.title,
    endAt: sale.endAt,
    newMember,
    target: targetItem(sale.target, caller.openid, input.address ?? null)
  }
  const draft = newOrder({ id: orderId, item, openid: caller.openid, listPriceFen: sale.priceFen, payBefore: now + FLASH_PAY_WINDOW_MS, now })
  let outcome: { order: OrderDoc } | { other: FlashClaimDoc } | { lost: true }
  try {
    outcome = await runtime.store.transaction(async (tx) => {
      const slots = tx.collection<FlashSlotDoc>(FLASH_SLOTS)
      const slot = await slots.get(slotId)
      if (!slot || slot.state !== 'held' || slot.orderId !== orderId) return { lost: true as const }
      const txClaims = tx.collection<FlashClaimDoc>(FLASH_CLAIMS)
      const claim = await txClaims.get(claimId)
      if (claim && claim.state !== 'released') return { other: claim }
      await slots.set({ ...slot, state: 'ordered' })
      const doc: FlashClaimDoc = {
        _id: claimId,
        saleId: sale._id,
        openid: caller.openid,
        state: 'held',
        orderId,
        slotId,
        payBefore: draft.payBefore,
        newMember,
        createdAt: claim?.createdAt ?? now,
        updatedAt: now
      }
      if (claim) await txClaims.set(doc)
      else await txClaims.insert(doc)
      await tx.collection<OrderDoc>(ORDERS).insert(draft)
      return { order: draft }
    })
  } catch (error) {
    await letGo(runtime, slotId, orderId)
    throw error
  }
  if ('lost' in outcome) throw errors.busy()
  if ('other' in outcome) {
    // Another tap of this member won the claim: this unit goes back, and that order is the answer.
    await letGo(runtime, slotId, orderId)
    const answer = await answerClaim(runtime, sale, outcome.other, now)
    if (!answer) throw errors.busy()
    return answer
  }
  const order = outcome.order
  return { orderId: order._id, amountFen: order.amountFen, payBefore: order.payBefore, payment: await prepayOrder(runtime, order, description(sale)), resumed: false }
}
