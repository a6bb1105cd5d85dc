import { useState, type ReactNode } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import type { CampaignView, CouponStatus, CouponView } from '../../../../types/coupons'
import Tag, { type Tone } from '../../../components/tag'
import { CAMPAIGNS_KEY, STATUS_LABEL, claimCoupon, faceLabel, fetchCampaigns, fetchMyCoupons, myCouponsKey, ruleLabel, scopeLabel, ticketScopeLabel, validityLabel } from '../../../services/rewards'
import { EVENTS_PAGE, eventDetailUrl } from '../../../services/routes'
import './index.css'

const STATUS_TONE: Record<CouponStatus, Tone> = { available: 'green', locked: 'orange', used: 'grey', expired: 'grey' }

type Tab = 'center' | 'mine'
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'center', label: '领券中心' },
  { value: 'mine', label: '我的优惠券' }
]

export default function CouponsPage() {
  const router = useRouter()
  const [tab, setTab] = useState<Tab>(router.params.tab === 'mine' ? 'mine' : 'center')
  const campaigns = usePagedQuery<CampaignView>(CAMPAIGNS_KEY, (after) => fetchCampaigns({ after }))
  const mine = usePagedQuery<CouponView>(myCouponsKey(), (after) => fetchMyCoupons({ after }))
  useListPage<CampaignView | CouponView>(tab === 'center' ? campaigns : mine)
  // Back from paying with a coupon: its status has moved.
  useDidShow(() => {
    void mine.refetch()
  })

  // Both tabs' lists: the tabs stay on top while a list loads.
  const frame = { className: 'cp-page', header: <Segmented className='cp-tabs' options={TABS} value={tab} onChange={setTab} />, headerWhileLoading: true, skeleton: <ListSkeleton /> }
  return tab === 'center' ? (
    <PagedListView list={campaigns} {...frame} empty={<EmptyState glyph='券' title='暂时没有可领的券' description='主理人发布优惠活动后会出现在这里' />}>
      {(items) => (
        <Campaigns
          items={items}
          onClaimed={() => {
            void campaigns.refetch()
            void mine.refetch()
          }}
        />
      )}
    </PagedListView>
  ) : (
    <PagedListView list={mine} {...frame} empty={<EmptyState glyph='券' title='还没有优惠券' description='在领券中心领取后，开通会员或报名活动时可以使用' />}>
      {(items) => <MyCoupons items={items} />}
    </PagedListView>
  )
}

function ListSkeleton() {
  return (
    <View aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card'>
          <Skeleton width='100%' height={150} />
        </View>
      ))}
    </View>
  )
}

function Campaigns({ items, onClaimed }: { items: CampaignView[]; onClaimed: () => void }) {
  const [claiming, setClaiming] = useState<string | null>(null)
  const claim = async (campaign: CampaignView) => {
    if (claiming) return
    setClaiming(campaign.id)
    try {
      await claimCoupon({ campaignId: campaign.id })
      void Taro.showToast({ title: '领取成功', icon: 'success' })
    } catch (err) {
      showError(err)
    } finally {
      setClaiming(null)
      onClaimed()
    }
  }
  const now = Date.now()
  return (
    <View className='cp-list col'>
      {items.map((campaign) => {
        const left = Math.max(0, campaign.stock - campaign.claimed)
        const ended = now > campaign.validTo
        // Prize-only campaigns reach this list only for the host: they are given, not claimed.
        const prizeOnly = campaign.channel === 'reward'
        const label = prizeOnly ? '仅作奖品' : campaign.claimedByMe ? '已领取' : ended ? '已结束' : left === 0 ? '已抢光' : claiming === campaign.id ? '领取中…' : '领取'
        const canClaim = !prizeOnly && !campaign.claimedByMe && !ended && left > 0
        return (
          <CouponCard
            key={campaign.id}
            terms={campaign}
            kind='campaign'
            dim={!canClaim}
            end={
              <View
                className={`btn btn-small cp-claim ${canClaim ? 'btn-primary' : 'cp-claim-off'}`}
                onClick={() => {
                  if (canClaim) void claim(campaign)
                }}>
                {label}
              </View>
            }>
            <Text className='cp-stock'>{left > 0 ? `剩 ${left} 张` : '已领完'}</Text>
          </CouponCard>
        )
      })}
    </View>
  )
}

function MyCoupons({ items }: { items: CouponView[] }) {
  return (
    <View className='cp-list col'>
      {items.map((coupon) => {
        const dim = coupon.status === 'used' || coupon.status === 'expired'
        const ticketToUse = coupon.kind === 'freeTicket' && coupon.status === 'available' && coupon.validFrom <= Date.now()
        return (
          <CouponCard
            key={coupon.id}
            terms={coupon}
            kind='coupon'
            dim={dim}
            end={
              <Tag tone={STATUS_TONE[coupon.status]} className='cp-tag'>
                {STATUS_LABEL[coupon.status]}
              </Tag>
            }>
            {ticketToUse ? (
              <Text
                className='cp-use text-accent'
                onClick={() => {
                  void Taro.navigateTo({ url: coupon.eventId ? eventDetailUrl(coupon.eventId) : EVENTS_PAGE })
                }}>
                去报名 ›
              </Text>
            ) : null}
          </CouponCard>
        )
      })}
    </View>
  )
}

type Terms = Pick<CouponView, 'id' | 'name' | 'validFrom' | 'validTo' | 'kind' | 'appliesTo' | 'eventId' | 'eventTitle' | 'amountOffFen' | 'percentOff' | 'minSpendFen'>

/** A campaign to claim or a coupon held, drawn as a ticket: its face, name, where and until when it is good, what the list adds, and its end (the claim button, the status). */
function CouponCard({ terms, kind, dim, end, children }: { terms: Terms; kind: 'campaign' | 'coupon'; dim: boolean; end: ReactNode; children: ReactNode }) {
  return (
    <View className={`cp-card row cp-${kind} ${dim ? 'cp-card-dim' : ''}`} data-id={terms.id}>
      <CouponFace terms={terms} />
      <View className='cp-body fill-col'>
        <Text className='cp-name text-title'>{terms.name}</Text>
        <Where terms={terms} />
        <Text className='cp-meta text-note'>{validityLabel(terms.validFrom, terms.validTo)}</Text>
        {children}
      </View>
      {end}
    </View>
  )
}

/** 会员、活动可用; a free ticket: 任意活动可用 or the one event it admits to. */
function Where({ terms }: { terms: Pick<CouponView, 'kind' | 'appliesTo' | 'eventId' | 'eventTitle'> }) {
  if (terms.kind !== 'freeTicket') return <Text className='cp-meta text-note'>{scopeLabel(terms.appliesTo)}</Text>
  return <Text className={`cp-meta text-note ${terms.eventId ? 'cp-ticket-event ellipsis' : ''}`}>{ticketScopeLabel(terms.eventId, terms.eventTitle ?? undefined)}</Text>
}

function CouponFace({ terms }: { terms: Pick<CouponView, 'kind' | 'amountOffFen' | 'percentOff' | 'minSpendFen'> }) {
  return (
    <View className={`cp-face col ${terms.kind === 'freeTicket' ? 'cp-face-ticket' : ''}`}>
      <Text className='cp-face-figure'>{faceLabel(terms)}</Text>
      <Text className='cp-face-rule'>{ruleLabel(terms)}</Text>
    </View>
  )
}
