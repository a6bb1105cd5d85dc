// A flash sale of each kind in one line, paying and closing as the timer does.
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import { payNotifyMain } from '../../cloudfunctions/functions'
import type { CreateFlashSaleInput, FlashSaleTarget } from '../../types/flash-sale'
import type { EventInput } from '../../types/events'
import { paidCircleInput, paidEventInput } from '../plays/fixtures'

export const MIN = 60_000
export const HOUR = 60 * MIN

export async function paidCircle(): Promise<{ circleId: string; planId: string }> {
  const circle = ok(await call('membership', 'createCircle', paidCircleInput('私教营'), HOST))
  return { circleId: circle.id, planId: circle.plans[0].id }
}

export async function paidEvent(runtime: TestRuntime, overrides: Partial<EventInput> = {}): Promise<string> {
  return ok(await call('events', 'createEvent', paidEventInput(runtime.clock.now(), overrides), HOST)).id
}

export async function mallItem(kind: 'physical' | 'virtual' | 'makeupCard' = 'makeupCard', stock = 10): Promise<string> {
  return ok(
    await call('growth', 'createMallItem', { name: '补卡一张', description: '', imageFileId: '', kind, pricePoints: 100, stock, minTierLevel: 1, perMemberLimit: 0, couponCampaignId: null }, HOST)
  ).id
}

export async function createSale(runtime: TestRuntime, target: FlashSaleTarget, overrides: Partial<CreateFlashSaleInput> = {}) {
  const now = runtime.clock.now()
  return ok(await call('sales', 'createFlashSale', { target, title: '限时秒杀', priceFen: 990, stock: 50, startAt: now + HOUR, endAt: now + 2 * HOUR, ...overrides }, HOST))
}

export async function planSale(runtime: TestRuntime, overrides: Partial<CreateFlashSaleInput> = {}) {
  const { circleId, planId } = await paidCircle()
  return { circleId, sale: await createSale(runtime, { type: 'plan', circleId, planId }, overrides) }
}

export const deliver = (notify: { headers: Record<string, string>; body: string }) => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false })
export async function pay(runtime: TestRuntime, orderId: string): Promise<void> {
  const answer = await deliver(await runtime.payments.pay(orderId))
  if (answer.statusCode >= 300) throw new Error(`payNotify answered ${answer.statusCode}`)
}
