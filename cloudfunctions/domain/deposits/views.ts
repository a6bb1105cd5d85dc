// What members and hosts see of a deposit challenge: the terms (stated before
// anyone pays), the pool so far (the challenge's precomputed counters), the
// member's own outcome, and the host's settlement report.
import type { ChallengeInput } from '../../../types/checkin'
import type { DepositOutcome, DepositSettlementView, DepositStatusView, MyDepositView, ShareTransferStatus } from '../../../types/deposits'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { isStaff } from '../../../types/roles'
import { loadChallenge, type ChallengeDoc } from '../checkin/challenge'
import { describeRule } from '../checkin/completion'
import { DEPOSITS, DEPOSIT_SETTLEMENTS, DEPOSIT_TRANSFERS, REMAINDER_RULE, depositId, settlesAt, type DepositChallengeDoc, type DepositDoc, type SettlementDoc, type TransferDoc } from './deposit-doc'

const OUTCOME: Record<DepositDoc['status'], DepositOutcome> = { held: 'held', completed: 'completed', paidOut: 'completed', failed: 'failed', withdrawn: 'withdrawn' }

function shareStatusOf(transfer: TransferDoc | null, shareFen: number): ShareTransferStatus {
  if (!transfer || shareFen === 0) return 'none'
  if (transfer.status === 'paid') return 'paid'
  if (transfer.status === 'failed') return 'failed'
  return transfer.state === 'WAIT_USER_CONFIRM' ? 'waitConfirm' : 'sending'
}

/** deposits.depositStatus: about 5 requests with the router's member read, at any size. */
export async function depositStatus(runtime: Runtime, caller: Caller, challengeId: string): Promise<DepositStatusView> {
  const challenge = (await loadChallenge(runtime, challengeId, { allowArchived: isStaff(caller.role) })) as DepositChallengeDoc
  if ((challenge.depositFen ?? 0) <= 0) throw new AppError('NOT_FOUND', '这个挑战没有押金')
  const [deposit, settlement] = await Promise.all([
    runtime.store.collection<DepositDoc>(DEPOSITS).get(depositId(challengeId, caller.openid)),
    runtime.store.collection<SettlementDoc>(DEPOSIT_SETTLEMENTS).get(challengeId)
  ])
  const shareFen = deposit?.shareFen ?? 0
  const transfer = shareFen > 0 ? await runtime.store.collection<TransferDoc>(DEPOSIT_TRANSFERS).get(deposit!._id) : null
  const mine: MyDepositView | null = deposit
    ? {
        outcome: OUTCOME[deposit.status],
        amountFen: deposit.amountFen,
        refundedFen: Math.min(deposit.amountFen, deposit.refundedFen),
        shareFen,
        shareStatus: shareStatusOf(transfer, shareFen),
        shareConfirm:
          transfer?.status === 'open' && transfer.state === 'WAIT_USER_CONFIRM' && transfer.packageInfo
            ? { mchId: runtime.payments.mchid, appId: runtime.payments.appid, package: transfer.packageInfo }
            : null,
        orderId: deposit.orderId
      }
    : null
  const plan = settlement?.plan ?? null
  return {
    challengeId,
    depositFen: challenge.depositFen ?? 0,
    forfeitTo: challenge.forfeitTo ?? 'completers',
    rule: describeRule(challenge),
    poolFen: Math.max(0, challenge.depositPoolFen ?? 0),
    depositors: Math.max(0, challenge.depositors ?? 0),
    settlesAt: settlement?.dueAt ?? settlesAt(challenge),
    settled: settlement?.status === 'settled',
    completers: plan ? plan.completers : null,
    failed: plan ? plan.failed : null,
    shareFen: plan ? plan.shareBaseFen : null,
    mine
  }
}

/** deposits.depositSettlement (admin): the settlement document and the transfers by status (4 requests with the member read). */
export async function depositSettlement(runtime: Runtime, challengeId: string): Promise<DepositSettlementView> {
  const settlement = await runtime.store.collection<SettlementDoc>(DEPOSIT_SETTLEMENTS).get(challengeId)
  if (!settlement) throw new AppError('NOT_FOUND', '这个挑战没有押金结算')
  const transfers = runtime.store.collection<TransferDoc>(DEPOSIT_TRANSFERS)
  const [paid, failedTransfers, waiting] = await Promise.all([
    transfers.count({ challengeId, status: 'paid' }),
    transfers.count({ challengeId, status: 'failed' }),
    transfers.count({ challengeId, status: 'open', state: 'WAIT_USER_CONFIRM' })
  ])
  const plan = settlement.plan
  const totals = settlement.totals
  return {
    challengeId,
    title: settlement.title,
    status: settlement.status,
    depositFen: settlement.depositFen,
    forfeitTo: settlement.forfeitTo,
    settlesAt: settlement.dueAt,
    depositsInFen: totals?.depositsInFen ?? plan?.depositsInFen ?? 0,
    depositCount: plan?.depositCount ?? 0,
    refundsFen: totals?.refundsFen ?? (plan ? plan.refundedBeforeFen + plan.completerRefundsFen : 0),
    poolFen: plan?.poolFen ?? 0,
    sharesFen: totals?.sharesFen ?? (plan ? plan.shareBaseFen * plan.completers + plan.remainderFen : 0),
    hostFen: totals?.hostFen ?? plan?.hostFen ?? 0,
    completers: plan?.completers ?? 0,
    failed: plan?.failed ?? 0,
    withdrawn: plan?.withdrawn ?? 0,
    shareBaseFen: plan?.shareBaseFen ?? 0,
    remainderFen: plan?.remainderFen ?? 0,
    remainderRule: REMAINDER_RULE,
    transfers: { paid, waiting, failed: failedTransfers },
    balanced: totals?.balanced ?? false,
    settledAt: settlement.settledAt
  }
}

/**
 * Hosts' challenge edits: the deposit terms (and what decides who completes)
 * are fixed once anyone has paid a deposit, so what members paid for holds.
 */
export function assertDepositTermsKept(current: DepositChallengeDoc, changes: Partial<ChallengeInput>): void {
  if ((current.depositors ?? 0) <= 0) return
  const fixed: Array<keyof ChallengeInput> = ['depositFen', 'forfeitTo', 'startDate', 'days', 'completionDays', 'makeupsCount']
  const moved = fixed.filter((key) => changes[key] !== undefined && changes[key] !== current[key] && !(key === 'forfeitTo' && changes[key] === (current.forfeitTo ?? 'completers')))
  if (moved.length > 0) throw new AppError('CONFLICT', '已有成员交了押金，押金、分配方式、日期和完成规则不能再修改')
}

/**
 * After a host creates or edits a challenge: its settlement document, due at
 * settlesAt, while it has a deposit and has not begun settling (a challenge
 * whose deposit went back to 0 before anyone paid is no longer looked at).
 */
export async function syncDepositSettlement(runtime: Runtime, challenge: ChallengeDoc, now: number): Promise<void> {
  const settlements = runtime.store.collection<SettlementDoc>(DEPOSIT_SETTLEMENTS)
  const existing = await settlements.get(challenge._id)
  const depositFen = challenge.depositFen ?? 0
  if (existing && existing.status !== 'open') return
  if (depositFen <= 0) {
    if (existing?.active) await settlements.update(challenge._id, { set: { active: false, depositFen: 0, updatedAt: now } })
    return
  }
  const terms = { title: challenge.title, depositFen, forfeitTo: challenge.forfeitTo ?? 'completers', active: true, dueAt: settlesAt(challenge), updatedAt: now }
  if (existing) await settlements.update(challenge._id, { set: terms })
  else await settlements.insert({ _id: challenge._id, challengeId: challenge._id, status: 'open', plan: null, totals: null, createdAt: now, settledAt: null, ...terms })
}
