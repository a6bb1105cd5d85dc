// Every deployable cloud function, by name. The dev host, the bundler and the
// automatic tests all read this one list.
import type { FunctionName } from '../types/api'
import type { ActionMap } from './platform/define-action'
import type { FunctionMain } from './platform/create-function'
import * as member from './member/index'
import * as cron from './cron/index'
import * as settle from './settle/index'
import * as insights from './insights/index'
import * as photoCheck from './photoCheck/index'
import * as checkin from './checkin/index'
import * as challenges from './challenges/index'
import * as deposits from './deposits/index'
import * as growth from './growth/index'
import * as membership from './membership/index'
import * as events from './events/index'
import * as leaderboard from './leaderboard/index'
import * as rewards from './rewards/index'
import * as host from './host/index'
import * as marketing from './marketing/index'
import * as circle from './circle/index'
import * as questions from './questions/index'
import * as fission from './fission/index'
import * as gifts from './gifts/index'
import * as sales from './sales/index'
import { memberActions } from './member/actions'
import { cronActions } from './cron/actions'
import { settleActions } from './settle/actions'
import { insightsActions } from './insights/actions'
import { photoCheckActions } from './photoCheck/actions'
import { checkinActions } from './checkin/actions'
import { challengesActions } from './challenges/actions'
import { depositsActions } from './deposits/actions'
import { growthActions } from './growth/actions'
import { membershipActions } from './membership/actions'
import { eventActions } from './events/actions'
import { leaderboardActions } from './leaderboard/actions'
import { rewardActions } from './rewards/actions'
import { hostActions } from './host/actions'
import { marketingActions } from './marketing/actions'
import { circleActions } from './circle/actions'
import { questionsFunctionActions } from './questions/actions'
import { fissionActions } from './fission/actions'
import { giftsActions } from './gifts/actions'
import { salesActions } from './sales/actions'

export const FUNCTIONS: { [F in FunctionName]: { main: FunctionMain; actions: ActionMap<F> } } = {
  member: { main: member.main, actions: memberActions },
  checkin: { main: checkin.main, actions: checkinActions },
  challenges: { main: challenges.main, actions: challengesActions },
  deposits: { main: deposits.main, actions: depositsActions },
  growth: { main: growth.main, actions: growthActions },
  membership: { main: membership.main, actions: membershipActions },
  events: { main: events.main, actions: eventActions },
  leaderboard: { main: leaderboard.main, actions: leaderboardActions },
  rewards: { main: rewards.main, actions: rewardActions },
  host: { main: host.main, actions: hostActions },
  marketing: { main: marketing.main, actions: marketingActions },
  circle: { main: circle.main, actions: circleActions },
  questions: { main: questions.main, actions: questionsFunctionActions },
  fission: { main: fission.main, actions: fissionActions },
  gifts: { main: gifts.main, actions: giftsActions },
  sales: { main: sales.main, actions: salesActions },
  settle: { main: settle.main, actions: settleActions },
  insights: { main: insights.main, actions: insightsActions },
  photoCheck: { main: photoCheck.main, actions: photoCheckActions },
  cron: { main: cron.main, actions: cronActions }
}

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[]

/** Functions triggered by the platform rather than called by the app (no actions, no typed client). */
export { main as mediaCheckMain } from './mediaCheck/index'
export { main as payNotifyMain } from './payNotify/index'
export const PLATFORM_FUNCTION_NAMES = ['mediaCheck', 'payNotify'] as const
