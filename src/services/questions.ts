import type { AnswerQuestionInput, AskOptionsView, AskQuestionInput, AskQuestionResult, QuestionSettingsView, QuestionStatus, QuestionView, UpdateQuestionSettingsInput } from '../../types/questions'
import type { Page } from '../../types/page'
import type { Tone } from '../components/tag'
import { callFunction } from './api'

// Q&A in a circle (提问): every call the question pages make, named and typed
// from types/questions, with the words and cache keys they share.

export const questionsKey = (circleId: string, scope: 'answered' | 'mine') => `questions:${circleId}:${scope}`
export const questionKey = (questionId: string) => `question:${questionId}`
export const queueKey = (status: 'open' | 'answered') => `questions:queue:${status}`
export const askOptionsKey = (circleId: string) => `questions:ask:${circleId}`
export const questionSettingsKey = (circleId: string) => `questions:settings:${circleId}`

export function fetchQuestions(circleId: string, scope: 'answered' | 'mine', after: string | null): Promise<Page<QuestionView>> {
  return callFunction('questions', 'questions', { circleId, scope, after })
}

export function fetchQuestion(questionId: string): Promise<QuestionView> {
  return callFunction('questions', 'question', { questionId })
}

export function fetchQueue(status: 'open' | 'answered', after: string | null): Promise<Page<QuestionView>> {
  return callFunction('questions', 'questionQueue', { status, after })
}

export function fetchAskOptions(circleId: string): Promise<AskOptionsView> {
  return callFunction('questions', 'askOptions', { circleId })
}

export function askQuestion(input: AskQuestionInput): Promise<AskQuestionResult> {
  return callFunction('questions', 'askQuestion', input)
}

export function payQuestion(questionId: string): Promise<AskQuestionResult> {
  return callFunction('questions', 'payQuestion', { questionId })
}

export function answerQuestion(input: AnswerQuestionInput): Promise<QuestionView> {
  return callFunction('questions', 'answerQuestion', input)
}

export function fetchQuestionSettings(circleId: string): Promise<QuestionSettingsView> {
  return callFunction('questions', 'questionSettings', { circleId })
}

export function updateQuestionSettings(input: UpdateQuestionSettingsInput): Promise<QuestionSettingsView> {
  return callFunction('questions', 'updateQuestionSettings', input)
}

/** 免费 or ¥9.90 / 次. */
export function priceLabel(priceFen: number): string {
  return priceFen > 0 ? `¥${(priceFen / 100).toFixed(2)} / 次` : '免费'
}

export const QUESTION_STATUS: Record<QuestionStatus, { label: string; tone: Tone }> = {
  awaitingPayment: { label: '待支付', tone: 'warn' },
  open: { label: '待回答', tone: 'blue' },
  answered: { label: '已回答', tone: 'green' },
  refunding: { label: '退款中', tone: 'orange' },
  refunded: { label: '已退款', tone: 'grey' },
  closed: { label: '已关闭', tone: 'grey' }
}
