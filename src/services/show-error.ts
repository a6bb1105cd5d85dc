import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { toApiCallError } from './api-error'

/**
 * The one place an error becomes a toast. Messages come from the server in
 * Chinese; anything else (network, unexpected) gets a generic line.
 * The expired-session case never reaches here as a toast worth reading: the
 * gateway has already sent the user to log in again.
 */
export function showError(err: unknown): void {
  const error = toApiCallError(err)
  if (error.code === 'UNAUTHENTICATED') return
  // WeChat truncates toasts with icon none after two lines (~28 characters).
  void Taro.showToast({ title: error.message || '出了点问题，请稍后重试', icon: 'none', duration: 2500 })
}

/**
 * A refresh that failed while the page already shows its data (`shown`; a paged list's refreshError always is)
 * is a toast, not a blank page; once per new error.
 */
export function useRefreshErrorToast(error: unknown, shown: unknown = true): void {
  useEffect(() => {
    if (error && shown) showError(error)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- toast once per new error; shown only decides whether the page already shows something
  }, [error])
}
