import type { MallItem, MallItemInput, MallItemKind } from '../../../../types/growth'

// The item form as typed, turned into MallItemInput on save with the server's
// limits (cloudfunctions/domain/growth/schemas.ts); error keys are its field names.

export interface ItemDraft {
  name: string
  description: string
  kind: MallItemKind
  price: string
  stock: string
  minTierLevel: number
  limit: string
  /** kind coupon: the campaign a redemption gives a coupon of. */
  couponCampaignId: string | null
}
export type ItemErrors = Partial<Record<keyof MallItemInput, string>>

export const EMPTY_ITEM: ItemDraft = { name: '', description: '', kind: 'makeupCard', price: '', stock: '', minTierLevel: 1, limit: '0', couponCampaignId: null }

export function itemToDraft(item: MallItem): ItemDraft {
  return {
    name: item.name,
    description: item.description,
    kind: item.kind,
    price: String(item.pricePoints),
    stock: String(item.stock),
    minTierLevel: item.minTierLevel,
    limit: String(item.perMemberLimit),
    couponCampaignId: item.couponCampaignId ?? null
  }
}

function whole(raw: string, min: number, max: number, what: string): number | string {
  const text = raw.trim()
  if (!/^\d+$/.test(text)) return `请填写${what}（整数）`
  const n = Number(text)
  if (n < min) return `${what}不能小于 ${min}`
  if (n > max) return `${what}不能大于 ${max}`
  return n
}

export function draftToInput(draft: ItemDraft, imageFileId: string): { input: MallItemInput; errors: ItemErrors } {
  const errors: ItemErrors = {}
  const num = (field: keyof MallItemInput, raw: string, min: number, max: number, what: string) => {
    const value = whole(raw, min, max, what)
    if (typeof value === 'string') {
      errors[field] = value
      return 0
    }
    return value
  }
  const name = draft.name.trim()
  if (!name) errors.name = '请填写商品名称'
  else if (Array.from(name).length > 40) errors.name = '商品名称最多 40 个字'
  const description = draft.description.trim()
  if (Array.from(description).length > 500) errors.description = '商品介绍最多 500 个字'
  const input: MallItemInput = {
    name,
    description,
    imageFileId,
    kind: draft.kind,
    pricePoints: num('pricePoints', draft.price, 1, 1_000_000, '兑换积分'),
    stock: num('stock', draft.stock, 0, 1_000_000, '库存'),
    minTierLevel: draft.minTierLevel,
    perMemberLimit: num('perMemberLimit', draft.limit, 0, 1000, '每人限兑'),
    couponCampaignId: draft.kind === 'coupon' ? draft.couponCampaignId : null
  }
  if (draft.kind === 'coupon' && !draft.couponCampaignId) errors.couponCampaignId = '请选择兑换后发放的优惠券'
  return { input, errors }
}
