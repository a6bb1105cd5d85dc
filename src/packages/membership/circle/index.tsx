import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ErrorPage } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { SUBSCRIBE_FOR, requestSubscribe } from '../../../services/subscribe'
import { showError } from '../../../services/show-error'
import { setQueryData, usePullDownRefetch } from '../../../services/use-query'
import { hasAccess, lowestPlan, membershipEndLabel, refundRuleLabel, startTrial, circleKey, useCircle, useCircleChallenges } from '../../../services/membership'
import { formatChineseDate, formatFen } from '../../../utils/format'
import type { CircleDetail, MembershipView } from '../../../../types/membership'
import CouponPicker from '../../../components/coupon-picker'
import Cover from '../components/cover'
import PlanPicker from '../components/plan-picker'
import CircleTitle from '../components/circle-title'
import { MembershipTag } from '../components/tags'
import { useCheckout } from '../components/use-checkout'
import { safeDecode } from '../params'
import ChallengeList from './challenge-list'
import JoinFree from './join-free'
import MenuRow from '../../../components/menu-row'
import { questionsUrl } from '../../../services/routes'
import CircleContent, { useCirclePosts } from './content'
import './index.css'

export default function CirclePage() {
  const router = useRouter()
  const circleId = safeDecode(router.params.id)
  const detail = useCircle(circleId)
  const challenges = useCircleChallenges(circleId)
  const posts = useCirclePosts(circleId)
  const refetchAll = () => Promise.all([detail.refetch(), challenges.refetch(), posts.refetch()]).then(() => undefined)
  usePullDownRefetch(refetchAll)
  // Back from paying, a refund or a challenge: access may have changed.
  useDidShow(() => {
    if (detail.data) void refetchAll()
  })

  if (detail.loading) return <CircleSkeleton />
  if (!detail.data) return <ErrorPage error={detail.error} onRetry={detail.refetch} />
  return <CircleView detail={detail.data} challenges={challenges} posts={posts} renew={router.params.renew === '1'} />
}

interface CircleViewProps {
  detail: CircleDetail
  challenges: ReturnType<typeof useCircleChallenges>
  posts: ReturnType<typeof useCirclePosts>
  renew: boolean
}

function CircleView({ detail, challenges, posts, renew }: CircleViewProps) {
  const { circle, membership } = detail
  const access = hasAccess(membership)
  const paid = circle.kind !== 'free' && circle.plans.length > 0
  const [picking, setPicking] = useState(renew)
  const [planId, setPlanId] = useState<string | null>(() => circle.plans[0]?.id ?? null)
  const [trialBusy, setTrialBusy] = useState(false)
  const { busy: paying, checkout } = useCheckout()
  const [coupon, setCoupon] = useState<{ id: string | null; off: number }>({ id: null, off: 0 })

  const plan = circle.plans.find((p) => p.id === planId) ?? null
  const showPicker = paid && (!access || picking)
  const renewing = access && membership.status === 'active'
  const canTrial = circle.kind === 'trialThenPaid' && !access && !membership.trialUsed

  const joined = (view: MembershipView) => {
    const { circleId, status, startedAt, endsAt, trialUsed, application } = view
    const wasMember = access
    const nowMember = status === 'active' || status === 'trial'
    setQueryData<CircleDetail>(circleKey(circle.id), {
      circle: { ...circle, memberCount: circle.memberCount + (wasMember || !nowMember ? 0 : 1) },
      membership: { circleId, status, startedAt, endsAt, trialUsed, ...(application ? { application } : {}) }
    })
    void challenges.refetch()
    void posts.refetch()
  }

  const beginTrial = async () => {
    if (trialBusy) return
    // In the tap, before any await: the reminders before the trial ends (WeChat opens the dialog only from a tap).
    const asked = requestSubscribe(SUBSCRIBE_FOR.trial)
    setTrialBusy(true)
    try {
      await asked
      joined(await startTrial({ circleId: circle.id }))
      void Taro.showToast({ title: '试用已开始', icon: 'success' })
    } catch (err) {
      showError(err)
    } finally {
      setTrialBusy(false)
    }
  }

  const pay = () => {
    if (!plan || paying) return
    void checkout(circle.id, plan.id, { couponId: coupon.id })
  }

  return (
    <View className={`page circle-page ${showPicker ? 'circle-page-with-bar' : ''}`}>
      <Cover className='circle-hero' url={circle.coverUrl} name={circle.name} />

      <View className='card circle-head'>
        <CircleTitle circle={circle} nameClass='circle-name text-bold' />
        <Text className='circle-meta text-desc'>
          {circle.memberCount} 位成员{paid && !access ? ` · ${formatFen(lowestPlan(circle.plans)!.priceFen)} 起` : ''}
          {circle.kind === 'trialThenPaid' ? ` · 可免费试用 ${circle.trialDays} 天` : ''}
        </Text>
        {membership.status !== 'none' ? (
          <View className={`circle-status row circle-status-${membership.status}`}>
            <MembershipTag status={membership.status} />
            <Text className='circle-status-end text-label'>{membershipEndLabel(membership)}</Text>
            {paid && access && !picking ? (
              <View className='btn btn-ghost btn-small circle-renew' onClick={() => setPicking(true)}>
                {membership.status === 'trial' ? '开通会员' : '续费'}
              </View>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className='card circle-section'>
        <Text className='circle-section-title text-strong'>圈子介绍</Text>
        <Text className='circle-desc text-prose'>{circle.description || '主理人还没有写介绍'}</Text>
      </View>

      <CircleContent posts={posts} />

      <View className='card circle-section circle-qa'>
        <MenuRow className='circle-qa-entry' title='问答' hint='向主理人和嘉宾提问' onClick={() => void Taro.navigateTo({ url: questionsUrl(circle.id) })} />
      </View>

      <ChallengeList challenges={challenges} unlocked={access} free={circle.kind === 'free'} />

      {!access && membership.blocked ? (
        <View className='card circle-section circle-blocked'>
          <Text className='circle-section-title text-strong'>无法加入</Text>
          <Text className='circle-join-tip text-desc'>你已被移出该圈子，无法再次加入或购买</Text>
        </View>
      ) : null}
      {circle.kind === 'free' && !access && !membership.blocked && membership.application?.status === 'pending' ? (
        <View className='card circle-section circle-review-pending'>
          <Text className='circle-section-title text-strong'>审核中</Text>
          <Text className='circle-join-tip text-desc'>已提交加入申请，主理人审核通过后即可加入，结果会通过消息通知你</Text>
        </View>
      ) : null}
      {circle.kind === 'free' && !access && !membership.blocked && membership.application?.status !== 'pending' ? (
        <JoinFree circle={circle} rejected={membership.application?.status === 'rejected' ? (membership.application.reason ?? '') : null} onJoined={joined} />
      ) : null}

      {canTrial ? (
        <View className='card circle-section circle-trial row'>
          <View className='circle-trial-text fill-col'>
            <Text className='circle-trial-title text-title'>先免费体验 {circle.trialDays} 天</Text>
            <Text className='circle-trial-desc text-meta'>试用期内可参加全部会员挑战，到期后再决定是否开通</Text>
          </View>
          <View
            className={`btn btn-primary btn-small circle-trial-button ${trialBusy ? 'btn-disabled' : ''}`}
            onClick={() => {
              void beginTrial()
            }}>
            {trialBusy ? '开通中…' : `免费试用 ${circle.trialDays} 天`}
          </View>
        </View>
      ) : null}

      {showPicker ? (
        <View className='card circle-section circle-plans'>
          <View className='circle-section-head'>
            <Text className='circle-section-title text-strong'>{renewing ? '续费套餐' : access ? '开通会员' : '选择套餐'}</Text>
            {access && picking ? (
              <Text className='circle-section-hint text-meta circle-plans-close' onClick={() => setPicking(false)}>
                收起
              </Text>
            ) : null}
          </View>
          {access && membership.endsAt !== null ? <Text className='circle-plans-note text-accent'>续费后会员期从 {formatChineseDate(membership.endsAt)} 起顺延</Text> : null}
          <PlanPicker plans={circle.plans} value={planId} onChange={setPlanId} />
          {plan ? <CouponPicker scope='membership' priceFen={plan.priceFen} value={coupon.id} onChange={(id, off) => setCoupon({ id, off })} /> : null}
          <Text className='circle-refund-rule text-meta'>{refundRuleLabel(circle)}</Text>
        </View>
      ) : null}

      {showPicker && plan ? (
        <View className='circle-pay-bar bottom-bar'>
          <View className='circle-pay-total fill-col'>
            <Text className='circle-pay-label text-meta'>{plan.name} · 合计</Text>
            <Text className='circle-pay-amount num-bold'>{formatFen(plan.priceFen - coupon.off)}</Text>
            {coupon.off > 0 ? <Text className='circle-pay-discount'>优惠 −{formatFen(coupon.off)}</Text> : null}
          </View>
          <View className={`btn btn-primary circle-pay-button ${paying ? 'btn-disabled' : ''}`} onClick={pay}>
            {paying ? '正在前往支付…' : renewing ? '立即续费' : '立即支付'}
          </View>
        </View>
      ) : null}
    </View>
  )
}

function CircleSkeleton() {
  return (
    <View className='page circle-page' aria-busy>
      <Skeleton width='100%' height={280} className='circle-hero' />
      <View className='card circle-head'>
        <Skeleton width={320} height={44} />
        <Skeleton width={220} height={26} className='circle-skeleton-gap' />
      </View>
      <View className='card circle-section'>
        <Skeleton width={160} height={32} />
        <Skeleton width='100%' height={26} className='circle-skeleton-gap' />
        <Skeleton width='80%' height={26} className='circle-skeleton-gap' />
      </View>
    </View>
  )
}
