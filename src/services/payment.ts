import Taro from '@tarojs/taro'
import type { ClientPaymentView } from '../../types/membership'

// Hands a created order to whoever takes the money. In WeChat that is the
// native pay sheet (wx.requestPayment with the server-signed parameters). On the
// dev host it is the sandbox's 模拟支付 page: a full page load that sends the
// member back to the order page when done, so nothing here waits for it.

export type PayOutcome = 'redirected' | 'paid' | 'cancelled' | 'failed'

export async function openPayment(payment: ClientPaymentView): Promise<PayOutcome> {
  if (payment.provider === 'sandbox') {
    if (process.env.TARO_ENV !== 'h5') return 'failed'
    window.location.href = payment.payUrl
    return 'redirected'
  }
  try {
    await Taro.requestPayment({
      timeStamp: payment.timeStamp,
      nonceStr: payment.nonceStr,
      package: payment.package,
      signType: payment.signType,
      paySign: payment.paySign
    })
    return 'paid'
  } catch (err) {
    // "requestPayment:fail cancel" when the member closes the sheet.
    const message = (err as { errMsg?: string } | undefined)?.errMsg ?? ''
    return message.includes('cancel') ? 'cancelled' : 'failed'
  }
}

/** H5 only: the sandbox page of an order that is still unpaid (no new order needed). */
export function reopenSandboxPayment(orderId: string): void {
  if (process.env.TARO_ENV === 'h5') window.location.href = `/sandbox-pay?order=${encodeURIComponent(orderId)}`
}
