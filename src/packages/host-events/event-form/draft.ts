import type { EventInput, EventMode, EventView, FeeReturn } from '../../../../types/events'
import { chinaTime } from '../../../utils/china-time'

// The form's own shape (numbers stay text while typed, times as China-time
// date and clock strings from the pickers) and the checks the server makes
// (cloudfunctions/domain/events/schemas.ts and admin.ts), so most mistakes
// show beside their field before anything is sent.

export interface EventDraft {
  title: string
  description: string
  mode: EventMode
  address: string
  onlineLink: string
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  /** Yuan, as typed: 10 or 9.90. */
  fee: string
  tierDiscount: boolean
  refundableHours: string
  feeReturn: FeeReturn
  /** Minutes before the start that door check-in opens, as typed (0–1440). */
  checkinOpensMinutes: string
  /** A members-only event: the circle whose current members may sign up; null for everyone. */
  circleId: string | null
  /** Only members at or above this tier may sign up (1: everyone). */
  minTierLevel: number
}

/** Errors by the server's field names, so an INVALID_INPUT `field` lands on the same line. */
export type DraftField =
  | 'title'
  | 'description'
  | 'coverFileId'
  | 'startAt'
  | 'endAt'
  | 'mode'
  | 'address'
  | 'onlineLink'
  | 'capacity'
  | 'feeFen'
  | 'signupDeadline'
  | 'refundableHoursBefore'
  | 'feeReturn'
  | 'circleId'
  | 'checkinOpensMinutesBefore'
  | 'minTierLevel'
export type DraftErrors = Partial<Record<DraftField, string>>

const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS

/** China has kept +08:00 all year since 1991: a fixed offset is exact. */
export function chinaInstant(date: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const at = Date.parse(`${date}T${time}:00+08:00`)
  return Number.isFinite(at) ? at : null
}

const dateOf = (at: number) => chinaTime(at).format('YYYY-MM-DD')
const timeOf = (at: number) => chinaTime(at).format('HH:mm')

/** A week from today at 14:00–16:00, signups closing the evening before. */
export function emptyDraft(now: number = Date.now()): EventDraft {
  const day = dateOf(now + 7 * DAY_MS)
  const start = chinaInstant(day, '14:00')!
  const deadline = chinaInstant(dateOf(start - DAY_MS), '20:00')!
  return {
    title: '',
    description: '',
    mode: 'offline',
    address: '',
    onlineLink: '',
    startDate: day,
    startTime: '14:00',
    endDate: day,
    endTime: '16:00',
    deadlineDate: dateOf(deadline),
    deadlineTime: timeOf(deadline),
    capacity: '30',
    fee: '0',
    tierDiscount: true,
    refundableHours: '24',
    feeReturn: 'none',
    circleId: null,
    checkinOpensMinutes: '120',
    minTierLevel: 1
  }
}

export function eventToDraft(event: EventView): EventDraft {
  return {
    title: event.title,
    description: event.description,
    mode: event.mode,
    address: event.address,
    onlineLink: event.onlineLink,
    startDate: dateOf(event.startAt),
    startTime: timeOf(event.startAt),
    endDate: dateOf(event.endAt),
    endTime: timeOf(event.endAt),
    deadlineDate: dateOf(event.signupDeadline),
    deadlineTime: timeOf(event.signupDeadline),
    capacity: String(event.capacity),
    fee: fenToYuanText(event.feeFen),
    tierDiscount: event.tierDiscount,
    refundableHours: String(event.refundableHoursBefore),
    feeReturn: event.feeReturn,
    circleId: event.circleId,
    checkinOpensMinutes: String(event.checkinOpensMinutesBefore),
    minTierLevel: event.minTierLevel ?? 1
  }
}

/** 10 → 1000, 9.9 → 990, 0.01 → 1; anything else (three decimals, letters, negative) → null. */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

export function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100)
  const cents = fen % 100
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`
}

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n >= min && n <= max ? n : null
}

const length = (s: string) => Array.from(s.trim()).length

export interface DraftResult {
  input: Omit<EventInput, 'coverFileId'>
  errors: DraftErrors
}

/** creating: a new event must start in the future (an edit may touch one already under way). */
export function draftToInput(draft: EventDraft, options: { creating: boolean; now?: number }): DraftResult {
  const errors: DraftErrors = {}
  const now = options.now ?? Date.now()
  const title = draft.title.trim()
  if (length(title) === 0) errors.title = '请填写活动标题'
  else if (length(title) > 40) errors.title = '标题最多 40 个字'
  if (draft.description.length > 3000) errors.description = '介绍最多 3000 个字'

  const startAt = chinaInstant(draft.startDate, draft.startTime)
  const endAt = chinaInstant(draft.endDate, draft.endTime)
  const signupDeadline = chinaInstant(draft.deadlineDate, draft.deadlineTime)
  if (startAt === null) errors.startAt = '请选择开始时间'
  else if (options.creating && startAt <= now) errors.startAt = '开始时间需晚于现在'
  if (endAt === null) errors.endAt = '请选择结束时间'
  else if (startAt !== null && endAt <= startAt) errors.endAt = '结束时间需晚于开始时间'
  if (signupDeadline === null) errors.signupDeadline = '请选择报名截止时间'
  else if (startAt !== null && signupDeadline > startAt) errors.signupDeadline = '报名截止不能晚于开始时间'

  const address = draft.address.trim()
  const onlineLink = draft.onlineLink.trim()
  if (draft.mode === 'offline') {
    if (!address) errors.address = '线下活动请填写地址'
    else if (length(address) > 200) errors.address = '地址最多 200 个字'
  } else if (!/^https?:\/\/\S+$/.test(onlineLink)) errors.onlineLink = '请填写 http(s) 开头的链接'
  else if (onlineLink.length > 500) errors.onlineLink = '链接最多 500 个字符'

  const capacity = intIn(draft.capacity, 1, 10000)
  if (capacity === null) errors.capacity = '名额为 1–10000 的整数'
  const feeFen = yuanToFen(draft.fee === '' ? '0' : draft.fee)
  if (feeFen === null) errors.feeFen = '请填写金额，最多两位小数'
  else if (feeFen > 10_000_000) errors.feeFen = '费用最多 ¥100,000'
  const refundableHoursBefore = intIn(draft.refundableHours, 0, 720)
  if (refundableHoursBefore === null) errors.refundableHoursBefore = '为 0–720 小时'
  const checkinOpensMinutesBefore = intIn(draft.checkinOpensMinutes, 0, 1440)
  if (checkinOpensMinutesBefore === null) errors.checkinOpensMinutesBefore = '为 0–1440 分钟（最早提前一天）'

  return {
    input: {
      title,
      description: draft.description.trim(),
      startAt: startAt ?? 0,
      endAt: endAt ?? 0,
      mode: draft.mode,
      // The field of the other mode is kept empty, so a switched form leaves nothing stale behind.
      address: draft.mode === 'offline' ? address : '',
      onlineLink: draft.mode === 'online' ? onlineLink : '',
      capacity: capacity ?? 0,
      feeFen: feeFen ?? 0,
      tierDiscount: draft.tierDiscount,
      signupDeadline: signupDeadline ?? 0,
      refundableHoursBefore: refundableHoursBefore ?? 0,
      // Free events have nothing to return.
      feeReturn: feeFen ? draft.feeReturn : 'none',
      circleId: draft.circleId,
      checkinOpensMinutesBefore: checkinOpensMinutesBefore ?? 0,
      minTierLevel: draft.minTierLevel
    },
    errors
  }
}
