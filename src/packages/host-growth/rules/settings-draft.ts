import type { GrowthRule, GrowthSettings, RuleSetting, Tier, UpdateGrowthSettingsInput } from '../../../../types/growth'
import { RULES } from '../labels'

// The rules form keeps what the host typed as text, so a half-typed number is
// not rewritten under their fingers; it becomes numbers only on save, checked
// against the server's own limits (cloudfunctions/domain/growth/schemas.ts).
// Error keys are the server's field paths, so its answers land on the same field.

export interface RuleDraft {
  points: string
  growth: string
  dailyCap: string
}
export interface TierDraft {
  name: string
  minGrowth: string
  discount: string
  cards: string
  badge: string
}
export interface SettingsDraft {
  rules: Record<GrowthRule, RuleDraft>
  tiers: TierDraft[]
  expireMonths: string
}
export type DraftErrors = Record<string, string>

export const MAX_TIERS = 10

export function toDraft(settings: GrowthSettings): SettingsDraft {
  const rules = {} as Record<GrowthRule, RuleDraft>
  for (const { rule } of RULES) {
    const s = settings.rules[rule]
    rules[rule] = { points: String(s.points), growth: String(s.growth), dailyCap: s.dailyCap === null ? '' : String(s.dailyCap) }
  }
  const tiers = [...settings.tiers]
    .sort((a, b) => a.level - b.level)
    .map((t) => ({
      name: t.name,
      minGrowth: String(t.minGrowth),
      discount: String(t.perks.eventDiscountPercent),
      cards: String(t.perks.monthlyMakeupCards),
      badge: t.perks.badge
    }))
  return { rules, tiers, expireMonths: String(settings.pointsExpireMonths) }
}

export function newTierDraft(previous: TierDraft | undefined): TierDraft {
  const floor = Number(previous?.minGrowth) || 0
  return { name: '', minGrowth: String(floor > 0 ? floor * 2 : 100), discount: '0', cards: '0', badge: '' }
}

function parseWhole(raw: string, min: number, max: number, what: string): number | string {
  const text = raw.trim()
  if (!/^-?\d+$/.test(text)) return `请填写${what}（整数）`
  const n = Number(text)
  if (n < min) return `${what}不能小于 ${min}`
  if (n > max) return `${what}不能大于 ${max}`
  return n
}

export function fromDraft(draft: SettingsDraft): { input: UpdateGrowthSettingsInput; errors: DraftErrors } {
  const errors: DraftErrors = {}
  const num = (path: string, raw: string, min: number, max: number, what: string): number => {
    const value = parseWhole(raw, min, max, what)
    if (typeof value === 'string') {
      errors[path] = value
      return 0
    }
    return value
  }

  const rules = {} as Record<GrowthRule, RuleSetting>
  for (const { rule } of RULES) {
    const d = draft.rules[rule]
    const base = `rules.${rule}`
    rules[rule] = {
      points: num(`${base}.points`, d.points, 0, 100000, '积分'),
      growth: num(`${base}.growth`, d.growth, 0, 100000, '成长值'),
      dailyCap: d.dailyCap.trim() === '' ? null : num(`${base}.dailyCap`, d.dailyCap, 1, 1000000, '每日上限')
    }
  }

  const tiers: Tier[] = draft.tiers.map((d, i) => {
    const base = `tiers.${i}`
    const name = d.name.trim()
    if (!name) errors[`${base}.name`] = '请填写等级名称'
    else if (Array.from(name).length > 10) errors[`${base}.name`] = '等级名称最多 10 个字'
    const badge = d.badge.trim()
    if (Array.from(badge).length > 6) errors[`${base}.perks.badge`] = '徽章最多 6 个字'
    return {
      level: i + 1,
      name,
      minGrowth: num(`${base}.minGrowth`, d.minGrowth, 0, 100_000_000, '成长值门槛'),
      perks: {
        eventDiscountPercent: num(`${base}.perks.eventDiscountPercent`, d.discount, 0, 100, '活动折扣'),
        monthlyMakeupCards: num(`${base}.perks.monthlyMakeupCards`, d.cards, 0, 30, '每月补卡'),
        badge
      }
    }
  })
  if (tiers.length > 0 && !errors['tiers.0.minGrowth'] && tiers[0].minGrowth !== 0) errors['tiers.0.minGrowth'] = 'Lv1 的成长值门槛必须是 0'
  tiers.forEach((tier, i) => {
    const key = `tiers.${i}.minGrowth`
    if (i > 0 && !errors[key] && !errors[`tiers.${i - 1}.minGrowth`] && tier.minGrowth <= tiers[i - 1].minGrowth) {
      errors[key] = `需高于 Lv${i} 的门槛 ${tiers[i - 1].minGrowth}`
    }
  })

  const pointsExpireMonths = num('pointsExpireMonths', draft.expireMonths, 0, 120, '积分有效期')
  return { input: { rules, tiers, pointsExpireMonths }, errors }
}
