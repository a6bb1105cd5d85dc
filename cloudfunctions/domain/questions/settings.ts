// Who answers in a circle, and on what terms: the host names answerers (the
// owner, admins, and 嘉宾 — a guest's rank equals a member's, so the role is
// checked here, not by the router) and sets for each the price in fen (0 =
// free) and the days after which an unanswered paid question is refunded.
// One document per circle, written whole by the host.
import type { AskOptionsView, QuestionSettingsView, UpdateQuestionSettingsInput, AnswererView } from '../../../types/questions'
import type { Role } from '../../../types/roles'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { loadCircle } from '../membership/circle'
import { MEMBERS, type MemberDoc } from '../members/member'
import { QUESTION_SETTINGS, assertMayEnterQa, peopleOf, personView, type QuestionSettingsDoc } from './question'

/** Roles that may answer: the hosts and the guests. */
export const ANSWERING_ROLES: Role[] = ['owner', 'admin', 'guest']
export const MAX_ANSWERERS = 10

export async function loadQuestionSettings(runtime: Runtime, circleId: string): Promise<QuestionSettingsDoc | null> {
  return runtime.store.collection<QuestionSettingsDoc>(QUESTION_SETTINGS).get(circleId)
}

function answererViews(runtime: Runtime, settings: QuestionSettingsDoc | null, people: Map<string, MemberDoc>): AnswererView[] {
  return (settings?.answerers ?? [])
    .filter((a) => ANSWERING_ROLES.includes(people.get(a.openid)?.role ?? 'member'))
    .map((a) => ({ ...personView(runtime, people, a.openid), priceFen: a.priceFen, refundDays: a.refundDays }))
}

/** The host's view: the answerers as set, and everyone who may be named. */
export async function questionSettings(runtime: Runtime, circleId: string): Promise<QuestionSettingsView> {
  const [circle, settings, candidates] = await Promise.all([
    loadCircle(runtime, circleId),
    loadQuestionSettings(runtime, circleId),
    runtime.store.collection<MemberDoc>(MEMBERS).find({ role: { $in: ANSWERING_ROLES } }, { sort: [['role', 'asc']], limit: 50 })
  ])
  const people = new Map(candidates.items.map((m) => [m._id, m]))
  const missing = (settings?.answerers ?? []).filter((a) => !people.has(a.openid)).map((a) => a.openid)
  for (const [id, m] of await peopleOf(runtime, missing)) people.set(id, m)
  return {
    circleId,
    circleName: circle.name,
    answerers: answererViews(runtime, settings, people),
    candidates: candidates.items.map((m) => personView(runtime, people, m._id))
  }
}

export async function updateQuestionSettings(runtime: Runtime, caller: Caller, input: UpdateQuestionSettingsInput, now: number): Promise<QuestionSettingsView> {
  await loadCircle(runtime, input.circleId)
  const ids = input.answerers.map((a) => a.openid)
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', '同一位回答者只能设置一次', 'answerers')
  const people = await peopleOf(runtime, ids)
  for (const a of input.answerers) {
    const role = people.get(a.openid)?.role
    if (!role || !ANSWERING_ROLES.includes(role)) throw new AppError('INVALID_INPUT', '回答者只能是主理人、管理员或嘉宾', 'answerers')
  }
  await runtime.store.collection<QuestionSettingsDoc>(QUESTION_SETTINGS).set({
    _id: input.circleId,
    answerers: input.answerers.map((a) => ({ openid: a.openid, priceFen: a.priceFen, refundDays: a.refundDays })),
    updatedBy: caller.openid,
    updatedAt: now
  })
  return questionSettings(runtime, input.circleId)
}

/** The ask page: whom a member of this circle may ask, at what price. */
export async function askOptions(runtime: Runtime, caller: Caller, circleId: string, now: number): Promise<AskOptionsView> {
  const [circle, settings] = await Promise.all([loadCircle(runtime, circleId), loadQuestionSettings(runtime, circleId)])
  await assertMayEnterQa(runtime, circleId, caller, now, settings)
  const people = await peopleOf(
    runtime,
    (settings?.answerers ?? []).map((a) => a.openid)
  )
  return { circleId, circleName: circle.name, answerers: answererViews(runtime, settings, people) }
}
