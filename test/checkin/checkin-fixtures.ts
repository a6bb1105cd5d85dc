// Shared setup for check-in tests: a host-made challenge and members with uploaded photos.
import type { ChallengeInput } from '../../types/checkin'
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import { EXAMPLE_CHALLENGE } from '../../cloudfunctions/challenges/host-actions'

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

/** 2026-11-23 10:00 in China. */
export const CHINA_10AM = Date.parse('2026-11-23T10:00:00+08:00')

export function challengeInput(overrides: Partial<ChallengeInput> = {}): ChallengeInput {
  // The action's own example, started earlier and with the streak bonuses these tests count on.
  return {
    ...EXAMPLE_CHALLENGE,
    startDate: '2026-11-20',
    streakBonuses: [
      { day: 3, points: 30 },
      { day: 7, points: 70 }
    ],
    ...overrides
  }
}

export async function createChallenge(overrides: Partial<ChallengeInput> = {}): Promise<string> {
  return ok(await call('challenges', 'createChallenge', challengeInput(overrides), HOST)).id
}

export async function uploadPhoto(runtime: TestRuntime, openid: string): Promise<string> {
  return (await runtime.files.save(openid, PNG, 'image/png')).fileId
}

export const post = (challengeId: string, openid: string, text = '今天完成了训练，感觉很好', photoFileIds: string[] = []) => call('checkin', 'postCheckin', { challengeId, text, photoFileIds }, openid)

/** The member posts at 08:00 China time on each date in turn (the clock left on the last one); the last post's answer. */
export async function postOnDays(runtime: TestRuntime, challengeId: string, dates: string[], openid = 'o_a') {
  let answer
  for (const date of dates) {
    runtime.clock.set(`${date}T08:00:00+08:00`)
    answer = ok(await post(challengeId, openid))
  }
  return answer!
}
