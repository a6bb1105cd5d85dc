// Cloud function `host`'s actions: the host's operating layer (team, console,
// members, exports; recall and analytics are `marketing`). Each area keeps its actions in its own file.
import { defineActions } from '../platform/define-action'
import { staffActions } from './staff-actions'
import { membersActions } from './members-actions'
import { consoleActions } from './console-actions'
import { exportsActions } from './exports-actions'

export const hostActions = defineActions('host', {
  ...staffActions,
  ...membersActions,
  ...consoleActions,
  ...exportsActions
})
