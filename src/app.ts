import { PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { hasSession } from './services/session'
import { captureInvite } from './services/invite-capture'
import { deliverInvite } from './services/member'
import { startOnDevLoginWithoutSession } from './services/dev-login-redirect'
import './app.css'

// H5 talks to the dev host, which needs a persona token first: without one the
// router starts on the persona login page.
if (process.env.TARO_ENV === 'h5') startOnDevLoginWithoutSession()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Once per launch: every later Taro.cloud call reuses this instance.
      // No env configured → WeChat picks the project's default environment.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    }
  })

  // Every entry, not only the launch: a member who taps an invite card while the
  // mini-program is still alive in the background comes back through onShow.
  // Keep the code and hand it to member.me now if signed in, else right after
  // the H5 login (the server counts it once, on a member's first login).
  useDidShow((options) => {
    if (captureInvite(options) && (process.env.TARO_ENV !== 'h5' || hasSession())) void deliverInvite().catch(() => {})
  })

  return children
}

export default App
