// Cloud function `deposits`'s actions: deposit challenges (押金): paying the deposit to join, the member's view of the deposit and the pool, and the host's settlement report (domain/deposits).
import { defineActions } from '../platform/define-action'
import { checkinDepositActions } from './deposit-actions'

export const depositsActions = defineActions('deposits', { ...checkinDepositActions })
