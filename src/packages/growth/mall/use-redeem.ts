import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ApiCallError } from '../../../services/api'
import { newRequestId } from '../../../services/request-id'
import { showError } from '../../../services/show-error'
import type { MallItem, RedemptionView, ShippingAddress } from '../../../../types/growth'
import { redeemMallItem } from '../../../services/growth'

// Answers that say the request may or may not have been applied: the member can
// tap again and the same requestId makes sure it is redeemed once.
const UNKNOWN_OUTCOME = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED'])

export type RedeemOutcome =
  | { kind: 'done'; redemption: RedemptionView }
  /** No answer: keep the dialog open; the next tap retries with the same key. */
  | { kind: 'retry' }
  /** The server said no (points, stock, tier, limit): shown as a toast. */
  | { kind: 'refused'; error: ApiCallError }

/**
 * One redemption attempt per confirm dialog. The request id is made on the
 * first confirm tap and reused until the server answers, so a retried tap (or a
 * double tap) can never spend points twice.
 */
export function useRedeem() {
  const requestId = useRef<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [retrying, setRetrying] = useState(false)

  const reset = () => {
    requestId.current = null
    setRetrying(false)
  }

  const redeem = async (item: MallItem, address: ShippingAddress | null): Promise<RedeemOutcome | null> => {
    if (busy) return null
    requestId.current ??= newRequestId('rdm')
    setBusy(true)
    try {
      const redemption = await redeemMallItem({
        itemId: item.id,
        requestId: requestId.current,
        ...(address ? { address } : {})
      })
      reset()
      void Taro.showToast({ title: '兑换成功', icon: 'success', duration: 1500 })
      return { kind: 'done', redemption }
    } catch (err) {
      const error = err instanceof ApiCallError ? err : new ApiCallError('NETWORK', '网络开小差了，请稍后重试')
      showError(error)
      if (UNKNOWN_OUTCOME.has(error.code)) {
        setRetrying(true)
        return { kind: 'retry' }
      }
      reset()
      return { kind: 'refused', error }
    } finally {
      setBusy(false)
    }
  }

  return { redeem, busy, retrying, reset }
}
