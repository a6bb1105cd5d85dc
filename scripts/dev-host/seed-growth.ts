// Points from the seeded check-ins, and a points mall with something to buy.
import type { Runtime } from '../../cloudfunctions/platform/runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { moveBoards } from '../../cloudfunctions/domain/leaderboard/move-boards'
import { createMallItem } from '../../cloudfunctions/domain/growth/mall'
import { createCampaign } from '../../cloudfunctions/domain/rewards/campaign-admin'
import { createContest } from '../../cloudfunctions/domain/leaderboard/contests'
import { personaOpenid } from './personas'
import { DEMO_PALETTES, gradientPng } from './demo-images'

export async function seedGrowth(runtime: Runtime, now: number): Promise<void> {
  while ((await applyFacts(runtime, { limit: 200 })).applied > 0) {
    /* settle every seeded fact */
  }
  while ((await moveBoards(runtime)).facts > 0) {
    /* and move the boards, as the timer would */
  }
  const host = { openid: personaOpenid('host'), role: 'owner' as const }
  const image = async (n: number) => (await runtime.files.save(host.openid, gradientPng(...DEMO_PALETTES[n]), 'image/png')).fileId
  const items = [
    { name: '补卡券', description: '错过打卡也不怕：在任意挑战中补一天（最近 3 天内）。', kind: 'makeupCard' as const, pricePoints: 30, stock: 200, minTierLevel: 1, perMemberLimit: 0 },
    { name: '社群定制运动水杯', description: '600ml 大容量，印有社群 logo，包邮到家。', kind: 'physical' as const, pricePoints: 300, stock: 20, minTierLevel: 1, perMemberLimit: 1 },
    { name: '一对一饮食点评', description: '教练亲自点评你一周的饮食记录（核心成员专享）。', kind: 'virtual' as const, pricePoints: 500, stock: 10, minTierLevel: 3, perMemberLimit: 1 }
  ]
  for (const [i, item] of items.entries()) await createMallItem(runtime, host, { ...item, imageFileId: await image(i + 3) }, now - (items.length - i) * 1000)
  await createCampaign(
    runtime,
    {
      name: '新人立减 20 元',
      kind: 'amountOff',
      amountOffFen: 2000,
      percentOff: 0,
      minSpendFen: 5000,
      validFrom: now - 24 * 3600_000,
      validTo: now + 60 * 24 * 3600_000,
      appliesTo: ['membership', 'event'],
      stock: 100
    },
    now
  )
  // An invite contest under way, whose winner also gets a free ticket to any event.
  const ticket = await createCampaign(
    runtime,
    {
      name: '邀请赛奖品·免费活动票',
      kind: 'freeTicket',
      amountOffFen: 0,
      percentOff: 0,
      minSpendFen: 0,
      validFrom: now - 24 * 3600_000,
      validTo: now + 90 * 24 * 3600_000,
      appliesTo: ['event'],
      stock: 3,
      channel: 'reward',
      eventId: null
    },
    now
  )
  await createContest(
    runtime,
    {
      title: '老带新邀请赛',
      startAt: now - 3 * 24 * 3600_000,
      endAt: now + 11 * 24 * 3600_000,
      prizes: [
        { points: 500, couponCampaignId: ticket.id },
        { points: 300, couponCampaignId: null },
        { points: 100, couponCampaignId: null }
      ]
    },
    now
  )
}
