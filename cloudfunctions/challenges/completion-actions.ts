// 完成报告: a completer's own report on a challenge (domain/checkin/completion-report.ts).
import type { ActionMap } from '../platform/define-action'
import { completionReport } from '../domain/checkin/completion-report'
import * as s from '../domain/checkin/schemas'

export const checkinCompletionActions: Pick<ActionMap<'challenges'>, 'completionReport'> = {
  completionReport: {
    role: 'member',
    input: s.completionReportInput,
    example: { challengeId: 'c1' },
    handle: (input, { runtime, caller, member, now }) => completionReport(runtime, caller, member, input, now)
  }
}
