// A paid capability made up for the test: sticker packs. Everything it takes to
// sell something lives in this folder — its item, its handlers, its
// registration — and nothing in another capability's files changes.
import type { Runtime } from '../../../cloudfunctions/platform/runtime'
import { registerOrderKind } from '../../../cloudfunctions/domain/orders/kinds'
import { openOrder } from '../../../cloudfunctions/domain/orders/open-order'
import type { OrderDoc } from '../../../cloudfunctions/domain/orders/order'

export const STICKER_KIND = 'stickers'
/** What paying grants: one document per order, taken back by a refund in full. */
export const STICKER_PACKS = 'test_sticker_packs'
/** What closing an unpaid order let go of (a stand-in for a held seat). */
export const STICKER_RELEASES = 'test_sticker_releases'

export type StickerItem = { kind: typeof STICKER_KIND; packId: string; name: string }

export interface StickerPackDoc {
  _id: string // the order's id
  openid: string
  packId: string
  status: 'owned' | 'revoked'
}

const itemOf = (order: Omit<OrderDoc, 'status'>) => order.item as unknown as StickerItem

export const stickerKind = registerOrderKind({
  kind: STICKER_KIND,
  couponLabel: '贴纸',
  describe: (order) => ({
    title: itemOf(order).name,
    label: '贴纸包',
    page: `packages/stickers/index?id=${itemOf(order).packId}`,
    firstPaymentFact: { kind: STICKER_KIND, title: itemOf(order).name }
  }),
  async fulfil(tx, order) {
    await tx.collection<StickerPackDoc>(STICKER_PACKS).insert({ _id: order._id, openid: order.openid, packId: itemOf(order).packId, status: 'owned' })
    return {}
  },
  async onRefunded(tx, { order, full }) {
    if (full) await tx.collection<StickerPackDoc>(STICKER_PACKS).update(order._id, { set: { status: 'revoked' } })
  },
  async onClosed(tx, order, reason, now) {
    await tx.collection(STICKER_RELEASES).insert({ _id: order._id, reason, at: now } as never)
  }
})

/** 购买贴纸包: priced here on the server (¥6.00), one open order per member per pack. */
export function buyStickers(runtime: Runtime, openid: string, packId: string, couponId?: string) {
  return openOrder(runtime, {
    what: `stickers:${packId}`,
    openid,
    listPriceFen: 600,
    couponId,
    now: runtime.clock.now(),
    description: () => `贴纸包·${packId}`,
    item: { kind: STICKER_KIND, packId, name: `贴纸包 ${packId}` }
  })
}
