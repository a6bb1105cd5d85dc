// Recall campaigns (召回). The host writes to a segment (narrowed by a member
// tag when given) with an optional gift; a holdout (default 10 %) gets nothing,
// so the return rate of the members who got the message can be compared with
// that of the members who did not. Who is held out is a deterministic hash of
// campaign and member, recorded on the member's target document: auditable and
// the same however often the sending job looks at them.
//
// Sending is a cron job: each run takes one bounded batch of the segment from
// the campaign's cursor, so thousands of members go out over several runs. A
// target is inserted once per (campaign, member) in the transaction that writes
// the member's message: runs that overlap, or a run that repeats a page, send
// nothing twice. Staff are never targeted.
//
// Measuring is a cron job too: each target is looked at 1, 3 and 7 days after
// the send (the 7th day closes its window): checked in since the send, and paid
// (less refunds) since the send, within the window. The campaign keeps the
// sums, so the list and the detail are one or two reads.
import { createHash } from 'node:crypto'
import type { Segment } from '../../../types/growth'
import type { Gift } from '../../../types/inbox'
import type { Page } from '../../../types/page'
import { DEFAULT_HOLDOUT_PERCENT, RETURN_WINDOW_DAYS, type CreateRecallCampaignInput, type RecallCampaignView, type RecallCampaignsInput, type RecallGroupStats } from '../../../types/recall'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { isConflict } from '../../ports/store'
import { communityNoticeMessage } from '../notifications/messages'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { MEMBERS, type MemberDoc } from '../members/member'
import { staffOpenids } from '../staff/staff'
import { deliverIn, giftLabel, holdsGrant, type Delivery } from '../inbox/inbox'

export const RECALL_CAMPAIGNS = COLLECTIONS.recallCampaigns.name
export const RECALL_TARGETS = COLLECTIONS.recallTargets.name
/** The tag filter's index documents (domain/crm): one per (tag, member). */
const MEMBER_TAGS = 'member_tags'
const DAY = 24 * 3600_000
/** Members looked at per sending run: about 8 requests each (grant check, the transaction), within the cron budget. */
export const SEND_BATCH = 40
/** Targets measured per run: about 5 requests each. */
export const MEASURE_BATCH = 60
/** Days after the send at which a target is measured; the last closes its window. */
const CHECKPOINTS = [1, 3, RETURN_WINDOW_DAYS]

export interface RecallCampaignDoc {
  _id: string
  title: string
  body: string
  segment: Segment
  tag: string | null
  gift: Gift | null
  giftLabel: string | null
  holdoutPercent: number
  status: 'sending' | 'sent'
  /** The segment's (or tag's) page cursor the next sending run starts from. */
  cursor: string | null
  createdBy: string
  createdAt: number
  finishedAt: number | null
  treated: number
  holdout: number
  treatedReturned: number
  holdoutReturned: number
  treatedRevenueFen: number
  holdoutRevenueFen: number
  measuredFinal: number
}

export interface RecallTargetDoc {
  _id: string // `${campaignId}:${openid}`
  campaignId: string
  openid: string
  group: 'treated' | 'holdout'
  /** The hash bucket (0–9999) that decided the group: holdout when below holdoutPercent × 100. */
  bucket: number
  /** When the message went (treated) or would have gone (holdout): the window starts here. */
  assignedAt: number
  /** The next measurement (null: the window closed and was measured). */
  nextCheckAt: number | null
  checks: number
  returnedAt: number | null
  revenueFen: number
}

/** 0–9999 from campaign and member: the same answer every time, anyone can recompute it. */
export function holdoutBucket(campaignId: string, openid: string): number {
  return createHash('sha256').update(`${campaignId}:${openid}`).digest().readUInt32BE(0) % 10_000
}

export function isHeldOut(campaignId: string, openid: string, holdoutPercent: number): boolean {
  return holdoutBucket(campaignId, openid) < holdoutPercent * 100
}

function groupStats(members: number, returned: number, revenueFen: number): RecallGroupStats {
  return {
    members,
    returned,
    returnRate: members > 0 ? returned / members : null,
    revenueFen,
    revenuePerMemberFen: members > 0 ? Math.round(revenueFen / members) : null
  }
}

export function toCampaignView(doc: RecallCampaignDoc): RecallCampaignView {
  const treated = groupStats(doc.treated, doc.treatedReturned, doc.treatedRevenueFen)
  const holdout = groupStats(doc.holdout, doc.holdoutReturned, doc.holdoutRevenueFen)
  const both = treated.returnRate !== null && holdout.returnRate !== null
  return {
    id: doc._id,
    title: doc.title,
    body: doc.body,
    segment: doc.segment,
    tag: doc.tag,
    gift: doc.gift,
    holdoutPercent: doc.holdoutPercent,
    status: doc.status,
    createdAt: doc.createdAt,
    finishedAt: doc.finishedAt,
    treated,
    holdout,
    returnLiftPoints: both ? Math.round((treated.returnRate! - holdout.returnRate!) * 1000) / 10 : null,
    revenueLiftPerMemberFen: both ? treated.revenuePerMemberFen! - holdout.revenuePerMemberFen! : null,
    measuredFinal: doc.measuredFinal
  }
}

/** Creates the campaign (once per request id); the cron job sends it. */
export async function createRecallCampaign(runtime: Runtime, openid: string, input: CreateRecallCampaignInput, now: number): Promise<RecallCampaignView> {
  const campaigns = runtime.store.collection<RecallCampaignDoc>(RECALL_CAMPAIGNS)
  const id = `recall_${createHash('sha256').update(`${openid}:${input.requestId}`).digest('hex').slice(0, 20)}`
  const existing = await campaigns.get(id)
  if (existing) return toCampaignView(existing)
  if (input.gift?.kind === 'coupon') {
    const campaign = await runtime.store.collection<{ _id: string; validTo: number }>(COLLECTIONS.campaigns.name).get(input.gift.campaignId)
    if (campaign && campaign.validTo <= now) throw new AppError('INVALID_INPUT', '这张优惠券已过期，请换一张', 'gift')
  }
  const doc: RecallCampaignDoc = {
    _id: id,
    title: input.title.trim(),
    body: input.body.trim(),
    segment: input.segment,
    tag: input.tag ?? null,
    gift: input.gift ?? null,
    giftLabel: await giftLabel(runtime, input.gift),
    holdoutPercent: input.holdoutPercent ?? DEFAULT_HOLDOUT_PERCENT,
    status: 'sending',
    cursor: null,
    createdBy: openid,
    createdAt: now,
    finishedAt: null,
    treated: 0,
    holdout: 0,
    treatedReturned: 0,
    holdoutReturned: 0,
    treatedRevenueFen: 0,
    holdoutRevenueFen: 0,
    measuredFinal: 0
  }
  try {
    await campaigns.insert(doc)
  } catch (error) {
    if (!isConflict(error)) throw error
    return toCampaignView((await campaigns.get(id))!)
  }
  return toCampaignView(doc)
}

export async function recallCampaigns(runtime: Runtime, input: RecallCampaignsInput): Promise<Page<RecallCampaignView>> {
  const page = await runtime.store.collection<RecallCampaignDoc>(RECALL_CAMPAIGNS).find({}, { sort: [['createdAt', 'desc']], limit: 20, after: input.after ?? null })
  return { items: page.items.map(toCampaignView), next: page.next }
}

export async function recallCampaign(runtime: Runtime, campaignId: string): Promise<RecallCampaignView> {
  const doc = await runtime.store.collection<RecallCampaignDoc>(RECALL_CAMPAIGNS).get(campaignId)
  if (!doc) throw errors.notFound('召回活动')
  return toCampaignView(doc)
}

// ---------------------------------------------------------------- sending (cron)

/** The next page of the campaign's audience: the segment's wallets, or the tag's members (then their wallets' segment is checked). */
async function audiencePage(runtime: Runtime, campaign: RecallCampaignDoc): Promise<{ openids: string[]; next: string | null }> {
  if (campaign.tag) {
    const page = await runtime.store
      .collection<{ _id: string; tagId: string; memberId: string; createdAt: number }>(MEMBER_TAGS)
      .find({ tagId: campaign.tag }, { sort: [['createdAt', 'desc']], limit: SEND_BATCH, after: campaign.cursor })
    const wallets = await Promise.all(page.items.map((t) => runtime.store.collection<WalletDoc>(WALLETS).get(t.memberId)))
    return { openids: page.items.filter((_t, i) => (wallets[i]?.segment ?? 'silent') === campaign.segment).map((t) => t.memberId), next: page.next }
  }
  if (campaign.segment === 'silent') {
    // Silent members may have no wallet at all (joined, never earned anything): the most
    // important ones to call back. Found from the members, as the member list's 沉默 filter does.
    const page = await runtime.store.collection<MemberDoc>(MEMBERS).find({}, { sort: [['joinedAt', 'desc']], limit: SEND_BATCH, after: campaign.cursor })
    const wallets = await Promise.all(page.items.map((m) => runtime.store.collection<WalletDoc>(WALLETS).get(m._id)))
    return { openids: page.items.filter((_m, i) => (wallets[i]?.segment ?? 'silent') === 'silent').map((m) => m._id), next: page.next }
  }
  const page = await runtime.store.collection<WalletDoc>(WALLETS).find({ segment: campaign.segment }, { sort: [['growth', 'desc']], limit: SEND_BATCH, after: campaign.cursor })
  return { openids: page.items.map((w) => w._id), next: page.next }
}

/** Timer job: one batch of the oldest campaign still sending. Resumable (the cursor), idempotent (one target per member). */
export async function sendRecalls(runtime: Runtime): Promise<{ sent: number; heldOut: number; finished: number }> {
  const now = runtime.clock.now()
  const campaigns = runtime.store.collection<RecallCampaignDoc>(RECALL_CAMPAIGNS)
  const sending = await campaigns.find({ status: 'sending' }, { sort: [['createdAt', 'asc']], limit: 1 })
  const report = { sent: 0, heldOut: 0, finished: 0 }
  const campaign = sending.items[0]
  if (!campaign) return report
  const [staff, page] = await Promise.all([staffOpenids(runtime), audiencePage(runtime, campaign)])
  for (const openid of page.openids) {
    if (staff.has(openid)) continue
    const bucket = holdoutBucket(campaign._id, openid)
    const group = bucket < campaign.holdoutPercent * 100 ? 'holdout' : 'treated'
    const delivery: Delivery = {
      key: `recall:${campaign._id}:${openid}`,
      openid,
      title: campaign.title,
      body: campaign.body,
      action: campaign.gift ? { kind: 'gift', gift: campaign.gift } : null,
      giftLabel: campaign.giftLabel,
      source: 'recall',
      now,
      subscribe: { key: `recall:${campaign._id}:${openid}`, message: communityNoticeMessage(openid, campaign, now) }
    }
    const granted = group === 'treated' ? await holdsGrant(runtime, openid, 'communityNotice') : false
    const added = await runtime.store.transaction(async (tx) => {
      const targets = tx.collection<RecallTargetDoc>(RECALL_TARGETS)
      if (await targets.get(`${campaign._id}:${openid}`)) return false
      await targets.insert({
        _id: `${campaign._id}:${openid}`,
        campaignId: campaign._id,
        openid,
        group,
        bucket,
        assignedAt: now,
        nextCheckAt: now + CHECKPOINTS[0] * DAY,
        checks: 0,
        returnedAt: null,
        revenueFen: 0
      })
      // The holdout is recorded and gets nothing: no message, no gift, no subscribe message.
      if (group === 'treated') await deliverIn(tx, delivery, granted)
      return true
    })
    if (added) report[group === 'treated' ? 'sent' : 'heldOut'] += 1
  }
  const done = page.next === null
  // Counters for the list while it sends; the exact counts once it is done (a run that died mid-batch counted nothing).
  const counts = done
    ? {
        treated: await runtime.store.collection<RecallTargetDoc>(RECALL_TARGETS).count({ campaignId: campaign._id, group: 'treated' }),
        holdout: await runtime.store.collection<RecallTargetDoc>(RECALL_TARGETS).count({ campaignId: campaign._id, group: 'holdout' })
      }
    : null
  await campaigns.update(campaign._id, {
    set: { cursor: page.next, ...(done ? { status: 'sent', finishedAt: now, ...counts } : {}) },
    ...(done ? {} : { inc: { treated: report.sent, holdout: report.heldOut } })
  })
  if (done) report.finished = 1
  return report
}

// ---------------------------------------------------------------- measuring (cron)

/** Whether the member checked in between the two instants (visible or still under review). */
async function checkedInBetween(runtime: Runtime, openid: string, from: number, to: number): Promise<number | null> {
  for (const status of ['visible', 'pending']) {
    const page = await runtime.store
      .collection<{ _id: string; createdAt: number }>(COLLECTIONS.checkins.name)
      .find({ openid, status, createdAt: { $gte: from, $lte: to } }, { sort: [['createdAt', 'desc']], limit: 1 })
    if (page.items[0]) return page.items[0].createdAt
  }
  return null
}

/** What the member paid (less refunds) between the two instants, in fen. */
async function paidBetween(runtime: Runtime, openid: string, from: number, to: number): Promise<number> {
  const page = await runtime.store
    .collection<{ _id: string; createdAt: number; paidAt: number | null; amountFen: number; refundedFen?: number }>(COLLECTIONS.orders.name)
    .find({ openid, createdAt: { $gte: from - DAY } }, { sort: [['createdAt', 'desc']], limit: 50 })
  return page.items.filter((o) => o.paidAt !== null && o.paidAt >= from && o.paidAt <= to).reduce((sum, o) => sum + o.amountFen - (o.refundedFen ?? 0), 0)
}

/** Timer job: measures targets due for a checkpoint; the campaign's sums move by what changed. */
export async function measureRecalls(runtime: Runtime): Promise<{ measured: number; returned: number }> {
  const now = runtime.clock.now()
  const targets = runtime.store.collection<RecallTargetDoc>(RECALL_TARGETS)
  const due = await targets.find({ nextCheckAt: { $lte: now } }, { sort: [['nextCheckAt', 'asc']], limit: MEASURE_BATCH })
  const report = { measured: 0, returned: 0 }
  for (const target of due.items) {
    const windowEnd = target.assignedAt + RETURN_WINDOW_DAYS * DAY
    const until = Math.min(now, windowEnd)
    const returnedAt = target.returnedAt ?? (await checkedInBetween(runtime, target.openid, target.assignedAt, until))
    const revenueFen = await paidBetween(runtime, target.openid, target.assignedAt, until)
    const checks = target.checks + 1
    const next = CHECKPOINTS.find((day) => target.assignedAt + day * DAY > now)
    const final = next === undefined || now >= windowEnd
    const nextCheckAt = final ? null : target.assignedAt + next * DAY
    // Claimed by its due time: two runs at once measure it once.
    const applied = await targets.updateIf(target._id, { nextCheckAt: target.nextCheckAt }, { set: { nextCheckAt, checks, returnedAt, revenueFen } })
    if (!applied) continue
    report.measured += 1
    const newlyReturned = returnedAt !== null && target.returnedAt === null ? 1 : 0
    report.returned += newlyReturned
    const revenueDelta = revenueFen - target.revenueFen
    const group = target.group
    const inc: Record<string, number> = {}
    if (newlyReturned) inc[`${group}Returned`] = 1
    if (revenueDelta !== 0) inc[`${group}RevenueFen`] = revenueDelta
    if (final) inc.measuredFinal = 1
    if (Object.keys(inc).length > 0) await runtime.store.collection<RecallCampaignDoc>(RECALL_CAMPAIGNS).update(target.campaignId, { inc })
  }
  return report
}
