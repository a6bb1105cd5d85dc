// Removing or blocking a member from a circle (with the refund the host chose,
// through the orders module's refund path), and join review: a circle with
// `reviewRequired` turns a free join into an application a host approves or
// rejects, once, whoever else reviews it at the same time.
import '../orders/installed-kinds'
import type { JoinApplicationStatus, JoinApplicationView, JoinApplicationsInput, RemoveFromCircleInput, RemoveFromCircleResult, ReviewJoinInput } from '../../../types/crm'
import type { Page } from '../../../types/page'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { Filter } from '../../ports/store'
import { CIRCLES, CIRCLE_MEMBERS } from '../circles/access'
import { MEMBERS, defaultNickname, type MemberDoc } from '../members/member'
import { loadCircle, type CircleDoc } from '../membership/circle'
import { FOREVER, membershipId, type CircleMemberDoc } from '../membership/membership'
import { PLAN_KIND, planOf } from '../membership/plan-order'
import { joinReviewedMessage } from '../notifications/messages'
import { ORDERS, type OrderDoc } from '../orders/order'
import { refundOrder } from '../orders/refunds'
import { deliverIn, holdsGrant } from '../inbox/inbox'

export const JOIN_APPLICATIONS = COLLECTIONS.joinApplications.name

export type CrmCircleMemberDoc = CircleMemberDoc & { blocked?: boolean; answers?: string[] }

export interface JoinApplicationDoc {
  _id: string // `${circleId}:${openid}`: one application per member per circle (a new one after a rejection reuses it)
  circleId: string
  openid: string
  questions: string[]
  answers: string[]
  status: JoinApplicationStatus
  reason: string | null
  reviewer: string | null
  createdAt: number
  reviewedAt: number | null
}

export const BLOCKED_MESSAGE = '你已被移出该圈子，无法再次加入'

/** Refuses a member the host blocked from this circle (join, trial and purchase paths). */
export function assertNotBlocked(membership: Pick<CrmCircleMemberDoc, 'blocked'> | null): void {
  if (membership?.blocked) throw new AppError('FORBIDDEN', BLOCKED_MESSAGE)
}

export async function assertMayBuy(runtime: Runtime, circleId: string, openid: string): Promise<void> {
  assertNotBlocked(await runtime.store.collection<CrmCircleMemberDoc>(CIRCLE_MEMBERS).get(membershipId(circleId, openid)))
}

/** What the refund choice returns for one paid order of the circle: full (what is left of it) or its unused days. */
function refundFor(order: OrderDoc, choice: RemoveFromCircleInput['refund'], now: number): number {
  const left = order.amountFen - order.refundedFen
  if (choice === 'none' || left <= 0) return 0
  if (choice === 'full') return left
  const { periodStart, periodEnd } = planOf(order)
  if (periodStart === null || periodEnd === null || now >= periodEnd) return 0
  const unused = periodEnd - Math.max(now, periodStart)
  return Math.min(left, Math.floor((order.amountFen * unused) / (periodEnd - periodStart)))
}

/**
 * 移出圈子: access ends now; `block` also refuses rejoining and buying. The refund
 * goes through refundOrder for each paid order of this circle still running
 * (full: what is left of each; prorated: each one's unused days), one
 * out_refund_no per order so a retry refunds nothing twice.
 */
export async function removeFromCircle(runtime: Runtime, input: RemoveFromCircleInput, now: number): Promise<RemoveFromCircleResult> {
  const id = membershipId(input.circleId, input.memberId)
  const existing = await runtime.store.collection<CrmCircleMemberDoc>(CIRCLE_MEMBERS).get(id)
  if (!existing && !input.block) throw errors.notFound('圈子成员')
  const circle = existing ? { _id: existing.circleId } : await loadCircle(runtime, input.circleId, { allowArchived: true })
  let refundedFen = 0
  if (input.refund !== 'none' && existing) {
    const orders = await runtime.store.collection<OrderDoc>(ORDERS).find({ openid: input.memberId }, { sort: [['createdAt', 'desc']], limit: 50 })
    const running = orders.items.filter(
      (o) => (o.kind ?? PLAN_KIND) === PLAN_KIND && o.status === 'fulfilled' && o.paidAt !== null && planOf(o).circleId === circle._id && (planOf(o).periodEnd ?? 0) > now
    )
    for (const order of running) {
      const amountFen = refundFor(order, input.refund, now)
      if (amountFen <= 0) continue
      const after = await refundOrder(runtime, order, { amountFen, outRefundNo: `${order._id}-K`, reason: '主理人移出圈子', endsAccess: true, purpose: 'host' })
      if (after) refundedFen += amountFen
    }
  }
  const members = runtime.store.collection<CrmCircleMemberDoc>(CIRCLE_MEMBERS)
  if (!existing) {
    try {
      await members.insert({
        _id: id,
        circleId: circle._id,
        openid: input.memberId,
        startedAt: now,
        endsAt: now,
        source: 'free',
        trialUsed: false,
        remindedFor: null,
        expiredNoticeFor: now,
        blocked: true
      })
    } catch {
      /* blocked twice at once: blocked either way */
    }
  } else {
    // Access ends now (a refund above may already have ended it); expiredNoticeFor: the host ended it, so no expiry notice as well.
    const endsAt = Math.min(existing.endsAt, now)
    await members.update(id, { set: { endsAt, expiredNoticeFor: endsAt, ...(input.block ? { blocked: true } : {}) } })
  }
  return { removed: true, blocked: input.block || existing?.blocked === true, refundedFen }
}

/**
 * A free join to a circle that reviews joins: the member's application, with
 * the circle's questions and the member's answers, pending review. Asking again
 * while pending changes nothing; after a rejection it is pending again.
 */
export async function applyToJoin(runtime: Runtime, circle: CircleDoc, openid: string, answers: string[], now: number): Promise<JoinApplicationDoc> {
  const apps = runtime.store.collection<JoinApplicationDoc>(JOIN_APPLICATIONS)
  const id = membershipId(circle._id, openid)
  const current = await apps.get(id)
  if (current?.status === 'pending') return current
  const doc: JoinApplicationDoc = { _id: id, circleId: circle._id, openid, questions: circle.joinQuestions, answers, status: 'pending', reason: null, reviewer: null, createdAt: now, reviewedAt: null }
  if (!current) {
    try {
      await apps.insert(doc)
    } catch {
      /* applied twice at once: one application */
    }
    return (await apps.get(id)) ?? doc
  }
  await apps.updateIf(id, { status: current.status }, { set: { questions: doc.questions, answers, status: 'pending', reason: null, reviewer: null, createdAt: now, reviewedAt: null } })
  return (await apps.get(id)) ?? doc
}

export async function applicationOf(runtime: Runtime, circleId: string, openid: string): Promise<JoinApplicationDoc | null> {
  return runtime.store.collection<JoinApplicationDoc>(JOIN_APPLICATIONS).get(membershipId(circleId, openid))
}

async function views(runtime: Runtime, docs: JoinApplicationDoc[]): Promise<JoinApplicationView[]> {
  if (docs.length === 0) return []
  const [members, circles] = await Promise.all([
    runtime.store.collection<MemberDoc>(MEMBERS).find({ _id: { $in: [...new Set(docs.map((d) => d.openid))] } }, { limit: 100 }),
    runtime.store.collection<CircleDoc>(CIRCLES).find({ _id: { $in: [...new Set(docs.map((d) => d.circleId))] } }, { limit: 100 })
  ])
  const byId = new Map(members.items.map((m) => [m._id, m]))
  const circleById = new Map(circles.items.map((c) => [c._id, c]))
  return docs.map((d) => {
    const member = byId.get(d.openid)
    return {
      id: d._id,
      circleId: d.circleId,
      circleName: circleById.get(d.circleId)?.name ?? '圈子',
      memberId: d.openid,
      nickname: member?.nickname || defaultNickname(d.openid),
      avatarUrl: member?.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
      questions: d.questions,
      answers: d.answers,
      status: d.status,
      reason: d.reason,
      createdAt: d.createdAt,
      reviewedAt: d.reviewedAt
    }
  })
}

export async function joinApplications(runtime: Runtime, input: JoinApplicationsInput): Promise<Page<JoinApplicationView>> {
  const filter: Filter = { status: input.status ?? 'pending' }
  if (input.circleId) filter.circleId = input.circleId
  const page = await runtime.store.collection<JoinApplicationDoc>(JOIN_APPLICATIONS).find(filter, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: await views(runtime, page.items), next: page.next }
}

/**
 * 通过 / 拒绝. Decided once: the same decision again answers the application as
 * it is; the other decision afterwards is refused. Approving makes the
 * membership in the same transaction as the decision, so two admins approving
 * at once make one membership; the member is told by a subscribe message.
 */
export async function reviewJoin(runtime: Runtime, caller: Caller, input: ReviewJoinInput, now: number): Promise<JoinApplicationView> {
  const apps = runtime.store.collection<JoinApplicationDoc>(JOIN_APPLICATIONS)
  const found = await apps.get(input.applicationId)
  if (!found) throw errors.notFound('申请')
  const circle = await runtime.store.collection<CircleDoc>(CIRCLES).get(found.circleId)
  const status: JoinApplicationStatus = input.decision === 'approve' ? 'approved' : 'rejected'
  const granted = found.status === 'pending' ? await holdsGrant(runtime, found.openid, 'joinReviewed') : false
  const decided = await runtime.store.transaction(async (tx) => {
    const txApps = tx.collection<JoinApplicationDoc>(JOIN_APPLICATIONS)
    const app = await txApps.get(input.applicationId)
    if (!app) throw errors.notFound('申请')
    if (app.status !== 'pending') {
      if (app.status !== status) throw new AppError('CONFLICT', app.status === 'approved' ? '该申请已通过' : '该申请已拒绝')
      return app
    }
    const reason = status === 'rejected' ? input.reason?.trim() || null : null
    const next: JoinApplicationDoc = { ...app, status, reason, reviewer: caller.openid, reviewedAt: now }
    await txApps.set(next)
    if (status === 'approved') {
      const members = tx.collection<CrmCircleMemberDoc>(CIRCLE_MEMBERS)
      const current = await members.get(app._id)
      assertNotBlocked(current)
      if (!current) {
        await members.insert({
          _id: app._id,
          circleId: app.circleId,
          openid: app.openid,
          startedAt: now,
          endsAt: FOREVER,
          source: 'free',
          trialUsed: false,
          remindedFor: null,
          expiredNoticeFor: null,
          answers: app.answers
        })
      } else if (current.endsAt <= now) {
        await members.set({ ...current, startedAt: now, endsAt: FOREVER, source: 'free', endedBy: null, answers: app.answers })
      }
    }
    // The member is told in 消息 (the inbox), and by a subscribe message when they granted one.
    const approved = status === 'approved'
    const circleRef = { circleId: app.circleId, circleName: circle?.name ?? '圈子' }
    const key = `join:${app._id}:${app.createdAt}`
    await deliverIn(
      tx,
      {
        key,
        openid: app.openid,
        title: approved ? `「${circleRef.circleName}」入圈申请已通过` : `「${circleRef.circleName}」入圈申请未通过`,
        body: approved ? '欢迎加入，快去圈子里看看吧' : `原因：${reason ?? '暂不符合加入条件'}`,
        action: { kind: 'page', path: `packages/membership/circle/index?id=${app.circleId}` },
        giftLabel: null,
        source: 'joinReview',
        now,
        subscribe: { key, message: joinReviewedMessage(app.openid, circleRef, approved, reason, now) }
      },
      granted
    )
    return next
  })
  return (await views(runtime, [decided]))[0]
}
