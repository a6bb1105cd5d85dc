import { useState } from 'react'
import { ApiCallError } from './api-error'
import { showError } from './show-error'

export interface Submit {
  /** A save is under way: the button shows it and a second tap does nothing. */
  busy: boolean
  /** What the form shows under its fields: a local check's words, or the server's when it refused the input. */
  error: string
  setError: (error: string) => void
  /** Runs one save at a time; a failure is toasted, and an INVALID_INPUT one also lands in `error`. onError sees the failure after that. */
  run: (work: () => Promise<void>, onError?: (err: unknown) => void) => Promise<void>
}

/** A form's save: busy while it runs, the server's refusal of the input kept for the form, every failure a toast. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const run = async (work: () => Promise<void>, onError?: (err: unknown) => void) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'INVALID_INPUT') setError(err.message)
      showError(err)
      onError?.(err)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}
