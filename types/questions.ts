// Q&A inside a circle (知识星球's 提问): a member asks the host or a 嘉宾 the
// host named as an answerer; the host sets per answerer whether questions are
// paid (price in fen, 0 = free) and after how many days an unanswered paid
// question is refunded. Public questions are read by every circle member once
// answered; private ones only by the asker, the answerer and the hosts.
import type { ClientPaymentView } from './membership'
import type { PageInput } from './page'

export type QuestionVisibility = 'public' | 'private'

/**
 * awaitingPayment: a paid question whose order is not paid yet (only its asker sees it);
 * open: published to the answerer; answered; refunding / refunded: unanswered in time, the money going back;
 * closed: its order closed unpaid (nothing was asked).
 */
export type QuestionStatus = 'awaitingPayment' | 'open' | 'answered' | 'refunding' | 'refunded' | 'closed'

/** One answerer of a circle, as the host set them. */
export interface AnswererSetting {
  openid: string
  /** 0 = free. */
  priceFen: number
  /** An unanswered paid question is refunded this many days after it was published (1–30, default 7). */
  refundDays: number
}

export interface AnswererView extends AnswererSetting {
  nickname: string
  avatarUrl: string
  /** 主理人 / 管理员 / 嘉宾. */
  roleLabel: string
}

export interface QuestionSettingsView {
  circleId: string
  circleName: string
  answerers: AnswererView[]
  /** Who the host may name: the owner, admins and guests. */
  candidates: Array<{ openid: string; nickname: string; avatarUrl: string; roleLabel: string }>
}

export interface UpdateQuestionSettingsInput {
  circleId: string
  /** At most 10. */
  answerers: AnswererSetting[]
}

export interface CircleIdOnlyInput {
  circleId: string
}

export interface AskOptionsView {
  circleId: string
  circleName: string
  answerers: AnswererView[]
}

export interface AskQuestionInput {
  circleId: string
  answererOpenid: string
  /** 5–500 characters. */
  text: string
  visibility: QuestionVisibility
  /** Idempotency key from the app: a retried ask makes one question. */
  requestId: string
}

export interface QuestionView {
  id: string
  circleId: string
  asker: { openid: string; nickname: string; avatarUrl: string }
  answerer: { openid: string; nickname: string; avatarUrl: string; roleLabel: string }
  text: string
  visibility: QuestionVisibility
  priceFen: number
  /** A paid question unanswered this many days after it reached its answerer is refunded. */
  refundDays: number
  status: QuestionStatus
  createdAt: number
  publishedAt: number | null
  /** An open paid question is refunded at this time if still unanswered. */
  refundAt: number | null
  answer: { text: string; photoUrls: string[]; answeredAt: number } | null
  /** The order that paid for it (null when free). */
  orderId: string | null
  /** What the caller may do: answer it (its answerer, while open). */
  canAnswer: boolean
}

export interface AskQuestionResult {
  question: QuestionView
  /** A paid question: pay this (the existing order payment flow); null when free. */
  payment: ClientPaymentView | null
}

export interface QuestionIdInput {
  questionId: string
}

export interface ListQuestionsInput extends PageInput {
  circleId: string
  /** answered: the circle's answered public questions; mine: the caller's own questions in the circle. */
  scope: 'answered' | 'mine'
}

export interface QuestionQueueInput extends PageInput {
  /** open: 待回答; answered: 已回答. */
  status: 'open' | 'answered'
}

export interface AnswerQuestionInput {
  questionId: string
  /** 1–2000 characters. */
  text: string
  /** 0–9 uploaded photos. */
  photoFileIds: string[]
}
