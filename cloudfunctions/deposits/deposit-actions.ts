// Deposit challenges (押金): paying the deposit to join, the member's view of
// the deposit and the pool, and the host's settlement report (domain/deposits).
import type { ActionMap } from '../platform/define-action'
import { payDeposit } from '../domain/deposits/join'
import { depositSettlement, depositStatus } from '../domain/deposits/views'
import * as s from '../domain/checkin/schemas'

type CheckinActions = ActionMap<'deposits'>
type DepositActionNames = 'payDeposit' | 'depositStatus' | 'depositSettlement'

export const checkinDepositActions: Pick<CheckinActions, DepositActionNames> = {
  // 交押金并加入: an order of the deposit kind, priced here; paying it makes the member a participant.
  payDeposit: { role: 'member', input: s.challengeIdInput, example: { challengeId: 'c1' }, handle: (input, { runtime, caller, now }) => payDeposit(runtime, caller, input.challengeId, now) },
  depositStatus: { role: 'member', input: s.challengeIdInput, example: { challengeId: 'c1' }, handle: (input, { runtime, caller }) => depositStatus(runtime, caller, input.challengeId) },
  depositSettlement: { role: 'admin', input: s.challengeIdInput, example: { challengeId: 'c1' }, handle: (input, { runtime }) => depositSettlement(runtime, input.challengeId) }
}
