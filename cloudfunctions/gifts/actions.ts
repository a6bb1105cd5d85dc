// Cloud function `gifts`'s actions: 送 gifts: gift cards bought for a friend and claimed, and the invite welcome gift (domain/plays/gift).
import { defineActions } from '../platform/define-action'
import { giftActions } from './gift-actions'

export const giftsActions = defineActions('gifts', { ...giftActions })
