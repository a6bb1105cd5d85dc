// Cloud function `payNotify`: WeChat Pay's notify URL, through CloudBase HTTP access.
import { getRuntime } from '../platform/runtime'
import { handlePayNotify, type HttpAnswer, type HttpEvent } from '../domain/orders/pay-notify'

export async function main(event: HttpEvent): Promise<HttpAnswer> {
  return handlePayNotify(getRuntime(), event ?? {})
}
