// A paid circle with a members-only challenge, a free circle, and a trial circle.
import type { Runtime } from '../../cloudfunctions/platform/runtime'
import { createCircle } from '../../cloudfunctions/domain/membership/circle-admin'
import { createChallenge } from '../../cloudfunctions/domain/checkin/challenge-admin'
import { joinFree } from '../../cloudfunctions/domain/membership/orders'
import { chinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import { personaOpenid } from './personas'
import { DEMO_PALETTES, gradientPng } from './demo-images'

export async function seedCircles(runtime: Runtime, now: number): Promise<void> {
  const host = { openid: personaOpenid('host'), role: 'owner' as const }
  const cover = async (n: number) => (await runtime.files.save(host.openid, gradientPng(...DEMO_PALETTES[n]), 'image/png')).fileId
  const base = { joinQuestions: [] as string[], fullRefundDays: 7, refundAfter: 'prorata' as const, trialDays: 7 }
  const camp = await createCircle(
    runtime,
    host,
    {
      ...base,
      name: '减脂私教营',
      description: '林教练的付费私教圈：专属饮食计划、会员专属打卡挑战、主理人点评与活动优惠。7 天内不满意全额退款。',
      coverFileId: await cover(5),
      kind: 'paid',
      plans: [
        { name: '月卡', days: 30, priceFen: 9900 },
        { name: '季卡', days: 90, priceFen: 26900 },
        { name: '年卡', days: 365, priceFen: 36500 }
      ]
    },
    now - 10 * 24 * 3600_000
  )
  const runners = await createCircle(
    runtime,
    host,
    {
      ...base,
      name: '跑步爱好者',
      description: '免费的跑步交流圈，分享路线和装备。',
      coverFileId: await cover(1),
      kind: 'free',
      plans: [],
      joinQuestions: ['你平时一周跑几次？']
    },
    now - 9 * 24 * 3600_000
  )
  await createCircle(
    runtime,
    host,
    {
      ...base,
      name: '早餐营养研究所',
      description: '先免费体验 7 天，再决定是否加入。',
      coverFileId: await cover(2),
      kind: 'trialThenPaid',
      plans: [{ name: '月卡', days: 30, priceFen: 1990 }]
    },
    now - 8 * 24 * 3600_000
  )
  await createChallenge(
    runtime,
    host,
    {
      title: '私教营·14 天控糖',
      description: '会员专属：每天记录一餐，教练逐条点评。',
      coverFileId: await cover(4),
      startDate: chinaDate(now),
      days: 14,
      windowStart: '05:00',
      windowEnd: '23:59',
      minTextLength: 5,
      minPhotos: 0,
      maxPhotos: 9,
      pointsPerCheckin: 15,
      streakBonuses: [{ day: 7, points: 60 }],
      makeupCardsPerMember: 1,
      circleId: camp.id,
      minTierLevel: 1
    },
    now
  )
  await joinFree(runtime, { openid: personaOpenid('ajie'), role: 'member' }, runners.id, ['每周三次'], now)
}
