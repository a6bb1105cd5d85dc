// The attendee CSV lets a host reconcile money: what each member paid, what
// was refunded (yuan, from fen), and the order's status — paid signups that
// were cancelled and refunded stay on the sheet.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrder } from '../helpers/pay'
import type { EventInput } from '../../types/events'
import { eventInput as sharedEventInput } from '../helpers/event'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const eventInput = (overrides: Partial<EventInput> = {}) => sharedEventInput({ capacity: 10, feeFen: 2000, ...overrides })

function parse(csv: string): Array<Record<string, string>> {
  const [head, ...rows] = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
  return rows.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i]])))
}

test('the CSV shows what each member paid, what was refunded and the order status', async () => {
  const eventId = ok(await call('events', 'createEvent', eventInput(), HOST)).id
  const orders: Record<string, string> = {}
  for (const [openid, nickname] of [
    ['o_a', '阿满'],
    ['o_b', '小贝'],
    ['o_c', '小晨'],
    ['o_d', '大丁']
  ]) {
    ok(await call('member', 'updateProfile', { nickname }, openid))
    const s = ok(await call('events', 'signup', { eventId }, openid))
    orders[openid] = s.signup.orderId!
    if (openid === 'o_d') continue // held, not paid yet
    await payOrder(runtime, orders[openid])
  }
  // The host returns ¥5 of 小贝's fee; 小晨 cancels in time and gets all of it back.
  ok(await call('membership', 'refundOrder', { orderId: orders.o_b, amountFen: 500, requestId: 'partial', reason: '迟到补偿' }, HOST))
  ok(await call('events', 'cancelSignup', { eventId }, 'o_c'))

  const { csv } = ok(await call('events', 'exportAttendees', { eventId }, HOST))
  const rows = parse(csv)
  const row = (nickname: string) => rows.find((r) => r['昵称'] === nickname)
  expect(row('阿满')).toMatchObject({ 状态: '已确认', '实付（元）': '20.00', '退款（元）': '0.00', 订单状态: '已支付', 订单号: orders.o_a })
  expect(row('小贝')).toMatchObject({ 状态: '已确认', '实付（元）': '20.00', '退款（元）': '5.00', 订单状态: '部分退款', 订单号: orders.o_b })
  expect(row('小晨')).toMatchObject({ 状态: '已取消', '实付（元）': '20.00', '退款（元）': '20.00', 订单状态: '已退款', 订单号: orders.o_c })
  expect(row('大丁')).toMatchObject({ 状态: '待支付', '实付（元）': '0.00', '退款（元）': '0.00', 订单状态: '待支付' })
  expect(rows).toHaveLength(4)
})

test("a free event's sheet has empty money columns and no cancelled rows", async () => {
  const eventId = ok(await call('events', 'createEvent', eventInput({ feeFen: 0 }), HOST)).id
  ok(await call('events', 'signup', { eventId }, 'o_a'))
  ok(await call('events', 'signup', { eventId }, 'o_b'))
  ok(await call('events', 'cancelSignup', { eventId }, 'o_b'))
  const rows = parse(ok(await call('events', 'exportAttendees', { eventId }, HOST)).csv)
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ 状态: '已确认', '实付（元）': '0.00', '退款（元）': '0.00', 订单状态: '', 订单号: '' })
})
