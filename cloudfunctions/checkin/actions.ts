import { defineActions } from '../platform/define-action'
import { checkinMemberActions } from './member-actions'
import { checkinHostActions } from './host-actions'

export const checkinActions = defineActions('checkin', { ...checkinMemberActions, ...checkinHostActions })
