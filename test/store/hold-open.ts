// A transaction kept open across an await, for the cases that need one in flight
// while something else runs (a conflicting write, a queued write, a snapshot read).
import type { Store, Transaction } from '../../cloudfunctions/ports/store'

/** A promise and the function that resolves it. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

/** Starts a transaction that runs `work`, then stays open (holding what it wrote) until `release()`; resolves once `work` is done. */
export async function holdOpen(store: Store, work: (tx: Transaction) => Promise<unknown>): Promise<{ release: () => void; holder: Promise<void> }> {
  const paused = gate()
  const held = gate()
  const holder = store.transaction(async (tx) => {
    await work(tx)
    held.open()
    await paused.opened
  })
  await held.opened
  return { release: paused.open, holder }
}
