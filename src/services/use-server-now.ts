import { useEffect, useRef, useState } from 'react'

/**
 * The server's clock, ticking every second: an answer's serverNow against this
 * device's clock when it arrived, so a phone set a minute fast cannot show 立即抢购
 * early or count a group or a bargain down wrongly (the server decides anyway).
 * Used by the timed plays (秒杀, 拼团, 砍价).
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
