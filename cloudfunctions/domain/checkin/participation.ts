// Joining a challenge and reading one's progress.
import type { ChallengeDetail, ChallengeProgress } from '../../../types/checkin'
import { isConflict, type Transaction } from '../../ports/store'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { AppError } from '../../platform/app-error'
import { assertCircleMember, circleAccess } from '../circles/access'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { chinaDate } from '../time/china-calendar'
import { CHALLENGES, loadChallenge, phaseOn, toChallenge, type ChallengeDoc } from './challenge'
import { PARTICIPANTS, newParticipant, participantId, progressOf, type ParticipantDoc } from './participant'

export async function assertMayTakePart(runtime: Runtime, challenge: ChallengeDoc, caller: Caller, now: number): Promise<void> {
  if (caller.role === 'host') return
  await assertCircleMember(runtime, challenge.circleId, caller.openid, now)
  if ((challenge.minTierLevel ?? 1) > 1) {
    const wallet = await runtime.store.collection<WalletDoc>(WALLETS).get(caller.openid)
    if ((wallet?.tierLevel ?? 1) < challenge.minTierLevel) throw new AppError('FORBIDDEN', `这个挑战需要达到 Lv${challenge.minTierLevel} 才能参加`)
  }
}

/** Inside a transaction: the participant record, created (and counted) if this is the member's first time. */
export async function ensureParticipant(tx: Transaction, challengeId: string, openid: string, now: number): Promise<ParticipantDoc> {
  const participants = tx.collection<ParticipantDoc>(PARTICIPANTS)
  const existing = await participants.get(participantId(challengeId, openid))
  if (existing) return existing
  const participant = newParticipant(challengeId, openid, now)
  await participants.insert(participant)
  await tx.collection<ChallengeDoc>(CHALLENGES).update(challengeId, { inc: { participantCount: 1 } })
  return participant
}

export async function joinChallenge(runtime: Runtime, caller: Caller, challengeId: string, now: number): Promise<ChallengeProgress> {
  const challenge = await loadChallenge(runtime, challengeId)
  if (phaseOn(challenge, chinaDate(now)) === 'ended') throw new AppError('CHECKIN_CLOSED', '挑战已结束，不能再加入')
  await assertMayTakePart(runtime, challenge, caller, now)
  try {
    await runtime.store.transaction((tx) => ensureParticipant(tx, challengeId, caller.openid, now))
  } catch (error) {
    if (!isConflict(error)) throw error
  }
  const participant = await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, caller.openid))
  return progressOf(challenge, participant, now, await walletCards(runtime, caller.openid))
}

async function walletCards(runtime: Runtime, openid: string): Promise<number> {
  return (await runtime.store.collection<WalletDoc>(WALLETS).get(openid))?.makeupCards ?? 0
}

export async function getChallengeDetail(runtime: Runtime, caller: Caller, challengeId: string, now: number): Promise<ChallengeDetail> {
  const challenge = await loadChallenge(runtime, challengeId, { allowArchived: caller.role === 'host' })
  const [participant, access] = await Promise.all([
    runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, caller.openid)),
    circleAccess(runtime, challenge.circleId, caller.openid, now)
  ])
  return {
    challenge: toChallenge(challenge, runtime, now),
    progress: progressOf(challenge, participant, now, await walletCards(runtime, caller.openid)),
    circleName: access.circleName,
    inCircle: caller.role === 'host' || access.inCircle
  }
}
