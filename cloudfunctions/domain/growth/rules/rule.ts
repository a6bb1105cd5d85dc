// A scoring rule: which fact it counts, how much it is worth, and how the
// member reads it in their ledger. One small file per rule.
import type { GrowthRule, RuleSetting } from '../../../../types/growth'
import type { FactDoc, FactType } from '../../facts/facts'

/** A rule for facts of type T (method syntax on purpose: the registry holds rules of every type as ScoringRule). */
export interface ScoringRule<T extends FactType = FactType> {
  rule: GrowthRule
  counts: T
  /** Points and growth for one fact; the rule's setting is the default, 0 points switches it off. */
  worth(event: FactDoc<T>, setting: RuleSetting): { points: number; growth: number }
  reason(event: FactDoc<T>): string
}

export function fromSetting(_event: FactDoc, setting: RuleSetting): { points: number; growth: number } {
  return { points: setting.points, growth: setting.growth }
}

/** The fact's own figure (a challenge's points per check-in, a streak bonus) when it carries one. */
export function fromPayloadPoints(event: FactDoc<'checkin.posted' | 'streak.reached'>, setting: RuleSetting): { points: number; growth: number } {
  const own = event.payload.points
  return { points: typeof own === 'number' ? own : setting.points, growth: setting.growth }
}
