// A claimable coupon campaign, as the host creates it (¥20 off ¥50, 10 in stock,
// valid for 30 days from now), for tests that need one to claim or manage.
import { HOST, call, ok } from './test-runtime'
import type { Clock } from '../../cloudfunctions/ports/clock'
import type { CampaignInput } from '../../types/coupons'

export async function createCouponCampaign(clock: Clock, overrides: Partial<CampaignInput> = {}) {
  return ok(
    await call(
      'rewards',
      'createCampaign',
      {
        name: '新人立减 20 元',
        kind: 'amountOff',
        amountOffFen: 2000,
        percentOff: 0,
        minSpendFen: 5000,
        validFrom: clock.now() - 1000,
        validTo: clock.now() + 30 * 24 * 3600_000,
        appliesTo: ['membership', 'event'],
        stock: 10,
        ...overrides
      },
      HOST
    )
  )
}

/** A prize campaign for events (channel 'reward': hidden from members, handed out by a contest or the mall), no minimum spend, valid from now for 30 days. */
export async function createRewardCampaign(clock: Clock, overrides: Partial<CampaignInput> = {}) {
  return createCouponCampaign(clock, { minSpendFen: 0, validFrom: clock.now(), appliesTo: ['event'], channel: 'reward', ...overrides })
}
