import type { Page, PageInput } from '../../types/page'
import { callFunction } from './api'
import { useQuery } from './use-query'
import type {
  EventView,
  FeeReturn,
  SignupStatus,
  SignupView,
  AttendeeList,
  AttendeeView,
  CheckInAttendeeInput,
  CheckInTicketInput,
  EventIdInput,
  EventInput,
  ListEventsInput,
  SignupInput,
  SignupResult,
  UpdateEventInput
} from '../../types/events'
import { chinaTime } from '../utils/china-time'
import { formatFen } from '../utils/format'

// Events in the client, shared by the member pages (packages/events) and the
// host's (packages/host-events): the server calls (at the end; pages call these,
// never callFunction), cache keys, and wording for dates in China time, seats, money and rules.

const HOUR_MS = 3600_000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Cache keys, so a page that changes an event can refresh every reader of it. */
export const eventKey = (eventId: string) => `events.detail.${eventId}`
export const eventListKey = (when: 'upcoming' | 'past') => `events.list.${when}`
export const MY_TICKETS_KEY = 'events.tickets'
export const attendeesKey = (eventId: string) => `events.attendees.${eventId}`

/** 12月06日 周六 14:00 (with the year when it is not this year's), China time. */
export function formatEventTime(at: number, now: number = Date.now()): string {
  const t = chinaTime(at)
  const year = t.year() === chinaTime(now).year() ? '' : `${t.year()}年`
  return `${year}${t.format('MM月DD日')} ${WEEKDAYS[t.day()]} ${t.format('HH:mm')}`
}

/** 12月06日 周六 09:00–12:00, or both ends in full when the event spans days. */
export function formatEventRange(startAt: number, endAt: number, now: number = Date.now()): string {
  const sameDay = chinaTime(startAt).format('YYYY-MM-DD') === chinaTime(endAt).format('YYYY-MM-DD')
  return sameDay ? `${formatEventTime(startAt, now)}–${chinaTime(endAt).format('HH:mm')}` : `${formatEventTime(startAt, now)} 至 ${formatEventTime(endAt, now)}`
}

/** 免费 / ¥20.00 */
export function priceLabel(fen: number): string {
  return fen === 0 ? '免费' : formatFen(fen)
}

/** 剩 18 个名额 · 已满，可候补 · 已满 */
export function seatsLabel(event: Pick<EventView, 'seatsLeft' | 'status' | 'phase'>): string {
  if (event.seatsLeft > 0) return `剩 ${event.seatsLeft} 个名额`
  return event.status === 'scheduled' && event.phase === 'upcoming' ? '已满，可候补' : '已满'
}

/** 距开始 2 天 5 小时 / 距开始 3 小时 20 分 / 距开始 12 分钟 / 进行中 / 已结束. */
export function countdownLabel(event: Pick<EventView, 'startAt' | 'endAt'>, now: number = Date.now()): string {
  if (now >= event.endAt) return '已结束'
  if (now >= event.startAt) return '进行中'
  const minutes = Math.max(1, Math.ceil((event.startAt - now) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `距开始 ${days} 天${hours > 0 ? ` ${hours} 小时` : ''}`
  if (hours > 0) return `距开始 ${hours} 小时${mins > 0 ? ` ${mins} 分` : ''}`
  return `距开始 ${mins} 分钟`
}

/** The latest moment a paid signup can be cancelled with its fee back. */
export function refundDeadline(event: Pick<EventView, 'startAt' | 'refundableHoursBefore'>): number {
  return event.startAt - event.refundableHoursBefore * HOUR_MS
}

/** The refund rule in one sentence, as a member reads it before signing up. */
export function refundPolicyLabel(event: Pick<EventView, 'feeFen' | 'startAt' | 'refundableHoursBefore' | 'signupDeadline'>): string {
  if (event.feeFen === 0) return `免费活动，报名截止前可随时取消`
  if (event.refundableHoursBefore === 0) return '报名截止前取消可全额退款'
  return `活动开始前 ${event.refundableHoursBefore} 小时以上取消可全额退款，之后取消不退款`
}

/** What happens to the fee when the member shows up. */
export function feeReturnLabel(feeReturn: FeeReturn): string {
  if (feeReturn === 'refund') return '到场后全额退还'
  if (feeReturn === 'points') return '到场返还积分'
  return ''
}

export const FEE_RETURN_OPTIONS: ReadonlyArray<{ value: FeeReturn; label: string; hint: string }> = [
  { value: 'none', label: '不返还', hint: '报名费用于活动开销' },
  { value: 'refund', label: '到场退款', hint: '签到后报名费原路退回（防鸽子）' },
  { value: 'points', label: '返还积分', hint: '签到后按 ¥1 = 10 积分返还' }
]

export const SIGNUP_STATUS_LABEL: Record<SignupStatus, string> = {
  held: '待支付',
  offered: '候补成功·待支付',
  waitlisted: '候补中',
  confirmed: '已报名',
  attended: '已签到',
  cancelled: '已取消',
  expired: '已过期'
}

/** Short labels for tags on cards. */
export const SIGNUP_TAG_LABEL: Record<SignupStatus, string> = { ...SIGNUP_STATUS_LABEL, offered: '待支付' }

/** The tag a list card shows for this member: nothing once cancelled or expired. */
export function myStatusTag(signup: Pick<SignupView, 'status' | 'waitlistPosition'> | null): { label: string; tone: SignupStatus } | null {
  if (!signup || signup.status === 'cancelled' || signup.status === 'expired') return null
  if (signup.status === 'waitlisted' && signup.waitlistPosition) return { label: `候补第 ${signup.waitlistPosition} 位`, tone: 'waitlisted' }
  return { label: SIGNUP_TAG_LABEL[signup.status], tone: signup.status }
}

/** 14:35 for a pay-before time today, else the full day and time. */
export function formatClock(at: number, now: number = Date.now()): string {
  const t = chinaTime(at)
  return t.format('YYYY-MM-DD') === chinaTime(now).format('YYYY-MM-DD') ? t.format('HH:mm') : formatEventTime(at, now)
}

/** 14:32 left of a payment window, as mm:ss. */
export function formatMmSs(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

// Server calls (events): the pages call these, never callFunction.

export function fetchEvents(input: ListEventsInput): Promise<Page<EventView>> {
  return callFunction('events', 'listEvents', input)
}

export function fetchEvent(input: EventIdInput): Promise<EventView> {
  return callFunction('events', 'getEvent', input)
}

export function signUpForEvent(input: SignupInput): Promise<SignupResult> {
  return callFunction('events', 'signup', input)
}

export function paySeat(input: SignupInput): Promise<SignupResult> {
  return callFunction('events', 'paySeat', input)
}

export function cancelSignup(input: EventIdInput): Promise<SignupView> {
  return callFunction('events', 'cancelSignup', input)
}

export function fetchMyTickets(input: PageInput): Promise<Page<EventView>> {
  return callFunction('events', 'myTickets', input)
}

export function createEvent(input: EventInput): Promise<EventView> {
  return callFunction('events', 'createEvent', input)
}

export function updateEvent(input: UpdateEventInput): Promise<EventView> {
  return callFunction('events', 'updateEvent', input)
}

export function cancelEvent(input: EventIdInput): Promise<EventView> {
  return callFunction('events', 'cancelEvent', input)
}

export function fetchAttendees(input: EventIdInput): Promise<AttendeeList> {
  return callFunction('events', 'attendees', input)
}

export function exportAttendees(input: EventIdInput): Promise<{ filename: string; csv: string }> {
  return callFunction('events', 'exportAttendees', input)
}

export function checkInTicket(input: CheckInTicketInput): Promise<AttendeeView> {
  return callFunction('events', 'checkInTicket', input)
}

export function checkInAttendee(input: CheckInAttendeeInput): Promise<AttendeeView> {
  return callFunction('events', 'checkInAttendee', input)
}

/** Who is coming to one event: counts and the list; shared by the host's console, the list page and the scanner. */
export function useAttendees(eventId: string) {
  return useQuery<AttendeeList>(attendeesKey(eventId || 'none'), () => fetchAttendees({ eventId }))
}
