// Cloud function `gifts`: 送 gifts: gift cards bought for a friend and claimed, and the invite welcome gift (domain/plays/gift).
import { createFunction } from '../platform/create-function'
import { giftsActions } from './actions'

export const main = createFunction('gifts', giftsActions)
