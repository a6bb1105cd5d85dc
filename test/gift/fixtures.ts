// 送 gifts in a few lines: a paid circle, a coupon campaign, an invite join, a paid gift card.
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import { payNotifyMain } from '../../cloudfunctions/functions'
import type { WelcomeGift } from '../../types/gift'
import { paidCircleInput } from '../plays/fixtures'

export const DAY = 24 * 3600_000

export async function paidCircle(name = '减脂私教营'): Promise<{ circleId: string; planId: string }> {
  const circle = ok(await call('membership', 'createCircle', paidCircleInput(name), HOST))
  return { circleId: circle.id, planId: circle.plans[0].id }
}

export async function campaign(runtime: TestRuntime, stock = 100): Promise<string> {
  const now = runtime.clock.now()
  return ok(
    await call(
      'rewards',
      'createCampaign',
      { name: '新人礼券', kind: 'amountOff', amountOffFen: 1000, percentOff: 0, minSpendFen: 0, validFrom: now - DAY, validTo: now + 60 * DAY, appliesTo: ['membership'], stock, channel: 'reward' },
      HOST
    )
  ).id
}

export async function setWelcome(welcome: WelcomeGift) {
  return ok(await call('gifts', 'setWelcomeGift', { welcome }, HOST))
}

/** The inviter's code (made on first ask). */
export async function inviteCodeOf(openid: string): Promise<string> {
  return ok(await call('leaderboard', 'myInvite', {}, openid)).code
}

/** A new member's first login, carrying an invite code (as the app does after an invite link). */
export async function joinThrough(code: string, openid: string) {
  return ok(await call('member', 'me', { inviteCode: code }, openid))
}

export const deliver = (notify: { headers: Record<string, string>; body: string }) => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false })
export async function pay(runtime: TestRuntime, orderId: string): Promise<void> {
  const answer = await deliver(await runtime.payments.pay(orderId))
  if (answer.statusCode >= 300) throw new Error(`payNotify answered ${answer.statusCode}`)
}

/** A gift card bought and paid for by `buyer`. */
export async function paidCard(runtime: TestRuntime, buyer: string, circle?: { circleId: string; planId: string }, message = '一起变更好') {
  const { circleId, planId } = circle ?? (await paidCircle())
  const bought = ok(await call('gifts', 'buyGiftCard', { circleId, planId, message }, buyer))
  await pay(runtime, bought.orderId)
  return { circleId, planId, cardId: bought.cardId, orderId: bought.orderId }
}

/** Runs the timer's jobs as the cron function does. */
export async function runTimer(): Promise<Record<string, number>> {
  const report = ok(await call('settle', 'run', { jobs: ['refundUnclaimedGiftCards', 'reconcileRefunds'] }, HOST))
  const job = report.jobs.find((j) => j.job === 'refundUnclaimedGiftCards')!
  if (!job.ok) throw new Error(job.error)
  return job.counts
}
