// Cloud function `fission`'s actions: each play keeps its actions in its own file (its domain in domain/plays/<play>/).
import { defineActions } from '../platform/define-action'
import { flashSaleActions } from './flash-sale-actions'
import { groupBuyActions } from './group-buy-actions'
import { giftActions } from './gift-actions'
import { helpActions } from './help-actions'
import { bargainActions } from './bargain-actions'

export const fissionActions = defineActions('fission', {
  ...flashSaleActions,
  ...groupBuyActions,
  ...giftActions,
  ...helpActions,
  ...bargainActions
})
