import { useEffect, useState } from 'react'
import { setQueryData, useQuery } from '../../../services/use-query'
import type { OrderView } from '../../../../types/membership'
import { fetchOrder, orderKey } from '../../../services/membership'

const POLL_EVERY_MS = 2000
const POLL_FOR_MS = 20_000

/**
 * The order. Back from a payment the member confirmed (`waitForPayment`), it is
 * re-read every 2 s for up to 20 s while still unpaid: the notify may land a
 * moment later, and getOrder asks the payment provider itself when it has not.
 * Otherwise (back from 取消, or opened from a list) an unpaid order reads
 * 待支付 at once. recheck() is the 我已支付 button.
 */
export function useOrderStatus(orderId: string, waitForPayment: boolean) {
  const readOrder = () => fetchOrder({ orderId })
  const query = useQuery<OrderView>(orderKey(orderId), readOrder)
  const [pollUntil] = useState(() => (waitForPayment ? Date.now() + POLL_FOR_MS : 0))
  const [, tick] = useState(0)
  const unpaid = query.data?.status === 'created'
  const polling = unpaid && Date.now() < pollUntil
  const { refetch, fetching, data } = query

  useEffect(() => {
    if (!polling || fetching) return
    const timer = setTimeout(() => {
      if (Date.now() < pollUntil) void refetch()
      else tick((n) => n + 1) // the window is over: render once more to say so
    }, POLL_EVERY_MS)
    return () => clearTimeout(timer)
  }, [polling, fetching, data, pollUntil, refetch])

  const recheck = async (): Promise<OrderView> => {
    const order = await readOrder()
    setQueryData(orderKey(orderId), order)
    return order
  }

  return { ...query, polling, recheck }
}
