import type { Circle, CircleInput, CircleKind } from '../../../../types/membership'
import { fenToYuanText, yuanToFen } from '../money'

// The form's own shape (text fields stay text while typed) and the checks the
// server makes (cloudfunctions/domain/membership/schemas.ts), so most mistakes
// show beside their field before anything is sent.

export interface PlanDraft {
  /** React key; new plans have no server id yet. */
  key: string
  id?: string
  name: string
  days: string
  price: string
}

export interface CircleDraft {
  name: string
  description: string
  kind: CircleKind
  trialDays: string
  questions: string[]
  plans: PlanDraft[]
  fullRefundDays: string
  refundAfter: CircleInput['refundAfter']
  /** Free circles only: joins wait for a host's approval. */
  reviewRequired: boolean
}

export type DraftErrors = Partial<Record<'name' | 'description' | 'trialDays' | 'questions' | 'plans' | 'fullRefundDays', string>> & {
  /** Per plan key: which of its fields is wrong. */
  plan?: Record<string, Partial<Record<'name' | 'days' | 'price', string>>>
}

export const MAX_QUESTIONS = 3
export const MAX_PLANS = 5

let counter = 0
export const newPlanKey = () => `new-${++counter}`

export const KIND_OPTIONS: ReadonlyArray<{ value: CircleKind; label: string; hint: string }> = [
  { value: 'free', label: '免费', hint: '成员回答问题（可选）后直接加入' },
  { value: 'paid', label: '付费', hint: '成员选择套餐并支付后加入' },
  { value: 'trialThenPaid', label: '先试用后付费', hint: '每位成员可免费试用一次，之后按套餐付费' }
]

export const EMPTY_DRAFT: CircleDraft = {
  name: '',
  description: '',
  kind: 'paid',
  trialDays: '7',
  questions: [],
  plans: [{ key: 'first', name: '月卡', days: '30', price: '' }],
  fullRefundDays: '7',
  refundAfter: 'prorata',
  reviewRequired: false
}

export function circleToDraft(circle: Circle): CircleDraft {
  return {
    name: circle.name,
    description: circle.description,
    kind: circle.kind,
    trialDays: String(circle.trialDays),
    questions: [...circle.joinQuestions],
    plans: circle.plans.map((p) => ({ key: p.id, id: p.id, name: p.name, days: String(p.days), price: fenToYuanText(p.priceFen) })),
    fullRefundDays: String(circle.fullRefundDays),
    refundAfter: circle.refundAfter,
    reviewRequired: circle.reviewRequired === true
  }
}

const length = (s: string) => Array.from(s.trim()).length

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n >= min && n <= max ? n : null
}

export interface DraftResult {
  input: Omit<CircleInput, 'coverFileId' | 'plans'> & { plans: Array<CircleInput['plans'][number] & { id?: string }> }
  errors: DraftErrors
}

export function draftToInput(draft: CircleDraft): DraftResult {
  const errors: DraftErrors = {}
  const name = draft.name.trim()
  if (length(name) === 0) errors.name = '请填写圈子名称'
  else if (length(name) > 30) errors.name = '圈子名称最多 30 个字'
  if (draft.description.length > 2000) errors.description = '介绍最多 2000 个字'

  const trialDays = intIn(draft.trialDays, 1, 30)
  if (draft.kind === 'trialThenPaid' && trialDays === null) errors.trialDays = '试用天数为 1–30 天'

  const questions = draft.questions.map((q) => q.trim()).filter((q) => q.length > 0)
  if (questions.length > MAX_QUESTIONS) errors.questions = `最多 ${MAX_QUESTIONS} 个问题`
  else if (questions.some((q) => length(q) > 100)) errors.questions = '每个问题最多 100 个字'

  const fullRefundDays = intIn(draft.fullRefundDays, 0, 30)
  if (fullRefundDays === null) errors.fullRefundDays = '全额退款天数为 0–30 天'

  const plans: DraftResult['input']['plans'] = []
  if (draft.kind !== 'free') {
    if (draft.plans.length === 0) errors.plans = '付费圈子至少需要一个套餐'
    if (draft.plans.length > MAX_PLANS) errors.plans = `最多 ${MAX_PLANS} 个套餐`
    for (const plan of draft.plans) {
      const planErrors: Partial<Record<'name' | 'days' | 'price', string>> = {}
      const planName = plan.name.trim()
      if (length(planName) === 0) planErrors.name = '请填写名称'
      else if (length(planName) > 20) planErrors.name = '最多 20 个字'
      const days = intIn(plan.days, 1, 3660)
      if (days === null) planErrors.days = '1–3660 天'
      const priceFen = yuanToFen(plan.price)
      if (priceFen === null) planErrors.price = '请填写价格'
      else if (priceFen < 1) planErrors.price = '至少 ¥0.01'
      else if (priceFen > 10_000_000) planErrors.price = '最多 ¥100,000'
      if (Object.keys(planErrors).length > 0) (errors.plan ??= {})[plan.key] = planErrors
      else plans.push({ ...(plan.id ? { id: plan.id } : {}), name: planName, days: days!, priceFen: priceFen! })
    }
  }

  return {
    input: {
      name,
      description: draft.description.trim(),
      kind: draft.kind,
      trialDays: trialDays ?? 7,
      joinQuestions: questions,
      plans,
      fullRefundDays: fullRefundDays ?? 0,
      refundAfter: draft.refundAfter,
      reviewRequired: draft.kind === 'free' && draft.reviewRequired
    },
    errors
  }
}
