import type { MallItem } from '../../../../types/growth'

export type Availability = { ok: true } | { ok: false; label: string; reason: string }

/**
 * What the app already knows would fail, said before the member taps.
 * The server decides in the end (stale balance, a race for the last unit),
 * and its answer is shown the same way.
 */
export function availabilityOf(item: MallItem, points: number, tierLevel: number): Availability {
  if (item.stock <= 0) return { ok: false, label: '已兑完', reason: '已兑完，下次早点来' }
  if (tierLevel < item.minTierLevel) return { ok: false, label: `Lv${item.minTierLevel} 专享`, reason: `达到 Lv${item.minTierLevel} 才能兑换` }
  if (points < item.pricePoints) return { ok: false, label: `积分不足，还差 ${item.pricePoints - points}`, reason: `积分不足：需要 ${item.pricePoints}，当前 ${points}` }
  return { ok: true }
}

export const KIND_LABEL: Record<MallItem['kind'], string> = { makeupCard: '补卡券', physical: '实物', virtual: '虚拟', coupon: '优惠券' }
