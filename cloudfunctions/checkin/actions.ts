import { defineActions } from '../platform/define-action'
import { checkinMemberActions } from './member-actions'
import { checkinHostActions } from './host-actions'
import { checkinCompletionActions } from './completion-actions'
import { checkinDepositActions } from './deposit-actions'

export const checkinActions = defineActions('checkin', { ...checkinMemberActions, ...checkinHostActions, ...checkinDepositActions, ...checkinCompletionActions })
