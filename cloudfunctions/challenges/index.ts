// Cloud function `challenges`: a challenge's setup and moderation by hosts (domain/checkin/challenge-admin, moderation) and the completer's 完成报告 (completion-report).
import { createFunction } from '../platform/create-function'
import { challengesActions } from './actions'

export const main = createFunction('challenges', challengesActions)
