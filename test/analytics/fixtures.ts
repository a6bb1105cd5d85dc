// Shared steps for the analytics tests: a paid circle, paying for it through the sandbox provider, cron runs.
import { call, ok, type TestRuntime } from '../helpers/test-runtime'
import { payOrder } from '../helpers/pay'
import { createCircle } from '../helpers/circle'
import { runJobsByName } from '../../cloudfunctions/domain/jobs/jobs'

export async function paidCircle(): Promise<{ circleId: string; planId: string; priceFen: number }> {
  const circle = await createCircle()
  return { circleId: circle.id, planId: circle.plans[0].id, priceFen: 9900 }
}

/** Orders and pays (the provider's notify delivered): the member's payment.first fact when it is their first. */
export async function pay(runtime: TestRuntime, circle: { circleId: string; planId: string }, openid: string): Promise<string> {
  const { order } = ok(await call('membership', 'createOrder', { circleId: circle.circleId, planId: circle.planId }, openid))
  await payOrder(runtime, order.id)
  return order.id
}

/** Runs the named jobs until they report no work (at most 30 runs). */
export async function drain(runtime: TestRuntime, jobs: string[]): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const report = await runJobsByName(runtime, jobs)
    const failed = report.jobs.find((j) => !j.ok)
    if (failed) throw new Error(`${failed.job}: ${failed.error}`)
    if (report.jobs.every((j) => Object.values(j.counts).every((n) => n === 0))) return
  }
}
