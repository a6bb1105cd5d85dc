// A circle as the host makes it: by default the createCircle action's own example
// (减脂训练营, paid, one 30-day 月卡 at ¥99, 7 days' trial and full refund, then
// pro rata); a test names only what its rule depends on.
import { HOST, call, ok } from './test-runtime'
import type { CircleInput } from '../../types/membership'

/** The plans the tests sell: 月卡 ¥99 for 30 days, 季卡 ¥269 for 90, 年卡 ¥365 for 365. */
export const PLANS = {
  month: { name: '月卡', days: 30, priceFen: 9900 },
  quarter: { name: '季卡', days: 90, priceFen: 26900 },
  year: { name: '年卡', days: 365, priceFen: 36500 }
}

export const circleInput = (overrides: Partial<CircleInput> = {}): CircleInput => ({
  name: '减脂训练营',
  description: '每周直播 + 打卡监督',
  coverFileId: '',
  kind: 'paid',
  trialDays: 7,
  joinQuestions: [],
  plans: [PLANS.month],
  fullRefundDays: 7,
  refundAfter: 'prorata',
  ...overrides
})

/** Creates the circle as the host and returns it (its id, its plans with their ids). */
export async function createCircle(overrides: Partial<CircleInput> = {}) {
  return ok(await call('membership', 'createCircle', circleInput(overrides), HOST))
}
