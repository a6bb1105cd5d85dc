import Taro from '@tarojs/taro'
import { DEV_LOGIN_PAGE } from './routes'
import { hasSession } from './session'

let redirecting = false

function onDevLoginPage(): boolean {
  return typeof location !== 'undefined' && location.hash.includes(DEV_LOGIN_PAGE)
}

/**
 * H5 only, before the router starts: without a session the first page is the
 * persona login. Navigating there after launch raced the first page's mount
 * (the address changed, the feed stayed on screen). The address's query, such
 * as an invite code, rides along so the launch still sees it.
 */
export function startOnDevLoginWithoutSession(): void {
  if (hasSession() || onDevLoginPage()) return
  const query = /\?[^#]*$/.exec(location.hash)?.[0] ?? ''
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${DEV_LOGIN_PAGE}${query}`)
}

/**
 * H5 only: the dev host forgot the session (restart, wiped data): go to the
 * persona login, once, however many calls fail at the same moment.
 */
export function redirectToDevLogin(): void {
  if (redirecting || onDevLoginPage()) return
  redirecting = true
  Taro.reLaunch({ url: DEV_LOGIN_PAGE }).finally(() => { redirecting = false })
}
