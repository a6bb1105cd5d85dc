// Cloud function `challenges`'s actions: a challenge's setup and moderation by hosts (domain/checkin/challenge-admin, moderation) and the completer's 完成报告 (completion-report).
import { defineActions } from '../platform/define-action'
import { checkinHostActions } from './host-actions'
import { checkinCompletionActions } from './completion-actions'

export const challengesActions = defineActions('challenges', { ...checkinHostActions, ...checkinCompletionActions })
