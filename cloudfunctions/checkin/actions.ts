import { defineActions } from '../platform/define-action'
import { checkinMemberActions } from './member-actions'

export const checkinActions = defineActions('checkin', { ...checkinMemberActions })
