import type { ExportJobView, ExportsInput, StartExportInput } from '../../types/exports'
import type { Page } from '../../types/page'
import { callFunction } from './api'

// The host's CSV exports: start one, list the jobs with progress and links
// (pages call these, never callFunction).

export const EXPORTS_KEY = 'host.exports'

export function startExport(input: StartExportInput): Promise<ExportJobView> {
  return callFunction('host', 'startExport', input)
}

export function fetchExports(input: ExportsInput): Promise<Page<ExportJobView>> {
  return callFunction('host', 'exports', input)
}
