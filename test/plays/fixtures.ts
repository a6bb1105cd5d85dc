// What every growth play's tests and budget scenarios sell or give: a paid
// circle with a 月卡 plan and a paid event a week ahead, as the host makes them.
import type { EventInput } from '../../types/events'

export const HOUR = 3600_000

/** The host's input of a paid circle with one 30-day plan at ¥99. */
export const paidCircleInput = (name: string) => ({
  name,
  description: '',
  coverFileId: '',
  kind: 'paid' as const,
  trialDays: 7,
  joinQuestions: [],
  plans: [{ name: '月卡', days: 30, priceFen: 9900 }],
  fullRefundDays: 7,
  refundAfter: 'prorata' as const
})

/** The host's input of a ¥50 offline event of 20 seats a week after `now`. */
export function paidEventInput(now: number, overrides: Partial<EventInput> = {}): EventInput {
  const start = now + 7 * 24 * HOUR
  return {
    title: '周末徒步',
    description: '',
    coverFileId: '',
    startAt: start,
    endAt: start + 3 * HOUR,
    mode: 'offline',
    address: '香山公园东门',
    onlineLink: '',
    capacity: 20,
    feeFen: 5000,
    tierDiscount: false,
    signupDeadline: start - HOUR,
    circleId: null,
    refundableHoursBefore: 24,
    feeReturn: 'none',
    ...overrides
  }
}
