import { useEffect, useRef, useState } from 'react'
import type { BargainView } from '../../../types/bargain'

/**
 * The server's clock, ticking every second: the answer's serverNow against this
 * device's clock when it arrived, so a phone set a minute fast cannot count down wrong
 * before a bargain ends (the server decides anyway).
 */
export function useServerNow(sale: Pick<BargainView, 'serverNow'> | null | undefined): number {
  const offset = useRef(0)
  const seen = useRef<number | null>(null)
  if (sale && seen.current !== sale.serverNow) {
    seen.current = sale.serverNow
    offset.current = sale.serverNow - Date.now()
  }
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now + offset.current
}
