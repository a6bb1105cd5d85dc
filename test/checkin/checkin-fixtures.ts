// Shared setup for check-in tests: a host-made challenge and members with uploaded photos.
import type { ChallengeInput } from '../../types/checkin'
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

/** 2026-11-23 10:00 in China. */
export const CHINA_10AM = Date.parse('2026-11-23T10:00:00+08:00')

export function challengeInput(overrides: Partial<ChallengeInput> = {}): ChallengeInput {
  return {
    title: '21 天减脂打卡',
    description: '每天记录饮食和运动',
    coverFileId: '',
    startDate: '2026-11-20',
    days: 21,
    windowStart: '05:00',
    windowEnd: '23:59',
    minTextLength: 5,
    minPhotos: 0,
    maxPhotos: 9,
    pointsPerCheckin: 10,
    streakBonuses: [
      { day: 3, points: 30 },
      { day: 7, points: 70 }
    ],
    makeupCardsPerMember: 2,
    circleId: null,
    minTierLevel: 1,
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
