// Cloud function `circle`'s actions: each area of a circle's content keeps its actions in its own file.
import { defineActions } from '../platform/define-action'
import { postActions } from './post-actions'

export const circleActions = defineActions('circle', {
  ...postActions
})
