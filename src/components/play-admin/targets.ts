import { fetchEvents } from '../../services/events'
import { fetchMallItems } from '../../services/growth'
import { fetchCircles } from '../../services/membership'
import { formatFen } from '../../utils/format'
import type { EventView } from '../../../types/events'

// What a growth play can sell: a paid circle's plan, an event's seats, a mall
// item. One shape for every host page's picker (秒杀, 拼团, 砍价).

export type PlanTarget = { type: 'plan'; circleId: string; planId: string }
export type EventTarget = { type: 'event'; eventId: string }
export type MallTarget = { type: 'mall'; itemId: string }

export interface Candidate<T> {
  key: string
  target: T
  name: string
  detail: string
  /** The plan's price or the event's fee (0 for a mall item): a suggested start price. */
  priceFen: number
}

/** Every plan of the circles that are paid and not archived. */
export async function planCandidates(): Promise<Array<Candidate<PlanTarget>>> {
  const circles = (await fetchCircles({})).items.filter((c) => c.kind !== 'free' && !c.archived)
  return circles.flatMap((c) =>
    c.plans.map((p) => ({
      key: `${c.id}:${p.id}`,
      target: { type: 'plan' as const, circleId: c.id, planId: p.id },
      name: `${c.name}·${p.name}`,
      detail: `${p.days} 天 · 原价 ${formatFen(p.priceFen)}`,
      priceFen: p.priceFen
    }))
  )
}

/** The upcoming scheduled events with seats left (and whatever else `keep` asks, e.g. a fee). */
export async function eventCandidates(keep: (e: EventView) => boolean = () => true): Promise<Array<Candidate<EventTarget>>> {
  const events = (await fetchEvents({ when: 'upcoming' })).items.filter((e) => e.status === 'scheduled' && e.seatsLeft > 0 && keep(e))
  return events.map((e) => ({
    key: e.id,
    target: { type: 'event' as const, eventId: e.id },
    name: e.title,
    detail: `剩 ${e.seatsLeft} 个名额 · 报名费 ${formatFen(e.feeFen)}`,
    priceFen: e.feeFen
  }))
}

/** The active mall items in stock (coupons are not sold this way). */
export async function mallCandidates(): Promise<Array<Candidate<MallTarget>>> {
  const items = (await fetchMallItems({})).items.filter((i) => i.active && i.kind !== 'coupon' && i.stock > 0)
  return items.map((i) => ({ key: i.id, target: { type: 'mall' as const, itemId: i.id }, name: i.name, detail: `库存 ${i.stock}`, priceFen: 0 }))
}

export type SaleTarget = PlanTarget | EventTarget | MallTarget

/** The kinds of thing a play can sell, as the picker's tabs. */
export const SALE_TYPES: ReadonlyArray<{ value: SaleTarget['type']; label: string }> = [
  { value: 'plan', label: '会员套餐' },
  { value: 'event', label: '活动名额' },
  { value: 'mall', label: '商城商品' }
]

/** The candidates of one kind. */
export function saleCandidates(type: SaleTarget['type']): Promise<Array<Candidate<SaleTarget>>> {
  return type === 'plan' ? planCandidates() : type === 'event' ? eventCandidates() : mallCandidates()
}
