import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CouponScope, CouponView } from '../../../types/coupons'
import type { Page } from '../../../types/page'
import { useQuery } from '../../services/use-query'
import { formatFen } from '../../utils/format'
import RadioRow from '../radio-row'
import { discountFen, fetchMyCoupons, myCouponsKey, ruleLabel, validityLabel, yuanLabel } from '../../services/rewards'
import './index.css'

interface CouponPickerProps {
  scope: CouponScope
  /** The list price the coupon would come off, in fen. */
  priceFen: number
  /** Events: the event signed up for (free tickets for other events are left out). */
  eventId?: string
  /** Whether free tickets are offered (a new signup: yes; paying for a held seat: no). Default yes. */
  freeTickets?: boolean
  value: string | null
  /** The picked coupon (or null for none), the discount expected on this price, and the coupon itself. */
  onChange: (couponId: string | null, discountFen: number, coupon: CouponView | null) => void
}

/**
 * One row, 优惠券 · −¥20.00 ›, that opens the member's usable coupons below it:
 * pick one or 不使用优惠券. Coupons under their minimum spend are shown but
 * cannot be picked; a free ticket makes the price 免费. The server checks and
 * prices the order again.
 */
export default function CouponPicker({ scope, priceFen, eventId, freeTickets = true, value, onChange }: CouponPickerProps) {
  const query = useQuery<Page<CouponView>>(myCouponsKey(scope, eventId), () => fetchMyCoupons({ usableFor: scope, ...(eventId ? { eventId } : {}) }))
  const [open, setOpen] = useState(false)
  // Shown again (after a signup was cancelled, a coupon used elsewhere): the list may have moved.
  useEffect(() => {
    if (query.data) void query.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: refresh a list already cached, not on every render
  }, [])
  const coupons = (query.data?.items ?? []).filter((c) => freeTickets || c.kind !== 'freeTicket')
  const picked = coupons.find((c) => c.id === value) ?? null
  const off = picked ? discountFen(picked, priceFen) : 0
  const usable = coupons.filter((c) => discountFen(c, priceFen) > 0)

  // A new price (another plan) or a refreshed list: drop a coupon that no longer applies, keep the discount current.
  useEffect(() => {
    if (!query.data || value === null) return
    if (!picked || off === 0) onChange(null, 0, null)
    else onChange(picked.id, off, picked)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onChange is the parent's inline callback and picked is derived from these; depending on them would re-run (and re-set the parent) every render
  }, [priceFen, query.data, value, off])

  let summary: string
  if (query.loading) summary = '加载中…'
  else if (picked && off > 0) summary = picked.kind === 'freeTicket' ? '免费' : `−${formatFen(off)}`
  else if (usable.length > 0) summary = `${usable.length} 张可用`
  else summary = coupons.length > 0 ? '暂无满足条件的券' : '暂无可用'

  return (
    <View className='coupon-picker'>
      <View
        className='coupon-picker-row row'
        onClick={() => {
          if (coupons.length > 0) setOpen(!open)
        }}>
        <Text className='coupon-picker-label text-body'>优惠券</Text>
        <Text className={`coupon-picker-summary ${picked ? 'coupon-picker-summary-on' : ''} ${usable.length > 0 && !picked ? 'coupon-picker-summary-hint' : ''}`}>{summary}</Text>
        {coupons.length > 0 ? <Text className='coupon-picker-chevron'>{open ? '⌃' : '›'}</Text> : null}
      </View>
      {open ? (
        <View className='coupon-picker-list col' role='radiogroup'>
          {coupons.map((coupon) => {
            const cut = discountFen(coupon, priceFen)
            const on = coupon.id === value
            return (
              <RadioRow
                key={coupon.id}
                on={on}
                disabled={cut === 0}
                mark='end'
                tone='danger'
                className={`coupon-option row ${on ? 'coupon-option-on' : ''} ${cut === 0 ? 'coupon-option-off' : ''}`}
                data={{ id: coupon.id }}
                onSelect={() => {
                  onChange(coupon.id, cut, coupon)
                  setOpen(false)
                }}>
                <View className='coupon-option-main fill-col'>
                  <Text className='coupon-option-name text-name'>{coupon.name}</Text>
                  <Text className='coupon-option-rule'>
                    {ruleLabel(coupon)} · {validityLabel(coupon.validFrom, coupon.validTo)}
                  </Text>
                  {cut === 0 ? <Text className='coupon-option-why text-note'>满 {yuanLabel(coupon.minSpendFen)} 可用</Text> : null}
                </View>
                {cut > 0 ? <Text className='coupon-option-cut'>{coupon.kind === 'freeTicket' ? '免费' : `−${formatFen(cut)}`}</Text> : null}
              </RadioRow>
            )
          })}
          <RadioRow
            on={value === null}
            mark='end'
            tone='danger'
            className={`coupon-option row coupon-option-none ${value === null ? 'coupon-option-on' : ''}`}
            onSelect={() => {
              onChange(null, 0, null)
              setOpen(false)
            }}>
            <View className='coupon-option-main fill-col'>
              <Text className='coupon-option-name text-name'>不使用优惠券</Text>
            </View>
          </RadioRow>
        </View>
      ) : null}
    </View>
  )
}
