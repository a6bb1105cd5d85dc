import Taro from '@tarojs/taro'
import { DEV_LOGIN_PAGE, ME_PAGE, CHALLENGES_PAGE, FEED_PAGE } from './routes'
import { hasSession } from './session'

let redirecting = false

/** The login page's query parameter naming where to go once signed in: a page path with its query. */
const TARGET_PARAM = 'redirect'
const TAB_PAGES = [FEED_PAGE, CHALLENGES_PAGE, ME_PAGE]

function onDevLoginPage(): boolean {
  return typeof location !== 'undefined' && location.hash.includes(DEV_LOGIN_PAGE)
}

/** One of the app's own pages, as "/pages/…" or "/packages/…" with an optional query; never the login itself. */
function appPageTarget(target: string): string {
  const path = target.split('?')[0]
  if (!/^\/(pages|packages)\/[\w/-]+$/.test(path) || path === DEV_LOGIN_PAGE) return ''
  return target
}

/** The page the address asks for (hash routing: "#/packages/events/detail/index?id=…"), or '' for none. */
function addressTarget(): string {
  return appPageTarget(location.hash.replace(/^#/, ''))
}

function loginUrl(query: string, target: string): string {
  if (!target) return `${DEV_LOGIN_PAGE}${query}`
  return `${DEV_LOGIN_PAGE}${query}${query ? '&' : '?'}${TARGET_PARAM}=${encodeURIComponent(target)}`
}

/**
 * H5 only, before the router starts: without a session the first page is the
 * persona login. Navigating there after launch raced the first page's mount
 * (the address changed, the feed stayed on screen). The address's query, such
 * as an invite code, rides along so the launch still sees it, and the page it
 * asked for (a shared event or challenge) is kept for after the login.
 */
export function startOnDevLoginWithoutSession(): void {
  if (hasSession() || onDevLoginPage()) return
  const query = /\?[^#]*$/.exec(location.hash)?.[0] ?? ''
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${loginUrl(query, addressTarget())}`)
}

/**
 * H5 only: the dev host forgot the session (restart, wiped data): go to the
 * persona login, once, however many calls fail at the same moment, and come
 * back to this page afterwards.
 */
export function redirectToDevLogin(): void {
  if (redirecting || onDevLoginPage()) return
  redirecting = true
  Taro.reLaunch({ url: loginUrl('', addressTarget()) }).finally(() => {
    redirecting = false
  })
}

/**
 * After the persona login: the page the member was sent from (its path and
 * query, from the login page's own query), else 我的. A tab page is switched
 * to; any other page becomes the only page, as it would be opened from a link.
 */
export async function goAfterDevLogin(params: Record<string, string | undefined>): Promise<void> {
  let raw = params[TARGET_PARAM] ?? ''
  try {
    raw = decodeURIComponent(raw)
  } catch {
    /* kept as sent */
  }
  const target = appPageTarget(raw)
  const path = target.split('?')[0]
  if (!target || TAB_PAGES.includes(path)) {
    await Taro.switchTab({ url: path || ME_PAGE })
    return
  }
  await Taro.reLaunch({ url: target })
}
