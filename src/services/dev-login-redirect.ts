import Taro from '@tarojs/taro'
import { DEV_LOGIN_PAGE } from './routes'

let redirecting = false

/**
 * H5 only: go to the persona login page, once. Launch and every unauthorised
 * call may ask at the same moment; two reLaunches would stack two login pages.
 */
export function redirectToDevLogin(): void {
  if (redirecting) return
  const pages = Taro.getCurrentPages()
  const top = pages[pages.length - 1]
  if (top?.route && `/${top.route.replace(/^\//, '')}`.startsWith(DEV_LOGIN_PAGE)) return
  redirecting = true
  Taro.reLaunch({ url: DEV_LOGIN_PAGE }).finally(() => { redirecting = false })
}
