// A mall item bought with money instead of points (a flash sale,
// domain/plays/flash-sale): the mall's own records, written as a redemption by
// points writes them (mall.ts), at 0 points. Its own file so the orders
// module's kinds can reach it without the coupon code mall.ts loads (which
// loads the orders module: an import cycle).
import type { MallItemKind, RedemptionView } from '../../../types/growth'
import { COLLECTIONS } from '../../platform/collections'
import type { Transaction } from '../../ports/store'
import { WALLETS, walletIn, type WalletDoc } from './wallet'

const MALL_ITEMS = COLLECTIONS.mallItems.name
const REDEMPTIONS = COLLECTIONS.redemptions.name

/** The fields of mall.ts's documents this file reads and writes (the same collections). */
interface MallStock {
  _id: string
  name: string
  kind: MallItemKind
  stock: number
  redeemedCount: number
  updatedAt: number
}

interface Redemption {
  _id: string
  openid: string
  itemId: string
  itemName: string
  kind: MallItemKind
  pricePoints: number
  status: RedemptionView['status']
  address: RedemptionView['address']
  trackingNo: string
  createdAt: number
}

/**
 * Inside the paying transaction: one unit of the item's stock is taken and the
 * redemption recorded (a make-up card credited, a physical item awaiting
 * shipment; coupon items are not sold for money). 'noStock' when the mall has
 * none left (the caller sends the money back). Keyed by `redemptionId`: a
 * second call grants nothing more.
 */
export async function grantPaidMallItem(
  tx: Transaction,
  input: { openid: string; itemId: string; redemptionId: string; address: RedemptionView['address']; now: number }
): Promise<'granted' | 'noStock'> {
  const { openid, now } = input
  const redemptions = tx.collection<Redemption>(REDEMPTIONS)
  if (await redemptions.get(input.redemptionId)) return 'granted'
  const items = tx.collection<MallStock>(MALL_ITEMS)
  const item = await items.get(input.itemId)
  if (!item || item.stock <= 0 || item.kind === 'coupon') return 'noStock'
  await items.set({ ...item, stock: item.stock - 1, redeemedCount: item.redeemedCount + 1, updatedAt: now })
  if (item.kind === 'makeupCard') {
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const wallet = await walletIn(wallets, openid, now)
    await wallets.set({ ...wallet, makeupCards: wallet.makeupCards + 1, updatedAt: now })
  }
  await redemptions.insert({
    _id: input.redemptionId,
    openid,
    itemId: item._id,
    itemName: item.name,
    kind: item.kind,
    pricePoints: 0,
    status: item.kind === 'physical' ? 'awaitingShipment' : 'done',
    address: item.kind === 'physical' ? input.address : null,
    trackingNo: '',
    createdAt: now
  })
  return 'granted'
}

/**
 * Its refund, inside the refund's settling transaction: the unit goes back to
 * the item's stock and the redemption is removed while nothing left the house
 * (not yet shipped; a make-up card still unspent). Shipped goods and spent
 * cards stay with the member.
 */
export async function revokePaidMallItem(tx: Transaction, redemptionId: string, now: number): Promise<boolean> {
  const redemptions = tx.collection<Redemption>(REDEMPTIONS)
  const redemption = await redemptions.get(redemptionId)
  if (!redemption || redemption.status === 'shipped') return false
  if (redemption.kind === 'makeupCard') {
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const wallet = await wallets.get(redemption.openid)
    if (!wallet || wallet.makeupCards <= 0) return false
    await wallets.set({ ...wallet, makeupCards: wallet.makeupCards - 1, updatedAt: now })
  }
  await redemptions.remove(redemptionId)
  const items = tx.collection<MallStock>(MALL_ITEMS)
  const item = await items.get(redemption.itemId)
  if (item) await items.set({ ...item, stock: item.stock + 1, redeemedCount: Math.max(0, item.redeemedCount - 1), updatedAt: now })
  return true
}
