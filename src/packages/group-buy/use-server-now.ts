import { useEffect, useRef, useState } from 'react'

/**
 * The server's clock, ticking every second: the answer's serverNow against this
 * device's clock when it arrived, so a phone set a minute fast cannot count a
 * group down wrongly (the server decides anyway).
 */
export function useServerNow(answer: { serverNow: number } | null | undefined): number {
  const offset = useRef(0)
  const seen = useRef<number | null>(null)
  if (answer && seen.current !== answer.serverNow) {
    seen.current = answer.serverNow
    offset.current = answer.serverNow - Date.now()
  }
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now + offset.current
}
