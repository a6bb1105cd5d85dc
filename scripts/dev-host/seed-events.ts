// Upcoming and past events, with some members already signed up.
import type { LocalRuntime } from '../../cloudfunctions/adapters/local/local-runtime'
import { handlePayNotify } from '../../cloudfunctions/domain/membership/pay-notify'
import { createEvent } from '../../cloudfunctions/domain/events/admin'
import { signup } from '../../cloudfunctions/domain/events/signups'
import { addDays, chinaDate, startOfChinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import { personaOpenid } from './personas'
import { DEMO_PALETTES, gradientPng } from './demo-images'

export async function seedEvents(runtime: LocalRuntime, now: number): Promise<void> {
  const host = { openid: personaOpenid('host'), role: 'owner' as const }
  const cover = async (n: number) => (await runtime.files.save(host.openid, gradientPng(...DEMO_PALETTES[n]), 'image/png')).fileId
  const at = (days: number, hour: number) => startOfChinaDate(addDays(chinaDate(now), days)) + hour * 3600_000
  const base = { circleId: null, tierDiscount: true, refundableHoursBefore: 24, onlineLink: '', address: '' }
  const hike = await createEvent(
    runtime,
    host,
    {
      ...base,
      title: '周末徒步·滨江 10 公里',
      description: '集合后热身，沿滨江步道走 10 公里，终点合影。报名费到场后全额退还（防鸽子）。',
      coverFileId: await cover(1),
      startAt: at(5, 9),
      endAt: at(5, 12),
      mode: 'offline',
      address: '上海市徐汇区龙腾大道 2350 号（西岸美术馆门口）',
      capacity: 20,
      feeFen: 2000,
      signupDeadline: at(4, 20),
      feeReturn: 'refund'
    },
    now - 2 * 24 * 3600_000
  )
  await createEvent(
    runtime,
    host,
    {
      ...base,
      title: '线上分享：如何吃得饱又能瘦',
      description: '林教练直播讲解一日三餐搭配，答疑 30 分钟。',
      coverFileId: await cover(3),
      startAt: at(2, 20),
      endAt: at(2, 21),
      mode: 'online',
      onlineLink: 'https://meeting.tencent.com/dm/demo',
      capacity: 200,
      feeFen: 0,
      signupDeadline: at(2, 19),
      feeReturn: 'none'
    },
    now - 24 * 3600_000
  )
  await createEvent(
    runtime,
    host,
    {
      ...base,
      title: '上月线下见面会',
      description: '感谢大家的到来！',
      coverFileId: await cover(2),
      startAt: at(-20, 14),
      endAt: at(-20, 17),
      mode: 'offline',
      address: '上海市静安区南京西路 1266 号',
      capacity: 30,
      feeFen: 0,
      signupDeadline: at(-21, 20),
      feeReturn: 'none'
    },
    now - 30 * 24 * 3600_000
  )
  // Two members hold seats in the paid hike (confirmed by the sandbox as if they paid).
  for (const persona of ['xiaomei', 'dawei']) {
    const result = await signup(runtime, { openid: personaOpenid(persona), role: 'member' }, hike.id, now)
    if (result.signup.orderId) {
      const notify = await runtime.payments.pay(result.signup.orderId)
      await handlePayNotify(runtime, { headers: notify.headers, body: notify.body })
    }
  }
}
