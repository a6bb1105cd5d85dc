// Paying through the sandbox provider: its signed notify delivered to the
// payment notify entry point exactly as the HTTP trigger would hand it over.
import { payNotifyMain } from '../../cloudfunctions/functions'
import type { LocalRuntime } from '../../cloudfunctions/adapters/local/local-runtime'

export interface SignedNotify {
  headers: Record<string, string>
  body: string
}

/** Delivers a notify (headers and raw body) to payNotifyMain; the answer is the provider's HTTP reply. */
export const deliverNotify = (notify: SignedNotify) => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false })

/** The member pays the order: the sandbox signs its notify, which is delivered; returns payNotify's answer. */
export async function payOrder(runtime: Pick<LocalRuntime, 'payments'>, orderId: string) {
  return deliverNotify(await runtime.payments.pay(orderId))
}

/** payOrder as a setup step that must work: throws unless payNotify answered with success. */
export async function payOrderOk(runtime: Pick<LocalRuntime, 'payments'>, orderId: string): Promise<void> {
  const answer = await payOrder(runtime, orderId)
  if (answer.statusCode >= 300) throw new Error(`payNotify answered ${answer.statusCode}`)
}
