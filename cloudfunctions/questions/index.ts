// Cloud function `questions`: paid questions and answers (问答): asking, paying, answering, the host's answerer settings (domain/questions).
import { createFunction } from '../platform/create-function'
import { questionsFunctionActions } from './actions'

export const main = createFunction('questions', questionsFunctionActions)
