// Cloud function `questions`'s actions: paid questions and answers (问答): asking, paying, answering, the host's answerer settings (domain/questions).
import { defineActions } from '../platform/define-action'
import { questionActions } from './question-actions'

export const questionsFunctionActions = defineActions('questions', { ...questionActions })
