// 交押金并加入 (deposits.payDeposit): the challenge's deposit as an order of the
// deposit kind (deposit-order.ts), priced here from the challenge.
import type { PayDepositResult } from '../../../types/deposits'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { loadChallenge, phaseOn } from '../checkin/challenge'
import { assertMayTakePart } from '../checkin/participation'
import { openOrder } from '../orders/open-order'
import { chinaDate } from '../time/china-calendar'
import { DEPOSITS, depositId, type DepositChallengeDoc, type DepositDoc } from './deposit-doc'
import { DEPOSIT_KIND, type DepositItem } from './deposit-order'

/**
 * 交押金并加入: the challenge's deposit, priced here, through the orders path
 * (one open order per member and challenge: tapping again resumes it).
 */
export async function payDeposit(runtime: Runtime, caller: Caller, challengeId: string, now: number): Promise<PayDepositResult> {
  const challenge = (await loadChallenge(runtime, challengeId)) as DepositChallengeDoc
  const depositFen = challenge.depositFen ?? 0
  if (depositFen <= 0) throw new AppError('CONFLICT', '这个挑战不需要押金，直接加入即可')
  if (phaseOn(challenge, chinaDate(now)) === 'ended') throw new AppError('CHECKIN_CLOSED', '挑战已结束，不能再加入')
  await assertMayTakePart(runtime, challenge, caller, now)
  const held = await runtime.store.collection<DepositDoc>(DEPOSITS).get(depositId(challengeId, caller.openid))
  if (held && held.status !== 'withdrawn') throw new AppError('CONFLICT', '你已交押金，已在挑战中')
  const item: DepositItem = { kind: DEPOSIT_KIND, challengeId, title: challenge.title, endDate: challenge.endDate }
  const { order, payment, resumed } = await openOrder(runtime, {
    what: `deposit:${challengeId}`,
    item,
    openid: caller.openid,
    listPriceFen: depositFen,
    description: () => `挑战押金-${challenge.title}`.slice(0, 40),
    now
  })
  return { orderId: order._id, amountFen: order.amountFen, payment, resumed }
}
