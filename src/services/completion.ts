import type { Challenge } from '../../types/checkin'
import type { CompletionReport } from '../../types/completion'
import { callFunction } from './api'

// 完成报告: the completer's report and the words the challenge page, the host's
// form and the report share (pages call these, never callFunction).

export const completionReportKey = (challengeId: string) => `challenges.completionReport.${challengeId}`

export function fetchCompletionReport(challengeId: string): Promise<CompletionReport> {
  return callFunction('challenges', 'completionReport', { challengeId })
}

/** The completion rule in words: 完成全部 21 天 / 完成 21 天中的 18 天, and whether make-ups count. */
export function completionRuleText(challenge: Pick<Challenge, 'days' | 'completionDays' | 'makeupsCount'>): string {
  const needed = Math.min(challenge.days, challenge.completionDays || challenge.days)
  const days = needed >= challenge.days ? `完成全部 ${challenge.days} 天打卡` : `完成 ${challenge.days} 天中的任意 ${needed} 天`
  return `${days}${challenge.makeupsCount === false ? '，补卡不计入' : '，补卡计入'}`
}

/** The share card of a report: the member's achievement, opening the community with their invite code. */
export function reportShareTitle(report: Pick<CompletionReport, 'challengeTitle' | 'daysDone'>): string {
  return `我坚持打卡 ${report.daysDone} 天，完成了「${report.challengeTitle}」，一起来挑战吧`
}

/** The page a shared report opens: the feed, carrying the member's invite code (as the invite poster does). */
export function invitePath(inviteCode: string): string {
  return inviteCode ? `pages/feed/index?invite=${encodeURIComponent(inviteCode)}` : 'pages/feed/index'
}
