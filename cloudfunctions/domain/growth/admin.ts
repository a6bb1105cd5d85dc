// Host controls: rule weights and caps, tiers, expiry, and manual adjustments
// (which are ledger entries too, keyed by the host's request id).
import type { AdjustPointsInput, GrowthSettings, LedgerEntryView, UpdateGrowthSettingsInput } from '../../../types/growth'
import { AppError } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { MEMBERS } from '../members/member'
import { grant, spend, entryId } from './ledger'
import { loadSettings, saveSettings } from './settings'
import { toLedgerView } from './summary'
import { LEDGER, type LedgerEntryDoc } from './wallet'

export async function updateGrowthSettings(runtime: Runtime, input: UpdateGrowthSettingsInput, now: number): Promise<GrowthSettings> {
  const current = await loadSettings(runtime)
  const next: GrowthSettings = {
    rules: { ...current.rules, ...(input.rules ?? {}) } as GrowthSettings['rules'],
    tiers: input.tiers ?? current.tiers,
    pointsExpireMonths: input.pointsExpireMonths ?? current.pointsExpireMonths
  }
  const levels = next.tiers.map((t) => t.level).sort((a, b) => a - b)
  if (levels[0] !== 1 || levels.some((level, i) => level !== i + 1)) throw new AppError('INVALID_INPUT', '等级需从 Lv1 开始连续编号', 'tiers')
  const byLevel = [...next.tiers].sort((a, b) => a.level - b.level)
  if (byLevel[0].minGrowth !== 0) throw new AppError('INVALID_INPUT', 'Lv1 的成长值门槛必须是 0', 'tiers')
  if (byLevel.some((tier, i) => i > 0 && tier.minGrowth <= byLevel[i - 1].minGrowth)) throw new AppError('INVALID_INPUT', '等级越高，成长值门槛必须越高', 'tiers')
  await saveSettings(runtime, next, now)
  return next
}

export async function adjustPoints(runtime: Runtime, input: AdjustPointsInput, now: number): Promise<LedgerEntryView> {
  if (!(await runtime.store.collection(MEMBERS).get(input.memberOpenid))) throw new AppError('NOT_FOUND', '成员不存在', 'memberOpenid')
  const reason = `主理人调整：${input.reason.trim()}`
  const refId = `manual:${input.requestId}`
  const settings = await loadSettings(runtime)
  await runtime.store.transaction(async (tx) => {
    if (input.points > 0) {
      await grant(tx, { openid: input.memberOpenid, rule: 'manual', refId, reason, points: input.points, growth: 0, dailyCap: null, expireMonths: settings.pointsExpireMonths, now }, settings.tiers)
    } else {
      await spend(tx, { openid: input.memberOpenid, rule: 'manual', refId, reason, amount: -input.points, now, strict: true })
    }
  })
  return toLedgerView((await runtime.store.collection<LedgerEntryDoc>(LEDGER).get(entryId(input.memberOpenid, 'manual', refId)))!)
}
