import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { showError } from '../../../services/show-error'
import { openPayment } from '../../../services/payment'
import { formatFen } from '../../../utils/format'
import { chinaTime } from '../../../utils/china-time'
import { SUBSCRIBE_FOR, prefetchSubscribeTemplates, requestSubscribe } from '../../../services/subscribe'
import { createOrder } from '../../../services/membership'
import { orderUrl } from '../../../services/routes'

const formatClock = (at: number) => chinaTime(at).format('HH:mm')

/**
 * 立即支付: the server prices and creates the order, then the member pays.
 * On the dev host the browser leaves for the 模拟支付 page (which comes back to
 * the order page); in WeChat the pay sheet opens and the order page follows,
 * paid or not, since only the server knows for sure.
 */
export function useCheckout() {
  const [busy, setBusy] = useState(false)
  const running = useRef(false)
  useEffect(() => {
    void prefetchSubscribeTemplates()
  }, [])

  /** resume: paying an open order from its own page (no "待支付订单" question: that is where the member is). */
  const checkout = async (circleId: string, planId: string, options: { replace?: boolean; couponId?: string | null; resume?: boolean } = {}) => {
    if (running.current) return
    // Asked first, inside the tap (no await before it): activation, renewal and expiry messages.
    const asked = requestSubscribe(SUBSCRIBE_FOR.membership)
    running.current = true
    setBusy(true)
    let leaving = false
    try {
      await asked
      const { order, payment, resumed } = await createOrder({ circleId, planId, ...(options.couponId ? { couponId: options.couponId } : {}) })
      // Back from the pay page and tapping again: the same order, and the member is told so (never a second order).
      if (resumed && !options.resume) {
        const { confirm } = await Taro.showModal({
          title: '你有一笔待支付订单',
          content: `${order.planName} ${formatFen(order.amountFen)}，${formatClock(order.payBefore)} 前支付有效`,
          confirmText: '继续支付',
          cancelText: '查看订单'
        })
        if (!confirm) {
          await Taro.navigateTo({ url: orderUrl(order.id) })
          return
        }
      }
      const outcome = await openPayment(payment)
      if (outcome === 'redirected') {
        leaving = true
        return
      }
      if (outcome === 'failed') void Taro.showToast({ title: '支付没有完成，可在订单页重新支付', icon: 'none', duration: 2500 })
      const url = orderUrl(order.id, outcome === 'paid' ? 'paid' : 'cancelled')
      await (options.replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
    } catch (err) {
      showError(err)
    } finally {
      running.current = false
      // Leaving for the pay page: keep the button busy, unless the browser comes back to this page (bfcache).
      if (leaving) setTimeout(() => setBusy(false), 4000)
      else setBusy(false)
    }
  }

  return { busy, checkout }
}
