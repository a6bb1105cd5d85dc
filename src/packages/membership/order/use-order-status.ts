import { useEffect, useState } from 'react'
import { callFunction } from '../../../services/api'
import { setQueryData, useQuery } from '../../../services/use-query'
import type { OrderView } from '../../../../types/membership'
import { orderKey } from '../queries'

const POLL_EVERY_MS = 2000
const POLL_FOR_MS = 20_000

/**
 * The order, re-read every 2 s for up to 20 s while it is still unpaid: the
 * payment notify may land a moment after the member returns, and getOrder asks
 * the payment provider itself when it has not. recheck() is the 我已支付 button.
 */
export function useOrderStatus(orderId: string) {
  const fetchOrder = () => callFunction('membership', 'getOrder', { orderId })
  const query = useQuery<OrderView>(orderKey(orderId), fetchOrder)
  const [pollUntil] = useState(() => Date.now() + POLL_FOR_MS)
  const [, tick] = useState(0)
  const unpaid = query.data?.status === 'created'
  const polling = unpaid && Date.now() < pollUntil

  useEffect(() => {
    if (!polling || query.fetching) return
    const timer = setTimeout(() => {
      if (Date.now() < pollUntil) void query.refetch()
      else tick((n) => n + 1) // the window is over: render once more to say so
    }, POLL_EVERY_MS)
    return () => clearTimeout(timer)
  }, [polling, query.fetching, query.data])

  const recheck = async (): Promise<OrderView> => {
    const order = await fetchOrder()
    setQueryData(orderKey(orderId), order)
    return order
  }

  return { ...query, polling, recheck }
}
