// Exports: the host starts a CSV export, the cron job writes it in the background, the list shows progress and the link.
import type { ActionMap } from '../platform/define-action'
import { listExports, startExport } from '../domain/exports/exports'
import { exportsInput, startExportInput } from '../domain/exports/schemas'

export const exportsActions: Pick<ActionMap<'host'>, 'startExport' | 'exports'> = {
  startExport: { role: 'admin', input: startExportInput, example: { kind: 'members' }, handle: (input, { runtime, caller, now }) => startExport(runtime, caller, input, now) },
  exports: { role: 'admin', input: exportsInput, example: {}, handle: (input, { runtime }) => listExports(runtime, input) }
}
