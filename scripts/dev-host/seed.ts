// A small living community for a fresh data folder. Later capabilities add their
// demo content here (challenges, check-ins, points and mall, circles, events).
import type { LocalRuntime as Runtime } from '../../cloudfunctions/adapters/local/local-runtime'
import { ensureMember } from '../../cloudfunctions/domain/members/ensure-member'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { isConflict } from '../../cloudfunctions/ports/store'
import { SEED_PERSONAS, personaOpenid } from './personas'
import { seedCheckins } from './seed-checkins'
import { seedGrowth } from './seed-growth'
import { seedCircles } from './seed-circles'
import { seedEvents } from './seed-events'
import { saveCommunity } from '../../cloudfunctions/domain/community/settings'

const DAY = 24 * 3600_000
/** The demo community's name (the host can rename it in the console). */
export const DEMO_COMMUNITY_NAME = '林教练燃脂俱乐部'

export async function seedIfEmpty(runtime: Runtime): Promise<boolean> {
  try {
    await runtime.store.collection<{ _id: string; seededAt: number }>('meta').insert({ _id: 'seed', seededAt: runtime.clock.now() })
  } catch (error) {
    if (isConflict(error)) return false
    throw error
  }
  await seedCommunity(runtime)
  return true
}

async function seedCommunity(runtime: Runtime): Promise<void> {
  const now = runtime.clock.now()
  await saveCommunity(runtime, { name: DEMO_COMMUNITY_NAME }, personaOpenid('host'), now)
  const members = runtime.store.collection<MemberDoc>(MEMBERS)
  for (const [index, { persona, nickname }] of SEED_PERSONAS.entries()) {
    const openid = personaOpenid(persona)
    // Stagger join dates so the community looks lived in.
    const joinedAt = now - (SEED_PERSONAS.length - index) * 9 * DAY
    await ensureMember(runtime, openid, runtime.config.hostOpenids.has(openid), joinedAt)
    await members.update(openid, { set: { nickname, joinedAt } })
  }
  await seedCheckins(runtime, now)
  await seedGrowth(runtime, now)
  await seedCircles(runtime, now)
  await seedEvents(runtime, now)
}
