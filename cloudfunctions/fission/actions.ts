// Cloud function `fission`'s actions: each play keeps its actions in its own file (its domain in domain/plays/<play>/).
import { defineActions } from '../platform/define-action'
import { helpActions } from './help-actions'
import { bargainActions } from './bargain-actions'

export const fissionActions = defineActions('fission', {
  ...helpActions,
  ...bargainActions
})
