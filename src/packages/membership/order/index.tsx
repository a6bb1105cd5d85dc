import { useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import ErrorState, { ErrorPage } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { showError } from '../../../services/show-error'
import { setQueryData, usePullDownRefetch } from '../../../services/use-query'
import { canStillPay, formatOrderTime, isCircleOrder, membershipEndLabel, orderStatusOf, cancelOrder, orderKey, useCircle } from '../../../services/membership'
import { reopenSandboxPayment } from '../../../services/payment'
import { formatFen } from '../../../utils/format'
import type { OrderView } from '../../../../types/membership'
import { OrderStatusTag } from '../components/tags'
import { useCheckout } from '../components/use-checkout'
import { safeDecode } from '../params'
import { useOrderStatus } from './use-order-status'
import { CIRCLE_PAGE, MY_MEMBERSHIP_PAGE, circleUrl } from '../../../services/routes'
import './index.css'

export default function OrderPage() {
  const router = useRouter()
  const orderId = safeDecode(router.params.id)
  const order = useOrderStatus(orderId, router.params.after === 'paid')
  usePullDownRefetch(order.refetch)

  if (!orderId)
    return (
      <View className='page'>
        <View className='card'>
          <ErrorState
            error={new ApiCallError('NOT_FOUND', '缺少订单号')}
            onRetry={() => {
              void Taro.redirectTo({ url: MY_MEMBERSHIP_PAGE })
            }}
          />
        </View>
      </View>
    )
  if (order.loading) return <OrderSkeleton />
  if (!order.data) return <ErrorPage error={order.error} onRetry={order.refetch} />
  return <OrderDetail order={order.data} polling={order.polling} recheck={order.recheck} />
}

interface OrderDetailProps {
  order: OrderView
  polling: boolean
  recheck: () => Promise<OrderView>
}

function OrderDetail({ order, polling, recheck }: OrderDetailProps) {
  const status = orderStatusOf(order)
  return (
    <View className={`page order-page order-page-${status}`}>
      {order.status === 'fulfilled' ? <PaidHero order={order} /> : null}
      {order.status === 'created' ? <WaitingHero order={order} polling={polling} recheck={recheck} /> : null}
      {status === 'closed' ? <ClosedHero order={order} /> : null}
      {order.status === 'refunding' || order.status === 'refunded' ? <RefundHero order={order} /> : null}

      <View className='card order-info'>
        <View className='order-info-head row-between'>
          <Text className='order-info-title'>订单信息</Text>
          <OrderStatusTag status={status} />
        </View>
        <Row label={isCircleOrder(order) ? '圈子' : order.kind === 'event' ? '活动' : '内容'} value={order.circleName} />
        {isCircleOrder(order) ? (
          <Row label='套餐' value={order.days > 0 ? `${order.planName} · ${order.days} 天` : order.planName} />
        ) : (
          <Row label='类型' value={order.kind === 'event' ? '活动报名费' : order.planName} />
        )}
        <Row label='金额' value={formatFen(order.amountFen)} strong />
        {order.refundedFen > 0 ? <Row label='已退款' value={formatFen(order.refundedFen)} /> : null}
        <Row label='订单号' value={order.id} mono />
        <Row label='下单时间' value={formatOrderTime(order.createdAt)} />
        {order.paidAt !== null ? <Row label='支付时间' value={formatOrderTime(order.paidAt)} /> : null}
      </View>
    </View>
  )
}

function Row({ label, value, strong, mono }: { label: string; value: string; strong?: boolean; mono?: boolean }) {
  return (
    <View className='order-row'>
      <Text className='order-row-label'>{label}</Text>
      <Text className={`order-row-value ${strong ? 'order-row-strong' : ''} ${mono ? 'order-row-mono' : ''}`}>{value}</Text>
    </View>
  )
}

/** Event orders (no circle): back to where the payment started, else 我的会员. */
function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: MY_MEMBERSHIP_PAGE })
}

/** 进入圈子: back to the circle when we came from it, else open it in place of this page. */
function openCircle(circleId: string) {
  const pages = Taro.getCurrentPages()
  const previous = pages.length > 1 ? pages[pages.length - 2] : null
  if (previous && `/${previous.route ?? ''}`.startsWith(CIRCLE_PAGE)) void Taro.navigateBack()
  else void Taro.redirectTo({ url: circleUrl(circleId) })
}

function PaidHero({ order }: { order: OrderView }) {
  if (!isCircleOrder(order)) {
    return (
      <Hero tone='success' mark={<View className='order-check' />} title='支付成功' amountFen={order.amountFen} desc={`「${order.circleName}」${order.planName}已完成`}>
        {/* Another kind (a paid question): its own page; an event seat goes back to the event it was paid from. */}
        {order.kind !== 'event' && order.page ? (
          <View className='btn btn-primary order-hero-button order-hero-open' onClick={() => void Taro.redirectTo({ url: `/${order.page}` })}>
            查看
          </View>
        ) : (
          <View className='btn btn-primary order-hero-button' onClick={goBack}>
            返回
          </View>
        )}
      </Hero>
    )
  }
  return <CirclePaidHero order={order} />
}

function CirclePaidHero({ order }: { order: OrderView }) {
  const circle = useCircle(order.circleId)
  const membership = circle.data?.membership
  return (
    <Hero
      tone='success'
      mark={<View className='order-check' />}
      title='支付成功'
      amountFen={order.amountFen}
      desc={membership && membership.status !== 'none' ? `「${order.circleName}」会员 · ${membershipEndLabel(membership)}` : `已开通「${order.circleName}」${order.planName}`}>
      <View className='btn btn-primary order-hero-button order-go-circle' onClick={() => openCircle(order.circleId)}>
        进入圈子
      </View>
      <MembershipLink />
    </Hero>
  )
}

function WaitingHero({ order, polling, recheck }: OrderDetailProps) {
  const [checking, setChecking] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const { busy: paying, checkout } = useCheckout()
  const payable = canStillPay(order)

  const checkPaid = async () => {
    if (checking) return
    setChecking(true)
    try {
      const fresh = await recheck()
      if (fresh.status === 'created') void Taro.showToast({ title: '还没有收到支付结果，请稍后再试', icon: 'none', duration: 2500 })
    } catch (err) {
      showError(err)
    } finally {
      setChecking(false)
    }
  }

  // The same order again: the sandbox page on the dev host; in WeChat the server answers the open order (same out_trade_no).
  const payAgain = () => {
    if (process.env.TARO_ENV === 'h5') reopenSandboxPayment(order.id)
    else if (isCircleOrder(order)) void checkout(order.circleId, order.planId, { replace: true, resume: true, couponId: order.couponId })
    else goBack() // an event seat is paid from its own page
  }

  // 取消订单: closed at the payment provider, then here; the coupon comes back.
  const cancel = async () => {
    if (cancelling) return
    const { confirm } = await Taro.showModal({ title: '取消订单？', content: '取消后需重新下单才能支付', confirmText: '取消订单', cancelText: '再想想' })
    if (!confirm) return
    setCancelling(true)
    try {
      const fresh = await cancelOrder({ orderId: order.id })
      setQueryData(orderKey(order.id), fresh)
      void Taro.showToast({ title: fresh.status === 'closed' ? '订单已取消' : '订单已支付', icon: 'none' })
    } catch (err) {
      showError(err)
    } finally {
      setCancelling(false)
    }
  }

  if (!payable) return null
  if (polling) {
    return <Hero tone='waiting' title='正在确认支付结果…' amountFen={order.amountFen} desc='支付结果通常几秒内到达' />
  }
  return (
    <Hero tone='waiting' mark={<View className='order-clock' />} title='待支付' amountFen={order.amountFen} desc={`请在 ${formatOrderTime(order.payBefore).slice(11)} 前完成支付，超时订单将自动关闭`}>
      <View className={`btn btn-primary order-hero-button order-pay ${paying ? 'btn-disabled' : ''}`} onClick={payAgain}>
        {paying ? '正在前往支付…' : '去支付'}
      </View>
      <View
        className={`btn btn-ghost order-hero-button order-cancel ${cancelling ? 'btn-disabled' : ''}`}
        onClick={() => {
          void cancel()
        }}>
        {cancelling ? '正在取消…' : '取消订单'}
      </View>
      <View
        className={`order-hero-link order-check-paid ${checking ? 'btn-disabled' : ''}`}
        onClick={() => {
          void checkPaid()
        }}>
        <Text>{checking ? '查询中…' : '已经付过款？刷新支付结果'}</Text>
      </View>
    </Hero>
  )
}

const CLOSED_WHY: Record<NonNullable<OrderView['closedReason']>, string> = {
  expired: '超过支付时限未付款，订单已自动关闭，不会扣款',
  cancelled: '你已取消这笔订单，不会扣款',
  replaced: '你用新的订单（如换了优惠券）重新下单，这笔订单已关闭'
}

function ClosedHero({ order }: { order: OrderView }) {
  return (
    <Hero tone='closed' mark={<View className='css-glyph order-cross' />} title={order.closedReason === 'cancelled' ? '订单已取消' : '订单已关闭'} desc={CLOSED_WHY[order.closedReason ?? 'expired']}>
      {isCircleOrder(order) ? (
        <View
          className='btn btn-primary order-hero-button'
          onClick={() => {
            void Taro.redirectTo({ url: circleUrl(order.circleId) })
          }}>
          重新选择套餐
        </View>
      ) : (
        <View className='btn btn-primary order-hero-button' onClick={goBack}>
          返回
        </View>
      )}
    </Hero>
  )
}

function RefundHero({ order }: { order: OrderView }) {
  const done = order.status === 'refunded'
  return (
    <Hero
      tone='refund'
      mark={<Text className='order-mark-text'>退</Text>}
      title={done ? '已退款' : '退款处理中'}
      amountFen={done ? order.refundedFen : order.amountFen - order.refundedFen}
      desc={
        order.paidAfterClose
          ? '订单关闭后才收到付款，款项已自动原路退回'
          : done
            ? isCircleOrder(order)
              ? '款项已原路退回，这笔订单购买的会员时长已扣除'
              : '款项已原路退回'
            : '退款处理中，款项将原路退回，一般 1–3 个工作日到账'
      }>
      <MembershipLink />
    </Hero>
  )
}

/** The card on top of an order: a mark in the status's tone (a spinner without one), the title, the amount, a line, then the way on. */
function Hero(props: { tone: 'success' | 'waiting' | 'closed' | 'refund'; mark?: ReactNode; title: string; amountFen?: number; desc: string; children?: ReactNode }) {
  return (
    <View className={`card order-hero col order-hero-${props.tone}`}>
      {props.mark ? <View className={`order-mark row order-mark-${props.tone}`}>{props.mark}</View> : <View className='order-spinner' />}
      <Text className='order-hero-title text-bold'>{props.title}</Text>
      {props.amountFen !== undefined ? <Text className='order-hero-amount num-bold'>{formatFen(props.amountFen)}</Text> : null}
      <Text className='order-hero-desc text-desc'>{props.desc}</Text>
      {props.children}
    </View>
  )
}

function MembershipLink() {
  return (
    <View className='order-hero-link' onClick={() => void Taro.redirectTo({ url: MY_MEMBERSHIP_PAGE })}>
      <Text>查看我的会员</Text>
    </View>
  )
}

function OrderSkeleton() {
  return (
    <View className='page order-page' aria-busy>
      <View className='card order-hero col'>
        <Skeleton width={120} height={120} round />
        <Skeleton width={240} height={40} className='order-skeleton-gap' />
        <Skeleton width={180} height={56} className='order-skeleton-gap' />
      </View>
      <View className='card order-info'>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} width='100%' height={30} className='order-skeleton-gap' />
        ))}
      </View>
    </View>
  )
}
