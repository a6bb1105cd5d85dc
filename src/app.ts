import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { hasSession } from './services/session'
import { captureInvite } from './services/invite-capture'
import { deliverInvite } from './services/member'
import { DEV_LOGIN_PAGE } from './services/routes'
import { redirectToDevLogin } from './services/dev-login-redirect'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    if (process.env.TARO_ENV === 'weapp') {
      // Once per launch: every later Taro.cloud call reuses this instance.
      // No env configured → WeChat picks the project's default environment.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    }
    // Opened through an invite (mini-program code or shared link): keep the code
    // and hand it to member.me now if signed in, else right after the H5 login.
    if (captureInvite(options) && (process.env.TARO_ENV !== 'h5' || hasSession())) void deliverInvite().catch(() => {})
    if (process.env.TARO_ENV === 'h5' && !hasSession() && !location.hash.includes(DEV_LOGIN_PAGE)) {
      // The H5 build talks to the dev host, which needs a persona token first.
      // Deferred a tick so the router has mounted the first page before we leave it.
      setTimeout(redirectToDevLogin, 0)
    }
  })

  return children
}

export default App
