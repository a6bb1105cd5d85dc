// The two opt-in reminders of a check-in challenge:
//   daily  — at the challenge's window start (or the hour the member chose, when
//            it falls inside the window), if today is not checked in yet;
//   streak — "your streak breaks tonight": at 21:00 China time (or an hour before
//            the window closes, if earlier) for a streak of 2 days or more with
//            today not checked in.
// Each opt-in is one document with the instant it is next due; the cron jobs take
// the due ones oldest first (a run that stops is picked up by the next), claim
// each by moving its due time to the next day with a conditional update, and
// queue a message keyed per member, challenge and China day. Nothing is queued
// without a grant for the template.
import type { ChallengeReminderView, SetChallengeReminderInput, SubscribeTemplateKey } from '../../../types/notifications'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { errors } from '../../platform/app-error'
import { CHALLENGES, isWindowOpen, loadChallenge, phaseOn, type ChallengeDoc } from '../checkin/challenge'
import { PARTICIPANTS, participantId, type ParticipantDoc } from '../checkin/participant'
import { computeStreaks } from '../checkin/streaks'
import { addDays, chinaDate, parseClock, startOfChinaDate } from '../time/china-calendar'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { checkinReminderMessage, streakReminderMessage } from './messages'
import { SUBSCRIBE_GRANTS, grantId, type SubscribeGrantDoc } from './grants'

export const REMINDERS = COLLECTIONS.reminders.name

export type ReminderKind = 'daily' | 'streak'

export interface ReminderDoc {
  _id: string
  kind: ReminderKind
  challengeId: string
  openid: string
  /** The member's chosen hour (daily only), or null for the window start. */
  hour: number | null
  /** When it is next due (epoch ms). */
  dueAt: number
  createdAt: number
  updatedAt: number
}

export const STREAK_REMINDER_MINUTE = 21 * 60
/** A reminder more than this late (cron was down) is not sent that day. */
export const STALE_AFTER_MS = 2 * 3600_000
export const REMINDER_BATCH = 100

const TEMPLATE: Record<ReminderKind, SubscribeTemplateKey> = { daily: 'checkinReminder', streak: 'streakReminder' }

export function reminderId(kind: ReminderKind, challengeId: string, openid: string): string {
  return `${kind}:${challengeId}:${openid}`
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

/** Minute of the China day the reminder goes at. */
export function reminderMinute(kind: ReminderKind, challenge: Pick<ChallengeDoc, 'windowStart' | 'windowEnd'>, hour: number | null): number {
  const start = parseClock(challenge.windowStart)
  const end = parseClock(challenge.windowEnd)
  if (kind === 'streak') return Math.max(start, Math.min(STREAK_REMINDER_MINUTE, end - 60))
  if (hour !== null && hour * 60 >= start && hour * 60 <= end) return hour * 60
  return start
}

/** The first instant after `now` at that China minute of the day. */
export function nextDue(now: number, minute: number): number {
  const today = chinaDate(now)
  const at = startOfChinaDate(today) + minute * 60_000
  return at > now ? at : startOfChinaDate(addDays(today, 1)) + minute * 60_000
}

const DAY_MS = 24 * 3600_000

/** The last instant at or before `now` at that China minute of the day (China has no daylight saving). */
export function latestOccurrence(now: number, minute: number): number {
  const at = startOfChinaDate(chinaDate(now)) + minute * 60_000
  return at <= now ? at : at - DAY_MS
}

function view(challenge: ChallengeDoc, daily: ReminderDoc | undefined, streak: ReminderDoc | undefined): ChallengeReminderView {
  const hour = daily?.hour ?? null
  return { challengeId: challenge._id, daily: Boolean(daily), streak: Boolean(streak), hour, dailyAt: clock(reminderMinute('daily', challenge, hour)) }
}

async function remindersOf(runtime: Runtime, challengeId: string, openid: string): Promise<ReminderDoc[]> {
  const ids = [reminderId('daily', challengeId, openid), reminderId('streak', challengeId, openid)]
  return (await runtime.store.collection<ReminderDoc>(REMINDERS).find({ _id: { $in: ids } }, { limit: 2 })).items
}

export async function getChallengeReminder(runtime: Runtime, openid: string, challengeId: string): Promise<ChallengeReminderView> {
  const challenge = await loadChallenge(runtime, challengeId)
  const docs = await remindersOf(runtime, challengeId, openid)
  return view(
    challenge,
    docs.find((d) => d.kind === 'daily'),
    docs.find((d) => d.kind === 'streak')
  )
}

export async function setChallengeReminder(runtime: Runtime, openid: string, input: SetChallengeReminderInput, now: number): Promise<ChallengeReminderView> {
  const challenge = await loadChallenge(runtime, input.challengeId)
  const joined = await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challenge._id, openid))
  if (!joined && (input.daily || input.streak)) throw errors.conflict('请先加入挑战，再开启提醒')
  const reminders = runtime.store.collection<ReminderDoc>(REMINDERS)
  const result: Partial<Record<ReminderKind, ReminderDoc>> = {}
  for (const kind of ['daily', 'streak'] as const) {
    const id = reminderId(kind, challenge._id, openid)
    if (!input[kind]) {
      await reminders.remove(id)
      continue
    }
    const hour = kind === 'daily' ? (input.hour ?? null) : null
    const doc: ReminderDoc = { _id: id, kind, challengeId: challenge._id, openid, hour, dueAt: nextDue(now, reminderMinute(kind, challenge, hour)), createdAt: now, updatedAt: now }
    await reminders.set(doc)
    result[kind] = doc
  }
  return view(challenge, result.daily, result.streak)
}

export interface ReminderReport {
  queued: number
  skipped: number
  ended: number
  [key: string]: number
}

function byId<T extends { _id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item._id, item]))
}

/** Why a due reminder is not sent today, or null to send it. */
function reasonNotToSend(kind: ReminderKind, occurrence: number, challenge: ChallengeDoc, participant: ParticipantDoc, grants: number, now: number): string | null {
  const today = chinaDate(now)
  if (now - occurrence > STALE_AFTER_MS) return 'late'
  if (phaseOn(challenge, today) !== 'running' || !isWindowOpen(challenge, now)) return 'closed'
  if (participant.doneDates.includes(today)) return 'done'
  if (kind === 'streak' && computeStreaks(participant.doneDates, today).current < 2) return 'noStreak'
  if (grants <= 0) return 'noGrant'
  return null
}

function reminderMessage(kind: ReminderKind, challenge: ChallengeDoc, participant: ParticipantDoc, now: number) {
  const today = chinaDate(now)
  const closes = startOfChinaDate(today) + parseClock(challenge.windowEnd) * 60_000
  if (kind === 'daily') {
    return checkinReminderMessage(participant.openid, { id: challenge._id, title: challenge.title }, closes)
  }
  const streak = computeStreaks(participant.doneDates, today).current
  return streakReminderMessage(participant.openid, { id: challenge._id, title: challenge.title }, streak, closes)
}

/** One run of a reminder job: the due reminders of one kind, oldest first, at most `limit`. */
export async function sendDueReminders(runtime: Runtime, kind: ReminderKind, limit = REMINDER_BATCH): Promise<ReminderReport> {
  const now = runtime.clock.now()
  const report: ReminderReport = { queued: 0, skipped: 0, ended: 0 }
  const reminders = runtime.store.collection<ReminderDoc>(REMINDERS)
  const due = (await reminders.find({ kind, dueAt: { $lte: now } }, { sort: [['dueAt', 'asc']], limit })).items
  if (due.length === 0) return report
  const challengeIds = [...new Set(due.map((r) => r.challengeId))]
  const [challenges, participants, grants] = await Promise.all([
    runtime.store.collection<ChallengeDoc>(CHALLENGES).find({ _id: { $in: challengeIds } }, { limit: Math.min(100, challengeIds.length) }),
    runtime.store.collection<ParticipantDoc>(PARTICIPANTS).find({ _id: { $in: due.map((r) => participantId(r.challengeId, r.openid)) } }, { limit: due.length }),
    runtime.store.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).find({ _id: { $in: [...new Set(due.map((r) => grantId(r.openid, TEMPLATE[kind])))] } }, { limit: due.length })
  ])
  const challengeById = byId(challenges.items)
  const participantById = byId(participants.items)
  const grantById = byId(grants.items)
  for (const reminder of due) {
    const challenge = challengeById.get(reminder.challengeId)
    const participant = participantById.get(participantId(reminder.challengeId, reminder.openid))
    if (!challenge || challenge.archived || chinaDate(now) > challenge.endDate || !participant) {
      // Over, archived or left: the opt-in has nothing more to remind of.
      await reminders.remove(reminder._id)
      report.ended += 1
      continue
    }
    // The latest occurrence at or before now is the one this run is about (a reminder
    // left from a day cron missed stands for today's, once today's time has come).
    const occurrence = latestOccurrence(now, reminderMinute(kind, challenge, reminder.hour))
    // Claim it (a run at the same time finds it moved and leaves it): next due tomorrow.
    const claimed = await reminders.updateIf(reminder._id, { dueAt: reminder.dueAt }, { set: { dueAt: occurrence + DAY_MS, updatedAt: now } })
    if (!claimed) continue
    const reason = reasonNotToSend(kind, occurrence, challenge, participant, grantById.get(grantId(reminder.openid, TEMPLATE[kind]))?.count ?? 0, now)
    if (reason) {
      report.skipped += 1
      report[reason] = (report[reason] ?? 0) + 1
      continue
    }
    await enqueueSubscribeMessage(runtime.store, {
      key: `${TEMPLATE[kind]}:${challenge._id}:${reminder.openid}:${chinaDate(now)}`,
      now,
      message: reminderMessage(kind, challenge, participant, now)
    })
    report.queued += 1
  }
  return report
}
