import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { EventView, SignupResult } from '../../../../types/events'
import { showError } from '../../../services/show-error'
import { payForSeat } from '../pay-flow'
import { SUBSCRIBE_FOR, prefetchSubscribeTemplates, requestSubscribe } from '../../../services/subscribe'
import { cancelSignup, paySeat, signUpForEvent } from '../../../services/events'

export type Busy = 'signup' | 'pay' | 'cancel' | null

/**
 * 报名 / 去支付 / 取消报名 on one event. Every answer is followed by a fresh
 * read of the event (seats, waitlist and my status all move together).
 * One action at a time: a double tap never sends two.
 */
export function useSignupActions(event: EventView, refetch: () => Promise<void>) {
  const [busy, setBusy] = useState<Busy>(null)
  const running = useRef(false)
  useEffect(() => {
    void prefetchSubscribeTemplates()
  }, [])

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<'leaving' | void>) => {
    if (running.current) return
    running.current = true
    setBusy(kind)
    let leaving = false
    try {
      leaving = (await action()) === 'leaving'
    } catch (err) {
      showError(err)
      await refetch()
    } finally {
      running.current = false
      // Leaving for the 模拟支付 page: stay busy, unless the browser comes back to this page (bfcache).
      if (leaving) setTimeout(() => setBusy(null), 4000)
      else setBusy(null)
    }
  }

  const afterSeat = async (result: SignupResult): Promise<'leaving' | void> => {
    const outcome = await payForSeat(event.id, result)
    if (outcome === 'redirected') return 'leaving'
    await refetch()
    if (outcome !== 'none') return
    // A waitlist place needs no toast: the page shows it large.
    if (result.signup.status === 'confirmed') void Taro.showToast({ title: '报名成功', icon: 'success', duration: 1500 })
  }

  /** couponId: a coupon the member picked for the fee (paid events only; the server checks and prices it). */
  const withCoupon = (couponId?: string | null) => ({ eventId: event.id, ...(couponId ? { couponId } : {}) })
  const signup = (couponId?: string | null) => {
    // Asked first, inside the tap (WeChat opens the dialog only from one): reminder, waitlist and cancellation messages.
    const asked = running.current ? null : requestSubscribe(SUBSCRIBE_FOR.eventSignup)
    return run('signup', async () => {
      await asked
      return afterSeat(await signUpForEvent(withCoupon(couponId)))
    })
  }
  const pay = (couponId?: string | null) => run('pay', async () => afterSeat(await paySeat(withCoupon(couponId))))
  /** doneText: what the toast says afterwards (已取消报名 / 已退出候补). */
  const cancel = (doneText: string, onDone: () => void) =>
    run('cancel', async () => {
      await cancelSignup({ eventId: event.id })
      onDone()
      await refetch()
      void Taro.showToast({ title: doneText, icon: 'none', duration: 1500 })
    })

  return { busy, signup, pay, cancel }
}
