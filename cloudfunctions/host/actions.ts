// Cloud function `host`'s actions: the host's operating layer (team, console,
// members, recall, exports). Each area keeps its actions in its own file.
import { defineActions } from '../platform/define-action'
import { staffActions } from './staff-actions'
import { membersActions } from './members-actions'
import { consoleActions } from './console-actions'
import { recallActions } from './recall-actions'
import { analyticsActions } from './analytics-actions'
import { exportsActions } from './exports-actions'

export const hostActions = defineActions('host', {
  ...staffActions,
  ...membersActions,
  ...consoleActions,
  ...recallActions,
  ...analyticsActions,
  ...exportsActions
})
