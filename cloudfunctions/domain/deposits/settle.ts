// The settlement of deposit challenges (cron job settleDeposits). Once a
// challenge is due (settlesAt: after the last day's window, and the make-up
// grace when make-ups count), each run moves it on, a bounded batch at a time:
//   1. classify: each held deposit becomes completed or failed, by the
//      challenge's completion rule (checkin/completion.ts) on the member's
//      participant record (a conditional update: a second run changes nothing);
//   2. plan: once none is held, one pass sums the books and splits the pool
//      (equal fen per completer, the remainder one fen each to the earliest
//      payers; all to the host when the host keeps it or nobody completed),
//      written once with a guarded update (a concurrent run reads the winner's);
//   3. pay: each completer's deposit is refunded in full through the refund
//      path (out_refund_no `<order>-deposit`) and their share is sent to their
//      WeChat balance (商家转账, out_bill_no fixed per challenge and member), then
//      the deposit is marked paidOut (guarded);
//   4. close: the totals from the deposit records, deposits in = refunds +
//      shares + host share, checked and stored.
// Transfers not settled at once are asked about on later runs (and sent again
// under the same out_bill_no only when WeChat never received them).
import type { Runtime } from '../../platform/runtime'
import { isConflict } from '../../ports/store'
import { TransferRefusedError, type TransferState } from '../../ports/payments'
import { loadChallenge } from '../checkin/challenge'
import { isCompleted } from '../checkin/completion'
import { PARTICIPANTS, participantId, type ParticipantDoc } from '../checkin/participant'
import { flagPayment } from '../orders/flagged-payments'
import '../orders/installed-kinds'
import { beginRefund, finishRefund } from '../orders/refunds'
import {
  DEPOSITS,
  DEPOSIT_SETTLEMENTS,
  DEPOSIT_TRANSFERS,
  depositRefundNo,
  outBillNoFor,
  shareOf,
  splitPool,
  type DepositDoc,
  type SettlementDoc,
  type SettlementPlan,
  type TransferDoc
} from './deposit-doc'

/** Settlements looked at per run, deposits classified per run, completers paid per run (about 17 requests each), transfers asked about per run. */
export const SETTLE_BATCH = { settlements: 3, classify: 100, pay: 20, transfers: 20 }
/** A transfer WeChat has not settled is asked about again after this long (doubling), and sent again at most this often when it never arrived. */
export const TRANSFER_CHECK_AFTER_MS = 60_000
export const TRANSFER_MAX_ATTEMPTS = 5
const PAGE = 100

export interface SettleReport {
  classified: number
  planned: number
  paid: number
  settled: number
  transfersChecked: number
}

export async function settleDeposits(runtime: Runtime): Promise<SettleReport> {
  const now = runtime.clock.now()
  const report: SettleReport = { classified: 0, planned: 0, paid: 0, settled: 0, transfersChecked: 0 }
  const due = await runtime.store.collection<SettlementDoc>(DEPOSIT_SETTLEMENTS).find({ active: true, dueAt: { $lte: now } }, { sort: [['dueAt', 'asc']], limit: SETTLE_BATCH.settlements })
  let classifyLeft = SETTLE_BATCH.classify
  let payLeft = SETTLE_BATCH.pay
  for (const settlement of due.items) {
    let current = settlement
    if (current.status === 'open') {
      await runtime.store.collection<SettlementDoc>(DEPOSIT_SETTLEMENTS).updateIf(current._id, { status: 'open' }, { set: { status: 'classifying', updatedAt: now } })
      current = { ...current, status: 'classifying' }
    }
    if (current.status === 'classifying') {
      const classified = await classify(runtime, current, classifyLeft, now)
      classifyLeft -= classified.count
      report.classified += classified.count
      if (!classified.done) continue
      const plan = await makePlan(runtime, current, now)
      report.planned++
      current = { ...current, status: 'paying', plan }
    }
    if (current.status === 'paying' && current.plan) {
      const paid = await payCompleters(runtime, current, current.plan, payLeft, now)
      payLeft -= paid.count
      report.paid += paid.count
      if (!paid.done) continue
      if (await close(runtime, current, current.plan, now)) report.settled++
    }
    if (classifyLeft <= 0 || payLeft <= 0) break
  }
  report.transfersChecked = await checkTransfers(runtime, now)
  return report
}

/** Held deposits become completed or failed under the challenge's rule; says whether none is held any more. */
async function classify(runtime: Runtime, settlement: SettlementDoc, limit: number, now: number): Promise<{ count: number; done: boolean }> {
  if (limit <= 0) return { count: 0, done: false }
  const challenge = await loadChallenge(runtime, settlement.challengeId, { allowArchived: true })
  const deposits = runtime.store.collection<DepositDoc>(DEPOSITS)
  const held = await deposits.find({ challengeId: settlement.challengeId, status: 'held' }, { sort: [['paidAt', 'asc']], limit })
  const participants = runtime.store.collection<ParticipantDoc>(PARTICIPANTS)
  let count = 0
  for (const deposit of held.items) {
    const participant = await participants.get(participantId(deposit.challengeId, deposit.openid))
    const status = isCompleted(challenge, participant) ? 'completed' : 'failed'
    // Guarded: a refund settling in between (withdrawn) or a concurrent run (already classified) wins.
    if (await deposits.updateIf(deposit._id, { status: 'held' }, { set: { status, updatedAt: now } })) count++
  }
  return { count, done: held.items.length < limit && held.next === null }
}

/** Every deposit of the challenge, in the index's order (status, then payment time, then id). */
async function allDeposits(runtime: Runtime, challengeId: string): Promise<DepositDoc[]> {
  const deposits = runtime.store.collection<DepositDoc>(DEPOSITS)
  const all: DepositDoc[] = []
  let after: string | null | undefined
  do {
    const page = await deposits.find(
      { challengeId },
      {
        sort: [
          ['status', 'asc'],
          ['paidAt', 'asc']
        ],
        limit: PAGE,
        after
      }
    )
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

/** Sums the books and splits the pool, once: the first run to write the plan wins and every run pays by it. */
async function makePlan(runtime: Runtime, settlement: SettlementDoc, now: number): Promise<SettlementPlan> {
  const deposits = await allDeposits(runtime, settlement.challengeId)
  const completers = deposits.filter((d) => d.status === 'completed' || d.status === 'paidOut').sort((a, b) => a.paidAt - b.paidAt || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  const failed = deposits.filter((d) => d.status === 'failed')
  const withdrawn = deposits.filter((d) => d.status === 'withdrawn')
  const sum = (list: DepositDoc[], f: (d: DepositDoc) => number) => list.reduce((total, d) => total + f(d), 0)
  const poolFen = sum(failed, (d) => d.amountFen - d.refundedFen)
  const split = splitPool(poolFen, completers.length, settlement.forfeitTo)
  const plan: SettlementPlan = {
    depositsInFen: sum(deposits, (d) => d.amountFen),
    depositCount: deposits.length,
    completers: completers.length,
    failed: failed.length,
    withdrawn: withdrawn.length,
    poolFen,
    refundedBeforeFen: sum(withdrawn, (d) => d.refundedFen) + sum(failed, (d) => d.refundedFen) + sum(completers, (d) => d.refundedFen),
    completerRefundsFen: sum(completers, (d) => d.amountFen - d.refundedFen),
    // What the host keeps: the pool when it is the host's, and what was not refunded of the withdrawn deposits.
    hostFen: split.hostFromPoolFen + sum(withdrawn, (d) => d.amountFen - d.refundedFen),
    shareBaseFen: split.shareBaseFen,
    remainderFen: split.remainderFen,
    remainderCutoff: split.remainderFen > 0 ? { paidAt: completers[split.remainderFen - 1].paidAt, id: completers[split.remainderFen - 1]._id } : null
  }
  const settlements = runtime.store.collection<SettlementDoc>(DEPOSIT_SETTLEMENTS)
  if (await settlements.updateIf(settlement._id, { status: 'classifying' }, { set: { status: 'paying', plan, updatedAt: now } })) return plan
  // Another run planned first: its plan stands (the same sums, from the same records).
  const written = await settlements.get(settlement._id)
  return written?.plan ?? plan
}

/** Refunds each completer's deposit and sends their share, a batch at a time; says whether none is left to pay. */
async function payCompleters(runtime: Runtime, settlement: SettlementDoc, plan: SettlementPlan, limit: number, now: number): Promise<{ count: number; done: boolean }> {
  if (limit <= 0) return { count: 0, done: false }
  const deposits = runtime.store.collection<DepositDoc>(DEPOSITS)
  const due = await deposits.find({ challengeId: settlement.challengeId, status: 'completed' }, { sort: [['paidAt', 'asc']], limit })
  let count = 0
  for (const deposit of due.items) {
    let settlementRefundFen = 0
    if (deposit.amountFen - deposit.refundedFen > 0) {
      // The rest of the order, in full; a retry (or a concurrent run) finds the same out_refund_no and refunds nothing twice.
      const begun = await runtime.store.transaction((tx) =>
        beginRefund(tx, deposit.orderId, { amountFen: 'rest', outRefundNo: depositRefundNo(deposit.orderId), endsAccess: false, now, purpose: 'attendance', quietly: true })
      )
      settlementRefundFen = begun?.refund.amountFen ?? 0
      if (begun) await finishRefund(runtime, begun, `「${settlement.title}」完成挑战，押金退还`).catch((error) => console.error('[deposits] refund left for the reconcile timer', error))
    }
    const shareFen = shareOf(plan, deposit)
    if (shareFen > 0) await sendShare(runtime, settlement, deposit, shareFen, now)
    const paidOut = { status: 'paidOut', settlementRefundFen, refundedBeforeFen: deposit.refundedFen, shareFen, updatedAt: now }
    if (await deposits.updateIf(deposit._id, { status: 'completed' }, { set: paidOut })) count++
  }
  return { count, done: due.items.length < limit && due.next === null }
}

function transferRecord(state: TransferState, doc: TransferDoc, now: number): Partial<TransferDoc> {
  const paid = state.status === 'SUCCESS'
  const failed = state.status === 'FAIL' || state.status === 'CANCELLED'
  const waiting = state.status === 'WAIT_USER_CONFIRM'
  return {
    status: paid ? 'paid' : failed ? 'failed' : 'open',
    state: state.status,
    packageInfo: waiting ? (state.packageInfo ?? doc.packageInfo) : null,
    failReason: failed ? (state.failReason ?? '转账未成功') : null,
    // Waiting for the member to confirm is asked about hourly; anything else in flight a minute on, doubling.
    nextCheckAt: now + (waiting ? 3600_000 : TRANSFER_CHECK_AFTER_MS * 2 ** Math.min(doc.attempts, 6)),
    updatedAt: now
  }
}

/** Records the share's transfer (once per challenge and member) and sends it; WeChat makes one transfer per out_bill_no however often it is sent. */
async function sendShare(runtime: Runtime, settlement: SettlementDoc, deposit: DepositDoc, shareFen: number, now: number): Promise<void> {
  const transfers = runtime.store.collection<TransferDoc>(DEPOSIT_TRANSFERS)
  let doc: TransferDoc = {
    _id: deposit._id,
    challengeId: deposit.challengeId,
    openid: deposit.openid,
    outBillNo: outBillNoFor(deposit.challengeId, deposit.openid),
    amountFen: shareFen,
    status: 'open',
    state: 'UNSENT',
    packageInfo: null,
    failReason: null,
    attempts: 0,
    nextCheckAt: now + TRANSFER_CHECK_AFTER_MS,
    createdAt: now,
    updatedAt: now
  }
  try {
    await transfers.insert(doc)
  } catch (error) {
    if (!isConflict(error)) throw error
    doc = (await transfers.get(deposit._id))!
    if (doc.state !== 'UNSENT') return
  }
  await sendTransfer(runtime, settlement.title, doc, now)
}

async function sendTransfer(runtime: Runtime, title: string, doc: TransferDoc, now: number): Promise<void> {
  const transfers = runtime.store.collection<TransferDoc>(DEPOSIT_TRANSFERS)
  const attempts = doc.attempts + 1
  try {
    const state = await runtime.payments.transfer({
      outBillNo: doc.outBillNo,
      openid: doc.openid,
      amountFen: doc.amountFen,
      remark: `押金挑战奖池分成`,
      sceneReport: [
        { infoType: '活动名称', infoContent: `「${title}」押金挑战`.slice(0, 32) },
        { infoType: '奖励说明', infoContent: '完成挑战，平分未完成者的押金' }
      ]
    })
    await transfers.updateIf(doc._id, { status: 'open' }, { set: { ...transferRecord(state, { ...doc, attempts }, now), attempts } })
    if (state.status === 'FAIL' || state.status === 'CANCELLED') await flagTransfer(runtime, doc, state.failReason ?? '转账未成功')
  } catch (error) {
    // Not a definite answer (a timeout may have reached WeChat): asked about later, never sent under another number.
    const refused = error instanceof TransferRefusedError
    console.error('[deposits] transfer left for a later run:', (error as Error).message)
    await transfers.updateIf(
      doc._id,
      { status: 'open' },
      {
        set: {
          attempts,
          nextCheckAt: now + TRANSFER_CHECK_AFTER_MS * 2 ** Math.min(attempts, 6),
          state: refused ? 'UNSENT' : doc.state === 'UNSENT' ? 'PROCESSING' : doc.state,
          failReason: refused ? (error as Error).message : null,
          updatedAt: now
        }
      }
    )
  }
}

function flagTransfer(runtime: Runtime, doc: TransferDoc, reason: string): Promise<void> {
  return flagPayment(runtime, { outTradeNo: doc.outBillNo, transactionId: doc._id, kind: 'transfer' }, `押金奖池转账未成功（${reason}），请在商户平台处理`, doc.amountFen, 0)
}

/** Transfers still open and due a look: WeChat is asked; one it never received is sent again under the same out_bill_no, at most TRANSFER_MAX_ATTEMPTS times. */
async function checkTransfers(runtime: Runtime, now: number): Promise<number> {
  const transfers = runtime.store.collection<TransferDoc>(DEPOSIT_TRANSFERS)
  const open = await transfers.find({ status: 'open', nextCheckAt: { $lte: now } }, { sort: [['nextCheckAt', 'asc']], limit: SETTLE_BATCH.transfers })
  for (const doc of open.items) {
    try {
      const state = await runtime.payments.queryTransfer(doc.outBillNo)
      if (state.status === 'NOT_FOUND') {
        if (doc.attempts >= TRANSFER_MAX_ATTEMPTS) {
          await transfers.updateIf(doc._id, { status: 'open' }, { set: { status: 'failed', failReason: `发起 ${TRANSFER_MAX_ATTEMPTS} 次均未被受理`, updatedAt: now } })
          await flagTransfer(runtime, doc, `发起 ${TRANSFER_MAX_ATTEMPTS} 次均未被受理`)
        } else {
          const challenge = await loadChallenge(runtime, doc.challengeId, { allowArchived: true })
          await sendTransfer(runtime, challenge.title, doc, now)
        }
        continue
      }
      await transfers.updateIf(doc._id, { status: 'open' }, { set: transferRecord(state, doc, now) })
      if (state.status === 'FAIL' || state.status === 'CANCELLED') await flagTransfer(runtime, doc, state.failReason ?? '转账未成功')
    } catch (error) {
      console.error(`[deposits] transfer ${doc._id} left for a later run:`, (error as Error).message)
      await transfers.updateIf(doc._id, { status: 'open' }, { set: { nextCheckAt: now + TRANSFER_CHECK_AFTER_MS * 2 ** Math.min(doc.attempts + 1, 6), updatedAt: now } }).catch(() => undefined)
    }
  }
  return open.items.length
}

/** The books from the deposit records: deposits in = refunds + shares + host share. Stored once (guarded); a mismatch is flagged for the host. */
async function close(runtime: Runtime, settlement: SettlementDoc, plan: SettlementPlan, now: number): Promise<boolean> {
  const deposits = await allDeposits(runtime, settlement.challengeId)
  const sum = (f: (d: DepositDoc) => number) => deposits.reduce((total, d) => total + f(d), 0)
  const depositsInFen = sum((d) => d.amountFen)
  // Refunds: what came back before the settlement (withdrawn, or any refund of a deposit) plus the completers' refunds the settlement made.
  const refundsFen = sum((d) => (d.status === 'paidOut' ? (d.refundedBeforeFen ?? 0) + (d.settlementRefundFen ?? 0) : d.refundedFen))
  const sharesFen = sum((d) => (d.status === 'paidOut' ? (d.shareFen ?? 0) : 0))
  const hostFen = plan.hostFen
  const balanced = depositsInFen === refundsFen + sharesFen + hostFen
  const done = await runtime.store
    .collection<SettlementDoc>(DEPOSIT_SETTLEMENTS)
    .updateIf(settlement._id, { status: 'paying' }, { set: { status: 'settled', active: false, totals: { depositsInFen, refundsFen, sharesFen, hostFen, balanced }, settledAt: now, updatedAt: now } })
  if (done && !balanced) {
    await flagPayment(
      runtime,
      { outTradeNo: settlement._id, transactionId: 'settlement', kind: 'deposit' },
      `押金结算不平：押金 ${depositsInFen} 分 ≠ 退款 ${refundsFen} + 分成 ${sharesFen} + 主理人 ${hostFen}`,
      depositsInFen,
      refundsFen + sharesFen + hostFen
    )
  }
  return done
}
