// Demo challenges and a lived-in testimonial wall, made through the real domain
// with back-dated clocks so every counter, streak and fact is consistent.
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import type { Runtime } from '../../cloudfunctions/platform/runtime'
import type { Caller } from '../../cloudfunctions/platform/define-action'
import { createChallenge } from '../../cloudfunctions/domain/checkin/challenge-admin'
import { postCheckin } from '../../cloudfunctions/domain/checkin/post-checkin'
import { toggleLike } from '../../cloudfunctions/domain/checkin/likes'
import { addComment } from '../../cloudfunctions/domain/checkin/comment'
import { featureCheckin } from '../../cloudfunctions/domain/checkin/moderation'
import { addDays, chinaDate, startOfChinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import { personaOpenid } from './personas'
import { DEMO_PALETTES, gradientPng } from './demo-images'

const HOUR = 3600_000

const STORIES: Record<string, string[]> = {
  xiaomei: ['早餐燕麦+鸡蛋，午饭少油，晚上快走 40 分钟。', '今天体重 -0.4kg，坚持就有回报！', '跳了 20 分钟操，出了一身汗。', '晚饭只吃了七分饱，睡前不饿。', '第一次做到一周不喝奶茶 🎉'],
  dawei: ['5 公里慢跑，配速 6 分 10 秒。', '力量训练：深蹲 4 组，平板支撑 3 分钟。', '加班到很晚，还是抽空走了 8000 步。', '今天游泳 1000 米，腿有点酸。', '和同事一起午休散步，打卡！'],
  ajie: ['早上 6 点起床，跑步前喝了一杯温水。', '戒掉了夜宵第 4 天。', '骑车上班 12 公里。', '拉伸 15 分钟，肩颈舒服多了。'],
  lily: ['做了一份低卡沙拉，分享配方：鸡胸肉、牛油果、小番茄。', '瑜伽 30 分钟，心情很平静。', '周末爬山，出发！', '今天小腿有点酸，但还是完成了计划。']
}

export async function seedCheckins(runtime: Runtime, now: number): Promise<void> {
  const host: Caller = { openid: personaOpenid('host'), role: 'owner' }
  const today = chinaDate(now)
  const at = (date: string, hour: number) => startOfChinaDate(date) + hour * HOUR

  // Each photo its own picture: the photo integrity job compares them (demo-images.ts).
  let scenes = 0
  const photo = async (openid: string, n: number) => {
    const [from, to] = DEMO_PALETTES[n % DEMO_PALETTES.length]
    scenes += 1
    return (await runtime.files.save(openid, gradientPng(from, to, 240, scenes), 'image/png')).fileId
  }
  const cover = async (n: number) => photo(host.openid, n)

  const base = { windowStart: '05:00', windowEnd: '23:59', minTextLength: 5, minPhotos: 0, maxPhotos: 9, makeupCardsPerMember: 2, circleId: null, minTierLevel: 1 }
  const diet = await createChallenge(
    runtime,
    host,
    {
      ...base,
      title: '21 天减脂打卡',
      description: '每天记录饮食和运动，互相监督，21 天养成好习惯。坚持 7 天、21 天有额外积分奖励。',
      coverFileId: await cover(0),
      startDate: addDays(today, -5),
      days: 21,
      pointsPerCheckin: 10,
      streakBonuses: [
        { day: 7, points: 50 },
        { day: 21, points: 200 }
      ]
    },
    now - 6 * 24 * HOUR
  )
  await createChallenge(
    runtime,
    host,
    {
      ...base,
      title: '早起打卡 30 天',
      description: '每天 7 点前起床，拍一张清晨的照片。',
      coverFileId: await cover(1),
      startDate: addDays(today, -2),
      days: 30,
      windowStart: '05:00',
      windowEnd: '09:00',
      pointsPerCheckin: 5,
      streakBonuses: [{ day: 7, points: 30 }]
    },
    now - 3 * 24 * HOUR
  )
  await createChallenge(
    runtime,
    host,
    {
      ...base,
      title: '读书打卡·12 月',
      description: '每天读 20 页，写一句话感想。',
      coverFileId: await cover(2),
      startDate: addDays(today, 3),
      days: 31,
      minTextLength: 10,
      pointsPerCheckin: 5,
      streakBonuses: []
    },
    now - 24 * HOUR
  )

  let n = 0
  const posted: Array<{ id: string; openid: string }> = []
  for (let back = 5; back >= 0; back--) {
    const date = addDays(today, -back)
    for (const [persona, lines] of Object.entries(STORIES)) {
      if ((back + persona.length) % 4 === 0) continue // a few missed days make streaks realistic
      const openid = personaOpenid(persona)
      const when = at(date, 7 + (n % 12))
      if (when > now) continue // today's later hours have not happened yet
      const photos = n % 3 === 2 ? [] : await Promise.all(Array.from({ length: 1 + (n % 3) }, (_, i) => photo(openid, n + i)))
      const member = (await runtime.store.collection<MemberDoc>(MEMBERS).get(openid))!
      const { checkin } = await postCheckin(runtime, { openid, role: 'member' }, member, { challengeId: diet.id, text: lines[n % lines.length], photoFileIds: photos }, when)
      posted.push({ id: checkin.id, openid })
      n++
    }
  }
  const fans = ['xiaomei', 'dawei', 'ajie', 'lily', 'host'].map(personaOpenid)
  for (const [i, checkin] of posted.entries()) {
    for (const fan of fans.slice(0, (i * 7) % fans.length)) {
      if (fan !== checkin.openid) await toggleLike(runtime, { openid: fan, role: 'member' }, checkin.id, now)
    }
  }
  const cheers = ['太厉害了，向你学习！', '一起加油 💪', '配方收藏了', '坚持就是胜利']
  for (const [i, checkin] of posted.slice(-6).entries()) {
    const fan = fans[(i + 1) % 4]
    if (fan !== checkin.openid) await addComment(runtime, { openid: fan, role: 'member' }, { checkinId: checkin.id, text: cheers[i % cheers.length] }, now - (6 - i) * 600_000)
  }
  for (const checkin of [posted[2], posted[9]].filter(Boolean)) await featureCheckin(runtime, host, checkin.id, true, now)
}
