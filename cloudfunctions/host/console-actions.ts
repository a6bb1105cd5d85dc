// The console: the numbers on the host's hub (kept by the timer, domain/console).
import type { ActionMap } from '../platform/define-action'
import { dashboard } from '../domain/console/dashboard'
import { dashboardInput } from '../domain/console/schemas'

export const consoleActions: Pick<ActionMap<'host'>, 'dashboard'> = {
  dashboard: { role: 'admin', input: dashboardInput, example: {}, handle: (_input, { runtime, now }) => dashboard(runtime, now) }
}
