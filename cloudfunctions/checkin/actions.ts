import { defineActions } from '../platform/define-action'
import { checkinMemberActions } from './member-actions'
import { checkinHostActions } from './host-actions'
import { checkinDepositActions } from './deposit-actions'
import { checkinCompletionActions } from './completion-actions'

export const checkinActions = defineActions('checkin', { ...checkinMemberActions, ...checkinHostActions, ...checkinCompletionActions, ...checkinDepositActions })
