// Growth settings: rule weights and caps, tiers and their perks, point expiry.
// Defaults live here; a host's changes are stored as one document.
import type { GrowthSettings, RuleSettings, Tier } from '../../../types/growth'
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'

export const SETTINGS_DOC = 'growth'

export const DEFAULT_RULES: RuleSettings = {
  // At most 50 check-in points a China day however many challenges a member is in (the host can change it or lift it).
  checkinPosted: { points: 10, growth: 10, dailyCap: 50 },
  streakReached: { points: 50, growth: 30, dailyCap: null },
  challengeCompleted: { points: 100, growth: 100, dailyCap: null },
  featuredByHost: { points: 20, growth: 20, dailyCap: null },
  commentReceived: { points: 2, growth: 1, dailyCap: 20 },
  eventAttended: { points: 30, growth: 30, dailyCap: null },
  inviteActivated: { points: 50, growth: 30, dailyCap: 200 },
  firstPayment: { points: 100, growth: 100, dailyCap: null },
  // A check-in that was the last thing a new payer read before paying (domain/analytics); 0 switches it off.
  testimonialConverted: { points: 50, growth: 20, dailyCap: null }
}

export const DEFAULT_TIERS: Tier[] = [
  { level: 1, name: '新人', minGrowth: 0, perks: { eventDiscountPercent: 0, monthlyMakeupCards: 0, badge: '' } },
  { level: 2, name: '活跃', minGrowth: 100, perks: { eventDiscountPercent: 5, monthlyMakeupCards: 1, badge: '活跃' } },
  { level: 3, name: '核心', minGrowth: 500, perks: { eventDiscountPercent: 10, monthlyMakeupCards: 2, badge: '核心' } },
  { level: 4, name: 'KOL', minGrowth: 2000, perks: { eventDiscountPercent: 20, monthlyMakeupCards: 4, badge: 'KOL' } }
]

export const DEFAULT_SETTINGS: GrowthSettings = { rules: DEFAULT_RULES, tiers: DEFAULT_TIERS, pointsExpireMonths: 12 }

interface SettingsDoc extends GrowthSettings {
  _id: string
  updatedAt: number
}

/**
 * How long a function instance keeps the settings it read. On CloudBase every
 * read is a network round trip and a warm instance serves many calls; a host's
 * change reaches other instances within this long (the instance that saved it
 * at once).
 */
export const SETTINGS_CACHE_MS = 30_000

/** Per Store instance, so a fresh store (a test's, a new runtime's) never sees another's settings. */
const cache = new WeakMap<object, { settings: GrowthSettings; readAt: number }>()
/** Saves per Store instance: a read that started before a save must not refill the cache after it. */
const saves = new WeakMap<object, number>()

export async function loadSettings(runtime: Runtime): Promise<GrowthSettings> {
  const key = runtime.store
  const now = runtime.clock.now()
  const hit = cache.get(key)
  if (hit && now >= hit.readAt && now - hit.readAt < SETTINGS_CACHE_MS) return hit.settings
  const savesBefore = saves.get(key) ?? 0
  const doc = await runtime.store.collection<SettingsDoc>(COLLECTIONS.settings.name).get(SETTINGS_DOC)
  const settings = doc ? { rules: { ...DEFAULT_RULES, ...doc.rules }, tiers: doc.tiers ?? DEFAULT_TIERS, pointsExpireMonths: doc.pointsExpireMonths ?? 12 } : DEFAULT_SETTINGS
  if ((saves.get(key) ?? 0) === savesBefore) cache.set(key, { settings, readAt: now })
  return settings
}

export async function saveSettings(runtime: Runtime, settings: GrowthSettings, now: number): Promise<void> {
  const key = runtime.store
  saves.set(key, (saves.get(key) ?? 0) + 1)
  cache.delete(key)
  try {
    await runtime.store.collection<SettingsDoc>(COLLECTIONS.settings.name).set({ _id: SETTINGS_DOC, ...settings, updatedAt: now })
  } finally {
    // Again after the write: a read that ran alongside it may have seen the old document.
    saves.set(key, (saves.get(key) ?? 0) + 1)
    cache.delete(key)
  }
}

/** The highest tier whose threshold the growth value reaches. */
export function tierFor(growth: number, tiers: Tier[]): Tier {
  const sorted = [...tiers].sort((a, b) => a.minGrowth - b.minGrowth)
  return sorted.filter((tier) => growth >= tier.minGrowth).pop() ?? sorted[0]
}

export function nextTier(tier: Tier, tiers: Tier[]): Tier | null {
  return [...tiers].sort((a, b) => a.minGrowth - b.minGrowth).find((t) => t.minGrowth > tier.minGrowth) ?? null
}
