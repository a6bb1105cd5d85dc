// What a growth play sells when it sells another capability's item (秒杀,
// 砍价, 拼团): a plan of a paid circle, a seat of an event, or a mall item. The
// target as the host picks it (its input schema), as the play stores it (named
// and priced from its own capability when the play is made, resolve.ts), and as
// an order of the play carries it (in that capability's own item shape).
import * as z from 'zod/mini'
import type { ShippingAddress } from '../../../../types/growth'
import { signupId } from '../../events/event'
import { SEAT_KIND, type SeatItem } from '../../events/seat-order'
import { planItem } from '../../membership/plan-order'
import type { OrderItem } from '../../orders/order'
import { id } from './schemas'

export type PlanTargetDoc = { type: 'plan'; circleId: string; circleName: string; planId: string; planName: string; days: number; originalFen: number }
export type EventTargetDoc = { type: 'event'; eventId: string; eventTitle: string; originalFen: number }
export type MallTargetDoc = { type: 'mall'; itemId: string; itemName: string; mallKind: string; originalFen: number }
export type SoldTargetDoc = PlanTargetDoc | EventTargetDoc | MallTargetDoc

export const MALL_TARGET = 'mall'
export type MallTargetItem = { kind: typeof MALL_TARGET; itemId: string; itemName: string; address: ShippingAddress | null }

const planInput = z.strictObject({ type: z.literal('plan'), circleId: id('圈子'), planId: id('套餐') })
const eventInput = z.strictObject({ type: z.literal('event'), eventId: id('活动') })
const mallInput = z.strictObject({ type: z.literal('mall'), itemId: id('商品') })

/** The host's pick of a plan, an event or a mall item; `error` names what the play may sell. */
export const targetInput = (error: string) => z.discriminatedUnion('type', [planInput, eventInput, mallInput], { error })
/** The host's pick of a plan or an event (a play that sells no mall item). */
export const planOrEventInput = (error: string) => z.discriminatedUnion('type', [planInput, eventInput], { error })

/** The target's name as members read it. */
export function itemNameOf(target: SoldTargetDoc): string {
  return target.type === 'plan' ? `${target.circleName}·${target.planName}` : target.type === 'event' ? target.eventTitle : target.itemName
}

/** What a play's card shows of its target: its type, its name as members read it, and its own price. */
export function targetView<T extends SoldTargetDoc>(target: T): { targetType: T['type']; itemName: string; originalFen: number } {
  return { targetType: target.type, itemName: itemNameOf(target), originalFen: target.originalFen }
}

/** The head of a play campaign's card: its id and title, what targetView shows of its target, and the named fields as stored. */
export function campaignHead<D extends { _id: string; title: string; target: SoldTargetDoc }, K extends keyof D>(
  campaign: D,
  fields: readonly K[] = []
): { id: string; title: string; targetType: D['target']['type']; itemName: string; originalFen: number } & Pick<D, K> {
  const copied = Object.fromEntries(fields.map((field) => [field, campaign[field]])) as Pick<D, K>
  return { id: campaign._id, title: campaign.title, ...targetView(campaign.target), ...copied }
}

/** A physical mall item is sent: the buyer gives an address. */
export const needsAddress = (t: SoldTargetDoc) => t.type === 'mall' && t.mallKind === 'physical'

/** The item an order buys, in its capability's own shape (`openid` is the buyer's, for the signup; the address is kept only for a physical item). */
export function targetItem(t: SoldTargetDoc, openid: string, address: ShippingAddress | null): OrderItem {
  if (t.type === 'plan') return planItem({ circleId: t.circleId, circleName: t.circleName, planId: t.planId, planName: t.planName, days: t.days })
  if (t.type === 'event') return { kind: SEAT_KIND, eventId: t.eventId, signupId: signupId(t.eventId, openid), title: t.eventTitle } satisfies SeatItem
  return { kind: MALL_TARGET, itemId: t.itemId, itemName: t.itemName, address: needsAddress(t) ? address : null } satisfies MallTargetItem
}
