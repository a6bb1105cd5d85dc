// A question in a circle, who may see it, and how it is shown.
//
// Seeing: only the circle's current members, its named answerers and the
// hosts (admin, owner) see anything of a circle's Q&A; a question anyone else
// asks for by id is 不存在, the same answer as a wrong id. Within the circle, a
// public question is read by every member once answered; before that, and a
// private question always, only by its asker, its answerer and the hosts. An
// unpaid question (its order not paid, or closed unpaid) is its asker's alone.
import type { QuestionStatus, QuestionView, QuestionVisibility } from '../../../types/questions'
import { ROLE_LABELS, isManager } from '../../../types/roles'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { isCircleMember } from '../circles/access'
import { MEMBERS, defaultNickname, type MemberDoc } from '../members/member'

export const QUESTIONS = COLLECTIONS.questions.name
export const QUESTION_SETTINGS = COLLECTIONS.questionSettings.name
export const DAY_MS = 24 * 3600_000

export interface QuestionDoc {
  _id: string
  circleId: string
  asker: string
  answerer: string
  text: string
  visibility: QuestionVisibility
  priceFen: number
  refundDays: number
  status: QuestionStatus
  /** The paying order (null when free). */
  orderId: string | null
  createdAt: number
  /** When the answerer was given it (free: at once; paid: when the payment settled). */
  publishedAt: number | null
  /** An open paid question is refunded by the timer from this time (null: free, or not yet paid). */
  refundAt: number | null
  answer: { text: string; photoFileIds: string[] } | null
  answeredAt: number | null
  refundedAt: number | null
  updatedAt: number
}

export interface QuestionSettingsDoc {
  _id: string // circleId
  answerers: Array<{ openid: string; priceFen: number; refundDays: number }>
  updatedBy: string
  updatedAt: number
}

export const DEFAULT_REFUND_DAYS = 7

/** Whether the caller takes part in this circle's Q&A at all: a current member, a named answerer, or a host. */
export async function mayEnterQa(runtime: Runtime, circleId: string, caller: Caller, now: number, settings?: QuestionSettingsDoc | null): Promise<boolean> {
  if (isManager(caller.role)) return true
  const named = settings === undefined ? await runtime.store.collection<QuestionSettingsDoc>(QUESTION_SETTINGS).get(circleId) : settings
  if (named?.answerers.some((a) => a.openid === caller.openid)) return true
  return isCircleMember(runtime, circleId, caller.openid, now)
}

export async function assertMayEnterQa(runtime: Runtime, circleId: string, caller: Caller, now: number, settings?: QuestionSettingsDoc | null): Promise<void> {
  if (!(await mayEnterQa(runtime, circleId, caller, now, settings))) throw new AppError('FORBIDDEN', '仅圈子成员可以查看和提问，请先加入圈子')
}

/** Whether this caller may read this question, given that they take part in its circle's Q&A. */
export function mayRead(question: QuestionDoc, caller: Caller): boolean {
  if (question.asker === caller.openid) return true
  if (question.status === 'awaitingPayment' || question.status === 'closed') return false
  if (question.answerer === caller.openid || isManager(caller.role)) return true
  return question.visibility === 'public' && question.status === 'answered'
}

/** The question by id for this caller, or 不存在 (also for one they may not see: no probing by id). */
export async function loadReadable(runtime: Runtime, caller: Caller, questionId: string, now: number): Promise<QuestionDoc> {
  const question = await runtime.store.collection<QuestionDoc>(QUESTIONS).get(questionId)
  if (!question || !mayRead(question, caller)) throw errors.notFound('问题')
  // The asker and the answerer keep their own question; anyone else must still be in the circle.
  if (question.asker !== caller.openid && question.answerer !== caller.openid && !(await mayEnterQa(runtime, question.circleId, caller, now))) throw errors.notFound('问题')
  return question
}

export async function peopleOf(runtime: Runtime, openids: string[]): Promise<Map<string, MemberDoc>> {
  const ids = [...new Set(openids)]
  if (ids.length === 0) return new Map()
  const page = await runtime.store.collection<MemberDoc>(MEMBERS).find({ _id: { $in: ids } }, { limit: 100 })
  return new Map(page.items.map((m) => [m._id, m]))
}

export function personView(runtime: Runtime, people: Map<string, MemberDoc>, openid: string): { openid: string; nickname: string; avatarUrl: string; roleLabel: string } {
  const member = people.get(openid)
  const role = member?.role ?? 'member'
  return {
    openid,
    nickname: member?.nickname || defaultNickname(openid),
    avatarUrl: member?.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
    roleLabel: role === 'moderator' || role === 'member' ? '' : ROLE_LABELS[role]
  }
}

export function toQuestionView(runtime: Runtime, doc: QuestionDoc, people: Map<string, MemberDoc>, caller: Caller): QuestionView {
  const asker = personView(runtime, people, doc.asker)
  return {
    id: doc._id,
    circleId: doc.circleId,
    asker: { openid: asker.openid, nickname: asker.nickname, avatarUrl: asker.avatarUrl },
    answerer: personView(runtime, people, doc.answerer),
    text: doc.text,
    visibility: doc.visibility,
    priceFen: doc.priceFen,
    refundDays: doc.refundDays,
    status: doc.status,
    createdAt: doc.createdAt,
    publishedAt: doc.publishedAt,
    refundAt: doc.status === 'open' ? doc.refundAt : null,
    answer: doc.answer && doc.answeredAt !== null ? { text: doc.answer.text, photoUrls: doc.answer.photoFileIds.map((id) => runtime.files.urlFor(id)), answeredAt: doc.answeredAt } : null,
    orderId: doc.asker === caller.openid || isManager(caller.role) ? doc.orderId : null,
    canAnswer: doc.status === 'open' && doc.answerer === caller.openid
  }
}

export async function toQuestionViews(runtime: Runtime, docs: QuestionDoc[], caller: Caller): Promise<QuestionView[]> {
  const people = await peopleOf(
    runtime,
    docs.flatMap((d) => [d.asker, d.answerer])
  )
  return docs.map((d) => toQuestionView(runtime, d, people, caller))
}

export const QUESTION_PAGE = (questionId: string) => `packages/questions/detail/index?id=${questionId}`
