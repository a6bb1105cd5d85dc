// Automations the host switches on and words: welcome (on joining, with an
// optional coupon), trial ending (2 days before), renewal due (3 days before),
// silent for 14 days, streak broken (with a make-up card). One cron job runs
// them all within the cron budget: each kind scans from its own watermark or
// cursor (kept in a state document only the job writes), and each message is
// delivered once per member per occurrence, its inbox id the idempotency key
// (`auto:trialEnding:${membershipId}:${endsAt}`). The inbox always gets it; the
// subscribe message goes only where the member holds a grant. Never to staff.
import { AUTOMATION_KINDS, type AutomationKind, type AutomationView, type UpdateAutomationInput } from '../../../types/recall'
import type { Gift } from '../../../types/inbox'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import type { SubscribeMessage } from '../../ports/notifier'
import { communityNoticeMessage, renewalReminderMessage, welcomeMessage } from '../notifications/messages'
import { loadCommunity } from '../community/settings'
import { MEMBERS, type MemberDoc } from '../members/member'
import { CIRCLE_MEMBERS, DAY_MS, type CircleMemberDoc } from '../membership/membership'
import { CIRCLES } from '../circles/access'
import { PARTICIPANTS, MAKEUP_WINDOW_DAYS, type ParticipantDoc } from '../checkin/participant'
import { CHALLENGES, type ChallengeDoc } from '../checkin/challenge'
import { addDays, chinaDate } from '../time/china-calendar'
import { staffOpenids } from '../staff/staff'
import { CAMPAIGNS, type CampaignDoc } from '../rewards/coupons'
import { deliver, giftLabel } from '../inbox/inbox'

const SETTINGS = COLLECTIONS.settings.name
const CONFIG_ID = 'automations'
const STATE_ID = 'automations_state'
/** Messages delivered per run across all automations (about 7 requests each). */
export const AUTOMATION_BATCH = 30
/** Rows each scan reads per run. */
const SCAN = 50
const SILENT_DAYS = 14
/** Longer silences are the recall campaigns' business (the 沉默 segment). */
const SILENT_WINDOW_DAYS = 30
const TRIAL_DAYS_BEFORE = 2
const RENEWAL_DAYS_BEFORE = 3
/** A streak this long that broke is worth a make-up card. */
const STREAK_WORTH = 3
const CIRCLE_PAGE = (circleId: string) => `/packages/membership/circle/index?id=${circleId}`

interface AutomationConfig {
  enabled: boolean
  title: string
  body: string
  couponCampaignId?: string | null
  /** When it was last switched on: the welcome greets members who join after it. */
  enabledAt?: number
}

interface ConfigDoc {
  _id: string
  kinds: Partial<Record<AutomationKind, AutomationConfig>>
  updatedAt: number
}

interface StateDoc {
  _id: string
  sent: Partial<Record<AutomationKind, number>>
  welcomeSince?: number
  welcomeCursor?: string | null
  trialUpTo?: number
  renewalUpTo?: number
  /** The lastActiveAt the silent scan goes on from. */
  silentFrom?: number
  streakCursor?: string | null
  streakSweptOn?: string
}

const LABELS: Record<AutomationKind, string> = {
  welcome: '新成员欢迎',
  trialEnding: '试用即将结束（提前 2 天）',
  renewalDue: '会员即将到期（提前 3 天）',
  silent: '沉默 14 天',
  streakBroken: '连续打卡中断（送补卡）'
}

const DEFAULTS: Record<AutomationKind, { title: string; body: string }> = {
  welcome: { title: '欢迎加入！', body: '这里是大家一起打卡、互相鼓励的地方，先去参加一个打卡挑战吧。' },
  trialEnding: { title: '试用即将结束', body: '你的试用还有 2 天结束，开通会员后可以继续参加圈子里的内容。' },
  renewalDue: { title: '会员即将到期', body: '你的会员还有 3 天到期，记得续费，别错过接下来的内容。' },
  silent: { title: '好久不见', body: '最近没看到你打卡，大家都在等你回来，今天来打个卡吧！' },
  streakBroken: { title: '连续打卡中断了', body: '送你一张补卡，3 天内可以把漏掉的那天补上，连续记录接着算。' }
}

function configOf(doc: ConfigDoc | null, kind: AutomationKind): AutomationConfig {
  return { enabled: false, ...DEFAULTS[kind], couponCampaignId: null, ...(doc?.kinds[kind] ?? {}) }
}

function giftOf(kind: AutomationKind, config: AutomationConfig): Gift | null {
  if (kind === 'streakBroken') return { kind: 'makeupCard', count: 1 }
  if (kind === 'welcome' && config.couponCampaignId) return { kind: 'coupon', campaignId: config.couponCampaignId }
  return null
}

export async function automations(runtime: Runtime): Promise<AutomationView[]> {
  const [config, state] = await Promise.all([runtime.store.collection<ConfigDoc>(SETTINGS).get(CONFIG_ID), runtime.store.collection<StateDoc>(SETTINGS).get(STATE_ID)])
  return AUTOMATION_KINDS.map((kind) => {
    const c = configOf(config, kind)
    return { kind, label: LABELS[kind], enabled: c.enabled, title: c.title, body: c.body, gift: giftOf(kind, c), sent: state?.sent[kind] ?? 0 }
  })
}

export async function updateAutomation(runtime: Runtime, input: UpdateAutomationInput, now: number): Promise<AutomationView> {
  if (input.couponCampaignId && input.kind !== 'welcome') throw new AppError('INVALID_INPUT', '只有欢迎消息可以附带优惠券', 'couponCampaignId')
  if (input.couponCampaignId) {
    const campaign = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(input.couponCampaignId)
    if (!campaign) throw new AppError('NOT_FOUND', '优惠券活动不存在', 'couponCampaignId')
  }
  const settings = runtime.store.collection<ConfigDoc>(SETTINGS)
  const doc = (await settings.get(CONFIG_ID)) ?? { _id: CONFIG_ID, kinds: {}, updatedAt: now }
  const current = configOf(doc, input.kind)
  const next: AutomationConfig = {
    ...current,
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.body !== undefined ? { body: input.body.trim() } : {}),
    ...(input.couponCampaignId !== undefined ? { couponCampaignId: input.couponCampaignId } : {}),
    ...(input.enabled && !current.enabled ? { enabledAt: now } : {})
  }
  await settings.set({ ...doc, kinds: { ...doc.kinds, [input.kind]: next }, updatedAt: now })
  const views = await automations(runtime)
  return views.find((v) => v.kind === input.kind)!
}

// ---------------------------------------------------------------- the job

interface Run {
  runtime: Runtime
  now: number
  today: string
  staff: Set<string>
  state: StateDoc
  left: number
  report: Record<AutomationKind, number>
}

async function send(
  run: Run,
  kind: AutomationKind,
  config: AutomationConfig,
  occurrence: { key: string; openid: string; page?: string; subscribe: { key: string; message: SubscribeMessage } }
): Promise<void> {
  if (run.staff.has(occurrence.openid)) return
  const gift = giftOf(kind, config)
  const delivered = await deliver(run.runtime, {
    key: occurrence.key,
    openid: occurrence.openid,
    title: config.title,
    body: config.body,
    action: gift ? { kind: 'gift', gift } : occurrence.page ? { kind: 'page', path: occurrence.page } : null,
    giftLabel: gift ? await giftLabel(run.runtime, gift).catch(() => null) : null,
    source: `auto:${kind}`,
    now: run.now,
    subscribe: occurrence.subscribe
  })
  if (!delivered) return
  run.left -= 1
  run.report[kind] += 1
  run.state.sent[kind] = (run.state.sent[kind] ?? 0) + 1
}

async function runWelcome(run: Run, config: AutomationConfig): Promise<void> {
  const since = run.state.welcomeSince ?? (config.enabledAt ?? run.now) + 1
  const page = await run.runtime.store.collection<MemberDoc>(MEMBERS).find({ joinedAt: { $gte: since } }, { sort: [['joinedAt', 'asc']], limit: SCAN, after: run.state.welcomeCursor ?? null })
  if (page.items.length === 0) return
  const community = await loadCommunity(run.runtime)
  for (const member of page.items) {
    // Out of budget mid-page: the same page again next run (delivery is keyed).
    if (run.left <= 0) return
    // The subscribe welcome is the one ensure-member queued on the first call (same key): never a second.
    await send(run, 'welcome', config, {
      key: `auto:welcome:${member._id}`,
      openid: member._id,
      subscribe: { key: `welcome:${member._id}`, message: welcomeMessage(member._id, community, member.joinedAt) }
    })
  }
  // A full page goes on from its cursor (members who joined in the same millisecond included); the last page moves the watermark past it.
  if (page.next) run.state.welcomeCursor = page.next
  else {
    run.state.welcomeSince = page.items[page.items.length - 1].joinedAt + 1
    run.state.welcomeCursor = null
  }
}

/** Memberships ending within `daysBefore`, from the watermark (ties at the watermark are looked at again: delivery is keyed). */
async function runEnding(run: Run, kind: 'trialEnding' | 'renewalDue', config: AutomationConfig): Promise<void> {
  const daysBefore = kind === 'trialEnding' ? TRIAL_DAYS_BEFORE : RENEWAL_DAYS_BEFORE
  const field = kind === 'trialEnding' ? 'trialUpTo' : 'renewalUpTo'
  const horizon = run.now + daysBefore * DAY_MS
  const from = Math.max(run.state[field] ?? config.enabledAt ?? run.now, run.now)
  const page = await run.runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).find({ endsAt: { $gte: from, $lte: horizon } }, { sort: [['endsAt', 'asc']], limit: SCAN })
  let upTo = page.items.length < SCAN ? horizon : from
  const circles = new Map<string, Promise<{ name: string } | null>>()
  for (const m of page.items) {
    if (run.left <= 0) {
      upTo = m.endsAt
      break
    }
    upTo = Math.max(upTo, m.endsAt)
    const wanted = kind === 'trialEnding' ? m.source === 'trial' : m.source === 'paid'
    if (!wanted) continue
    if (!circles.has(m.circleId)) circles.set(m.circleId, run.runtime.store.collection<{ _id: string; name: string }>(CIRCLES).get(m.circleId))
    const circle = { circleId: m.circleId, circleName: (await circles.get(m.circleId)!)?.name ?? '圈子' }
    // The renewal reminder the memberships job queues has the same key: one WeChat message per ending, whichever queues it first.
    await send(run, kind, config, {
      key: `auto:${kind}:${m._id}:${m.endsAt}`,
      openid: m.openid,
      page: CIRCLE_PAGE(m.circleId),
      subscribe: { key: `renewal:${m._id}:${m.endsAt}`, message: renewalReminderMessage(m.openid, circle, m.endsAt) }
    })
  }
  run.state[field] = upTo
}

/**
 * Members whose last activity (members.lastActiveAt, kept by the console's daily
 * stats job: check-ins, comments, likes) is 14–29 days ago: one message per
 * silent spell (keyed by that last active day). Read by the lastActive index
 * from a watermark: lastActiveAt only moves forward, so a member active again
 * comes back into the window 14 days later, with a new key.
 */
async function runSilent(run: Run, config: AutomationConfig): Promise<void> {
  const oldest = run.now - SILENT_WINDOW_DAYS * DAY_MS
  const from = Math.max(run.state.silentFrom ?? oldest, oldest)
  const page = await run.runtime.store
    .collection<MemberDoc & { lastActiveAt?: number }>(MEMBERS)
    .find({ lastActiveAt: { $gte: from, $lte: run.now - SILENT_DAYS * DAY_MS } }, { sort: [['lastActiveAt', 'asc']], limit: SCAN })
  let upTo = from
  for (const member of page.items) {
    // Out of budget: from this member next run (delivery is keyed).
    if (run.left <= 0) break
    const last = member.lastActiveAt!
    await send(run, 'silent', config, {
      key: `auto:silent:${member._id}:${chinaDate(last)}`,
      openid: member._id,
      subscribe: { key: `auto:silent:${member._id}:${chinaDate(last)}`, message: communityNoticeMessage(member._id, config, run.now) }
    })
    upTo = last
  }
  run.state.silentFrom = upTo
}

function streakEndingAt(doneDates: string[], last: string): number {
  const done = new Set(doneDates)
  let streak = 0
  for (let day = last; done.has(day); day = addDays(day, -1)) streak++
  return streak
}

/** Participants whose streak (3+ days) broke recently, while a make-up is still possible: a make-up card. */
async function runStreakBroken(run: Run, config: AutomationConfig): Promise<void> {
  if (run.state.streakSweptOn === run.today && !run.state.streakCursor) return
  const page = await run.runtime.store.collection<ParticipantDoc>(PARTICIPANTS).find({}, { limit: SCAN, after: run.state.streakCursor ?? null })
  const yesterday = addDays(run.today, -1)
  const earliest = addDays(run.today, -MAKEUP_WINDOW_DAYS)
  const challenges = new Map<string, Promise<ChallengeDoc | null>>()
  let stoppedEarly = false
  for (const p of page.items) {
    const last = [...p.doneDates].sort().pop()
    if (!last || last >= yesterday || last < earliest) continue
    if (streakEndingAt(p.doneDates, last) < STREAK_WORTH) continue
    if (!challenges.has(p.challengeId)) challenges.set(p.challengeId, run.runtime.store.collection<ChallengeDoc>(CHALLENGES).get(p.challengeId))
    const challenge = await challenges.get(p.challengeId)!
    if (!challenge || challenge.archived || challenge.endDate < run.today) continue
    if (run.left <= 0) {
      stoppedEarly = true
      break
    }
    await send(run, 'streakBroken', config, {
      key: `auto:streakBroken:${p._id}:${last}`,
      openid: p.openid,
      subscribe: { key: `auto:streakBroken:${p._id}:${last}`, message: communityNoticeMessage(p.openid, config, run.now) }
    })
  }
  // Out of budget mid-page: the same page again next run (delivery is keyed).
  if (stoppedEarly) return
  run.state.streakCursor = page.next
  if (page.next === null) run.state.streakSweptOn = run.today
}

/** Timer job: every switched-on automation, within one batch of deliveries. */
export async function runAutomations(runtime: Runtime): Promise<Record<AutomationKind, number>> {
  const now = runtime.clock.now()
  const settings = runtime.store.collection<ConfigDoc | StateDoc>(SETTINGS)
  const report: Record<AutomationKind, number> = { welcome: 0, trialEnding: 0, renewalDue: 0, silent: 0, streakBroken: 0 }
  const config = (await settings.get(CONFIG_ID)) as ConfigDoc | null
  const enabled = AUTOMATION_KINDS.filter((kind) => configOf(config, kind).enabled)
  if (enabled.length === 0) return report
  const [stateDoc, staff] = await Promise.all([settings.get(STATE_ID) as Promise<StateDoc | null>, staffOpenids(runtime)])
  const state: StateDoc = stateDoc ?? { _id: STATE_ID, sent: {} }
  const run: Run = { runtime, now, today: chinaDate(now), staff, state, left: AUTOMATION_BATCH, report }
  for (const kind of enabled) {
    if (run.left <= 0) break
    const c = configOf(config, kind)
    if (kind === 'welcome') await runWelcome(run, c)
    else if (kind === 'trialEnding' || kind === 'renewalDue') await runEnding(run, kind, c)
    else if (kind === 'silent') await runSilent(run, c)
    else await runStreakBroken(run, c)
  }
  await settings.set(state)
  return report
}
