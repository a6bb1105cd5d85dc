// The points mall. Redeeming is one transaction over the item (stock), the
// wallet (balance, spent oldest grant first) and the redemption record, keyed by
// the app's request id: never a negative balance, never more than the stock,
// and a retried tap redeems once.
import { randomUUID } from 'node:crypto'
import type { MallItem, MallItemInput, RedeemInput, RedemptionView, ShipRedemptionInput, UpdateMallItemInput, ListRedemptionsInput } from '../../../types/growth'
import type { Page, PageInput } from '../../../types/page'
import type { Filter } from '../../ports/store'
import { CAMPAIGNS, issueCoupon } from '../rewards/coupons'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import { spend } from './ledger'
import { WALLETS, walletIn, type WalletDoc } from './wallet'
import { isManager } from '../../../types/roles'

export const MALL_ITEMS = COLLECTIONS.mallItems.name
export const REDEMPTIONS = COLLECTIONS.redemptions.name
export const REDEMPTION_COUNTS = COLLECTIONS.redemptionCounts.name

/** How often one member redeemed one limited item: the per-member limit, kept inside the redemption's transaction. */
interface RedemptionCountDoc {
  _id: string // `${itemId}:${openid}`
  itemId: string
  openid: string
  count: number
  updatedAt: number
}

export const redemptionCountId = (itemId: string, openid: string) => `${itemId}:${openid}`

export interface MallItemDoc extends MallItemInput {
  _id: string
  active: boolean
  redeemedCount: number
  createdAt: number
  updatedAt: number
}

interface RedemptionDoc {
  _id: string
  openid: string
  itemId: string
  itemName: string
  kind: MallItemInput['kind']
  pricePoints: number
  status: RedemptionView['status']
  address: RedemptionView['address']
  trackingNo: string
  createdAt: number
}

function toItem(doc: MallItemDoc, runtime: Runtime): MallItem {
  const { _id, createdAt: _c, updatedAt: _u, ...rest } = doc
  return { ...rest, id: _id, imageUrl: doc.imageFileId ? runtime.files.urlFor(doc.imageFileId) : '' }
}

async function toRedemptionViews(runtime: Runtime, docs: RedemptionDoc[]): Promise<RedemptionView[]> {
  const authors = await authorsOf(
    runtime,
    docs.map((d) => d.openid)
  )
  return docs.map((d) => ({
    id: d._id,
    itemId: d.itemId,
    itemName: d.itemName,
    kind: d.kind,
    pricePoints: d.pricePoints,
    status: d.status,
    address: d.address,
    trackingNo: d.trackingNo,
    createdAt: d.createdAt,
    member: { openid: d.openid, nickname: authors.get(d.openid)!.nickname }
  }))
}

/** A coupon item names an existing campaign; other kinds name none. */
async function checkCouponItem(runtime: Runtime, kind: MallItemInput['kind'], couponCampaignId: string | null | undefined): Promise<void> {
  if (kind !== 'coupon') {
    if (couponCampaignId) throw new AppError('INVALID_INPUT', '只有优惠券商品可以选择优惠券', 'couponCampaignId')
    return
  }
  if (!couponCampaignId) throw new AppError('INVALID_INPUT', '请选择兑换后发放的优惠券', 'couponCampaignId')
  if (!(await runtime.store.collection(CAMPAIGNS).get(couponCampaignId))) throw new AppError('NOT_FOUND', '优惠券不存在', 'couponCampaignId')
}

export async function createMallItem(runtime: Runtime, caller: Caller, input: MallItemInput, now: number): Promise<MallItem> {
  await checkCouponItem(runtime, input.kind, input.couponCampaignId)
  if (input.imageFileId && !(await runtime.files.isUsableBy(input.imageFileId, caller.openid))) throw new AppError('INVALID_INPUT', '商品图片无效，请重新上传', 'imageFileId')
  const doc: MallItemDoc = { ...input, _id: randomUUID(), active: true, redeemedCount: 0, createdAt: now, updatedAt: now }
  await runtime.store.collection<MallItemDoc>(MALL_ITEMS).insert(doc)
  return toItem(doc, runtime)
}

export async function updateMallItem(runtime: Runtime, caller: Caller, input: UpdateMallItemInput, now: number): Promise<MallItem> {
  const { itemId, ...changes } = input
  const items = runtime.store.collection<MallItemDoc>(MALL_ITEMS)
  const current = await items.get(itemId)
  if (!current) throw errors.notFound('商品')
  if (changes.kind !== undefined || changes.couponCampaignId !== undefined) {
    await checkCouponItem(runtime, changes.kind ?? current.kind, changes.couponCampaignId !== undefined ? changes.couponCampaignId : current.couponCampaignId)
  }
  if (changes.imageFileId && !(await runtime.files.isUsableBy(changes.imageFileId, caller.openid))) throw new AppError('INVALID_INPUT', '商品图片无效，请重新上传', 'imageFileId')
  await items.update(itemId, { set: { ...changes, updatedAt: now } })
  return toItem((await items.get(itemId))!, runtime)
}

export async function listMallItems(runtime: Runtime, caller: Caller, input: PageInput): Promise<Page<MallItem>> {
  const filter: Filter = isManager(caller.role) ? {} : { active: true }
  const page = await runtime.store.collection<MallItemDoc>(MALL_ITEMS).find(filter, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: page.items.map((doc) => toItem(doc, runtime)), next: page.next }
}

export async function redeem(runtime: Runtime, caller: Caller, input: RedeemInput, now: number): Promise<RedemptionView> {
  const redemptionId = `${caller.openid}:${input.requestId}`
  const redemptions = runtime.store.collection<RedemptionDoc>(REDEMPTIONS)
  const done = await redemptions.get(redemptionId)
  if (done) return (await toRedemptionViews(runtime, [done]))[0]
  const item = await runtime.store.collection<MallItemDoc>(MALL_ITEMS).get(input.itemId)
  if (!item || !item.active) throw errors.notFound('商品')
  if (item.kind === 'physical' && !input.address) throw new AppError('INVALID_INPUT', '实物商品请填写收货地址', 'address')
  // Redemptions made before the counter existed, counted once when a member has no counter for the item yet.
  const limited = item.perMemberLimit > 0
  const counterId = redemptionCountId(item._id, caller.openid)
  const counter = limited ? await runtime.store.collection<RedemptionCountDoc>(REDEMPTION_COUNTS).get(counterId) : null
  const before = limited && !counter ? (await redemptions.find({ openid: caller.openid }, { sort: [['createdAt', 'desc']], limit: 100 })).items.filter((r) => r.itemId === item._id).length : 0
  // A quick refusal; the transaction below is what holds the limit.
  if (limited && (counter?.count ?? before) >= item.perMemberLimit) throw new AppError('LIMIT_REACHED', `每人最多兑换 ${item.perMemberLimit} 次`)

  const redemption = await runtime.store.transaction(async (tx) => {
    const existing = await tx.collection<RedemptionDoc>(REDEMPTIONS).get(redemptionId)
    if (existing) return existing
    const items = tx.collection<MallItemDoc>(MALL_ITEMS)
    const fresh = (await items.get(item._id))!
    if (fresh.stock <= 0) throw new AppError('OUT_OF_STOCK', '已兑完，下次早点来')
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const wallet = await walletIn(wallets, caller.openid, now)
    if (wallet.tierLevel < fresh.minTierLevel) throw new AppError('FORBIDDEN', `达到 Lv${fresh.minTierLevel} 才能兑换`)
    if (fresh.perMemberLimit > 0) {
      // The per-member count is read and written here: parallel taps write one counter document, so they
      // conflict and run again one after another, each seeing the count the other left.
      const counts = tx.collection<RedemptionCountDoc>(REDEMPTION_COUNTS)
      const current = await counts.get(counterId)
      const count = current?.count ?? before
      if (count >= fresh.perMemberLimit) throw new AppError('LIMIT_REACHED', `每人最多兑换 ${fresh.perMemberLimit} 次`)
      await counts.set({ _id: counterId, itemId: fresh._id, openid: caller.openid, count: count + 1, updatedAt: now })
    }
    // Oldest grants first, settled later (spend() touches no grant); the redemption was read absent here, so its
    // ledger entry is too; the wallet is written once, with the make-up card bought.
    await spend(
      tx,
      { openid: caller.openid, rule: 'redeem', refId: redemptionId, reason: `兑换「${fresh.name}」`, amount: fresh.pricePoints, now, strict: true },
      {
        fresh: true,
        wallet,
        walletChanges: fresh.kind === 'makeupCard' ? { makeupCards: wallet.makeupCards + 1 } : {}
      }
    )
    // Read in this transaction: a whole-document write is one request; a concurrent redemption's write conflicts.
    await items.set({ ...fresh, stock: fresh.stock - 1, redeemedCount: fresh.redeemedCount + 1, updatedAt: now })
    if (fresh.kind === 'coupon') {
      // The coupon is given in the same transaction: no points spent without it.
      const given = await issueCoupon(tx, fresh.couponCampaignId ?? '', caller.openid, `mall:${redemptionId}`, now)
      if (given === 'outOfStock') throw new AppError('OUT_OF_STOCK', '这张券已发完，下次早点来')
      if (given === 'expired') throw new AppError('CHECKIN_CLOSED', '这张券已过期，不能再兑换')
      if (given === 'missing') throw errors.notFound('优惠券')
    }
    const doc: RedemptionDoc = {
      _id: redemptionId,
      openid: caller.openid,
      itemId: fresh._id,
      itemName: fresh.name,
      kind: fresh.kind,
      pricePoints: fresh.pricePoints,
      status: fresh.kind === 'physical' ? 'awaitingShipment' : 'done',
      address: fresh.kind === 'physical' ? (input.address ?? null) : null,
      trackingNo: '',
      createdAt: now
    }
    await tx.collection<RedemptionDoc>(REDEMPTIONS).insert(doc)
    return doc
  })
  return (await toRedemptionViews(runtime, [redemption]))[0]
}

export async function myRedemptions(runtime: Runtime, openid: string, input: PageInput): Promise<Page<RedemptionView>> {
  const page = await runtime.store.collection<RedemptionDoc>(REDEMPTIONS).find({ openid }, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: await toRedemptionViews(runtime, page.items), next: page.next }
}

export async function listRedemptions(runtime: Runtime, input: ListRedemptionsInput): Promise<Page<RedemptionView>> {
  const page = await runtime.store.collection<RedemptionDoc>(REDEMPTIONS).find(input.status ? { status: input.status } : {}, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: await toRedemptionViews(runtime, page.items), next: page.next }
}

export async function shipRedemption(runtime: Runtime, input: ShipRedemptionInput): Promise<RedemptionView> {
  const redemptions = runtime.store.collection<RedemptionDoc>(REDEMPTIONS)
  const shipped = await redemptions.updateIf(input.redemptionId, { status: 'awaitingShipment' }, { set: { status: 'shipped', trackingNo: input.trackingNo.trim() } })
  const doc = await redemptions.get(input.redemptionId)
  if (!doc) throw errors.notFound('兑换记录')
  if (!shipped && doc.status !== 'shipped') throw new AppError('CONFLICT', '这笔兑换不需要发货')
  return (await toRedemptionViews(runtime, [doc]))[0]
}
