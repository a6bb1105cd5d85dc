import Taro from '@tarojs/taro'
import type { EventView, SignupResult } from '../../../types/events'
import { eventKey, formatClock, fetchEvent } from '../../services/events'
import { openPayment, type PayOutcome } from '../../services/payment'
import { setQueryData } from '../../services/use-query'

// Paying for a held seat or a waitlist offer, on top of the shared pay helper
// (services/payment.ts). WeChat: the native pay sheet, then the event is re-read
// until the notify has confirmed the seat. Dev host: the browser leaves for the
// 模拟支付 page, which returns to the order page; the detail page refetches when
// shown again, so nothing here waits for it.

const POLL_EVERY_MS = 1500
const POLL_TIMES = 8

export async function payForSeat(eventId: string, result: SignupResult): Promise<PayOutcome | 'none'> {
  if (!result.payment) return 'none'
  // 去支付 again for the same seat: the same order, and the member is told so (never a second order).
  if (result.resumed) void Taro.showToast({ title: '你有一笔待支付订单，继续支付', icon: 'none', duration: 1500 })
  const outcome = await openPayment(result.payment)
  if (outcome === 'paid') {
    const confirmed = await waitForConfirmation(eventId)
    void Taro.showToast({ title: confirmed ? '报名成功' : '支付结果确认中，请稍后刷新', icon: confirmed ? 'success' : 'none', duration: 2000 })
  } else if (outcome === 'cancelled' || outcome === 'failed') {
    const until = result.signup.payBefore
    const kept = until ? `，名额保留至 ${formatClock(until)}` : ''
    void Taro.showToast({ title: `支付未完成${kept}`, icon: 'none', duration: 2500 })
  }
  return outcome
}

/** The payment notify may land a moment after the pay sheet closes. */
async function waitForConfirmation(eventId: string): Promise<boolean> {
  for (let i = 0; i < POLL_TIMES; i++) {
    try {
      const event: EventView = await fetchEvent({ eventId })
      setQueryData(eventKey(eventId), event)
      const status = event.mySignup?.status
      if (status === 'confirmed' || status === 'attended') return true
    } catch {
      // keep trying: the member has paid, a lost answer must not read as a failure
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
  }
  return false
}
