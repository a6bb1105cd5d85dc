// Joining a challenge and reading one's progress.
import type { ChallengeDetail, ChallengeProgress } from '../../../types/checkin'
import { isConflict } from '../../ports/store'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { AppError } from '../../platform/app-error'
import { assertUnlocked, lockFor } from '../circles/gate'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { chinaDate } from '../time/china-calendar'
import { CHALLENGES, loadChallenge, phaseOn, toChallenge, type ChallengeDoc } from './challenge'
import { PARTICIPANTS, newParticipant, participantId, progressOf, type ParticipantDoc } from './participant'
import { isStaff } from '../../../types/roles'

/** A challenge gated by a circle or a tier refuses in the lock's words (domain/circles/gate.ts); staff are never locked out. */
export async function assertMayTakePart(runtime: Runtime, challenge: ChallengeDoc, caller: Caller, now: number): Promise<void> {
  await assertUnlocked(runtime, challenge, caller.openid, now, isStaff(caller.role))
}

/**
 * The participant record, created if this is the member's first time; says
 * whether it was. One keyed insert: fifty joins at once create one.
 */
async function ensureParticipant(runtime: Runtime, challengeId: string, openid: string, now: number): Promise<boolean> {
  const participants = runtime.store.collection<ParticipantDoc>(PARTICIPANTS)
  if (await participants.get(participantId(challengeId, openid))) return false
  try {
    await participants.insert(newParticipant(challengeId, openid, now))
    return true
  } catch (error) {
    if (isConflict(error)) return false
    throw error
  }
}

export async function joinChallenge(runtime: Runtime, caller: Caller, challengeId: string, now: number): Promise<ChallengeProgress> {
  const challenge = await loadChallenge(runtime, challengeId)
  if (phaseOn(challenge, chinaDate(now)) === 'ended') throw new AppError('CHECKIN_CLOSED', '挑战已结束，不能再加入')
  await assertMayTakePart(runtime, challenge, caller, now)
  // A deposit challenge is joined by paying its deposit (deposits.payDeposit): the payment makes the participant.
  if ((challenge.depositFen ?? 0) > 0) {
    const participant = await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, caller.openid))
    if (!participant) throw new AppError('CONFLICT', `这个挑战需要先交押金 ¥${((challenge.depositFen ?? 0) / 100).toFixed(2)} 才能加入`)
    return progressOf(challenge, participant, now, await walletCards(runtime, caller.openid))
  }
  // The challenge's counter moves by an atomic increment outside any transaction: every member's join would otherwise lock one document.
  if (await ensureParticipant(runtime, challengeId, caller.openid, now)) {
    await runtime.store.collection<ChallengeDoc>(CHALLENGES).update(challengeId, { inc: { participantCount: 1 } })
  }
  const participant = await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, caller.openid))
  return progressOf(challenge, participant, now, await walletCards(runtime, caller.openid))
}

async function walletCards(runtime: Runtime, openid: string): Promise<number> {
  return (await runtime.store.collection<WalletDoc>(WALLETS).get(openid))?.makeupCards ?? 0
}

export async function getChallengeDetail(runtime: Runtime, caller: Caller, challengeId: string, now: number): Promise<ChallengeDetail> {
  const challenge = await loadChallenge(runtime, challengeId, { allowArchived: isStaff(caller.role) })
  const [participant, access] = await Promise.all([
    runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, caller.openid)),
    lockFor(runtime, challenge, caller.openid, now, isStaff(caller.role))
  ])
  return {
    challenge: toChallenge(challenge, runtime, now),
    progress: progressOf(challenge, participant, now, await walletCards(runtime, caller.openid)),
    circleName: access.circleName,
    inCircle: isStaff(caller.role) || access.inCircle,
    lock: access.lock
  }
}
