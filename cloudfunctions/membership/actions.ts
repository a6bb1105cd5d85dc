import { defineActions } from '../platform/define-action'
import * as s from '../domain/membership/schemas'
import { archiveCircle, createCircle, getCircleDetail, listCircles, updateCircle } from '../domain/membership/circle-admin'
import { cancelOrder, createOrder, flaggedPayments, getOrder, joinFree, listOrders, myMemberships, myOrders, startTrial } from '../domain/membership/orders'
import { hostRefund, requestRefund } from '../domain/membership/refunds'
import { refundAndCancelSeat } from '../domain/events/signups'
import { pageInput, emptyInput } from '../domain/growth/schemas'

const EXAMPLE_CIRCLE = {
  name: '减脂训练营',
  description: '每周直播 + 打卡监督',
  coverFileId: '',
  kind: 'paid' as const,
  trialDays: 7,
  joinQuestions: [],
  plans: [{ name: '月卡', days: 30, priceFen: 9900 }],
  fullRefundDays: 7,
  refundAfter: 'prorata' as const
}

export const membershipActions = defineActions('membership', {
  listCircles: { role: 'member', input: pageInput, example: {}, handle: (input, { runtime, caller, now }) => listCircles(runtime, caller, input, now) },
  getCircle: { role: 'member', input: s.circleIdInput, example: { circleId: 'c1' }, handle: (input, { runtime, caller, now }) => getCircleDetail(runtime, caller, input.circleId, now) },
  joinFree: {
    role: 'member',
    input: s.joinFreeInput,
    example: { circleId: 'c1', answers: [] },
    handle: (input, { runtime, caller, now }) => joinFree(runtime, caller, input.circleId, input.answers, now)
  },
  startTrial: { role: 'member', input: s.circleIdInput, example: { circleId: 'c1' }, handle: (input, { runtime, caller, now }) => startTrial(runtime, caller, input.circleId, now) },
  createOrder: {
    role: 'member',
    input: s.createOrderInput,
    example: { circleId: 'c1', planId: 'p1' },
    handle: (input, { runtime, caller, now }) => createOrder(runtime, caller, input.circleId, input.planId, now, input.couponId)
  },
  getOrder: { role: 'member', input: s.orderIdInput, example: { orderId: 'M1' }, handle: (input, { runtime, caller }) => getOrder(runtime, caller, input.orderId) },
  myOrders: { role: 'member', input: s.myOrdersInput, example: { kind: 'membership' }, handle: (input, { runtime, caller }) => myOrders(runtime, caller.openid, input) },
  myMemberships: { role: 'member', input: emptyInput, example: {}, handle: (_input, { runtime, caller, now }) => myMemberships(runtime, caller.openid, now) },
  cancelOrder: { role: 'member', input: s.orderIdInput, example: { orderId: 'M1' }, handle: (input, { runtime, caller }) => cancelOrder(runtime, caller, input.orderId) },
  requestRefund: { role: 'member', input: s.orderIdInput, example: { orderId: 'M1' }, handle: (input, { runtime, caller }) => requestRefund(runtime, caller, input.orderId) },
  createCircle: { role: 'admin', input: s.circleInput, example: EXAMPLE_CIRCLE, handle: (input, { runtime, caller, now }) => createCircle(runtime, caller, input, now) },
  updateCircle: { role: 'admin', input: s.updateCircleInput, example: { circleId: 'c1', name: '新名字' }, handle: (input, { runtime, caller, now }) => updateCircle(runtime, caller, input, now) },
  archiveCircle: { role: 'admin', input: s.circleIdInput, example: { circleId: 'c1' }, handle: (input, { runtime, now }) => archiveCircle(runtime, input.circleId, now) },
  listOrders: { role: 'admin', input: s.listOrdersInput, example: {}, handle: (input, { runtime }) => listOrders(runtime, input) },
  refundOrder: {
    role: 'admin',
    input: s.hostRefundInput,
    example: { orderId: 'M1', amountFen: 100, requestId: 'r0001', reason: '协商退款' },
    handle: (input, { runtime }) => (input.cancelSignup ? refundAndCancelSeat(runtime, input) : hostRefund(runtime, input))
  },
  flaggedPayments: { role: 'admin', input: pageInput, example: {}, handle: (input, { runtime }) => flaggedPayments(runtime, input) }
})
