// Budget scenarios of the completion rule and report (issue 16): the check-in
// that meets the rule (it also tells the completer in 消息) and a completer's
// report on a 21-day challenge with a photo every day and a host's 点评.
// Spread into scenarios.ts.
import type { ChallengeInput } from '../../types/checkin'
import { HOST, type World } from './world'
import type { Scenario } from './scenarios'
import { challengeInput } from '../checkin/checkin-fixtures'
import { scenario } from '../plays/budget'

const TEXT = '今天拉伸 15 分钟，肩颈轻松多了。'
let fresh = 0

function challenge(w: World, days: number): ChallengeInput {
  return challengeInput({
    title: `${days} 天拉伸`,
    description: '每天拉伸 10 分钟',
    startDate: w.today(),
    days,
    windowStart: '00:00',
    streakBonuses: [{ day: days, points: 100 }],
    completionDays: days,
    makeupsCount: true
  })
}

/** A member who checked in with a photo on every day of the challenge but the last (setup), left on its last day. */
async function almostDone(w: World, days: number): Promise<{ challengeId: string; openid: string }> {
  const { id: challengeId } = await w.call('challenges', 'createChallenge', challenge(w, days), HOST)
  fresh += 1
  const openid = `budget_completion_${fresh}`
  await w.call('member', 'me', {}, openid)
  for (let day = 1; day < days; day++) {
    await w.call('checkin', 'postCheckin', { challengeId, text: TEXT, photoFileIds: [await w.photo(openid)] }, openid)
    w.advanceDays(1)
  }
  return { challengeId, openid }
}

export const COMPLETION_SCENARIOS: Scenario[] = [
  scenario('checkin.postCheckin.completes', 'checkin', async (w) => {
    const { challengeId, openid } = await almostDone(w, 3)
    return (await w.measure('checkin', 'postCheckin', { challengeId, text: TEXT, photoFileIds: [await w.photo(openid)] }, openid)).usage
  }),
  scenario('challenges.completionReport', 'member', async (w) => {
    const { challengeId, openid } = await almostDone(w, 21)
    const { checkin } = await w.call('checkin', 'postCheckin', { challengeId, text: TEXT, photoFileIds: [await w.photo(openid)] }, openid)
    // The host's 点评 as the review capability stores it on the check-in (written directly: setup).
    await w.runtime.embedded.collection('checkins').update(checkin.id, { set: { review: { grade: 'excellent', comment: '坚持得很好', reviewerOpenid: HOST, reviewedAt: w.now() } } })
    w.advanceDays(1)
    return (await w.measure('challenges', 'completionReport', { challengeId }, openid)).usage
  })
]

export const COMPLETION_BACKLOG: Record<string, (w: World) => Promise<void>> = {
  async tellCompleters(w) {
    // 60 members complete a one-day challenge: more than one run's batch.
    const { id: challengeId } = await w.call('challenges', 'createChallenge', { ...challenge(w, 1), streakBonuses: [] }, HOST)
    for (let i = 0; i < 60; i++) {
      fresh += 1
      const openid = `budget_completion_${fresh}`
      await w.call('member', 'me', {}, openid)
      await w.call('checkin', 'postCheckin', { challengeId, text: TEXT, photoFileIds: [] }, openid)
    }
  }
}
