import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import { hasAccess, priceFromLabel, fetchCircles, CIRCLES_KEY, useMyMemberships } from '../../../services/membership'
import { usePagedQuery } from '../../../services/use-paged-query'
import { usePullDownRefetch } from '../../../services/use-query'
import { useRefreshErrorToast } from '../../../services/show-error'
import type { Circle, MembershipView } from '../../../../types/membership'
import Cover from '../components/cover'
import CircleTitle from '../components/circle-title'
import { MembershipTag } from '../components/tags'
import { circleUrl } from '../../../services/routes'
import './index.css'

export default function CirclesPage() {
  const list = usePagedQuery<Circle>(CIRCLES_KEY, (after) => fetchCircles({ after }))
  const mine = useMyMemberships()
  const refetchAll = () => Promise.all([list.refetch(), mine.refetch()]).then(() => undefined)
  usePullDownRefetch(refetchAll)
  useReachBottom(() => {
    void list.loadMore()
  })
  // Back from paying or a trial: member counts and 已加入 marks have changed.
  useDidShow(() => {
    void mine.refetch()
  })
  useRefreshErrorToast(list.refreshError)

  const byCircle = new Map((mine.data ?? []).map((m) => [m.circleId, m]))
  return (
    <PagedListView list={list} className='circles-page' skeleton={<CirclesSkeleton />} empty={<EmptyState glyph='圈' title='还没有圈子' description='主理人创建圈子后，会在这里出现' />}>
      {(items) => (
        <>
          <View className='page-intro circles-intro'>
            <Text className='page-title'>加入圈子</Text>
            <Text className='page-desc circles-desc'>会员专属的挑战和活动，和同伴一起坚持</Text>
          </View>
          {items.map((circle) => (
            <CircleCard key={circle.id} circle={circle} membership={byCircle.get(circle.id)} />
          ))}
        </>
      )}
    </PagedListView>
  )
}

function CircleCard({ circle, membership }: { circle: Circle; membership?: MembershipView }) {
  const open = () => {
    void Taro.navigateTo({ url: circleUrl(circle.id) })
  }
  const joined = membership && hasAccess(membership)
  return (
    <View className='card circle-card' data-id={circle.id} onClick={open}>
      <Cover className='circle-card-cover' url={circle.coverUrl} name={circle.name} />
      <View className='circle-card-body fill-col'>
        <CircleTitle circle={circle} nameClass='circle-card-name text-strong' />
        {circle.description ? <Text className='circle-card-desc text-meta'>{circle.description}</Text> : null}
        <View className='circle-card-foot row-between'>
          <Text className='circle-card-members text-soft'>
            <Text className='circle-card-num text-strong'>{circle.memberCount}</Text> 位成员
          </Text>
          {joined && membership ? <MembershipTag status={membership.status} /> : <Text className={`circle-card-price num-bold circle-card-price-${circle.kind}`}>{priceFromLabel(circle)}</Text>}
        </View>
      </View>
    </View>
  )
}

function CirclesSkeleton() {
  return (
    <View className='page circles-page' aria-busy>
      <View className='page-intro circles-intro'>
        <Skeleton width={200} height={44} />
        <Skeleton width={420} height={28} className='circles-skeleton-gap' />
      </View>
      {[0, 1, 2].map((i) => (
        <View key={i} className='card circle-card'>
          <Skeleton width={184} height={184} />
          <View className='circle-card-body fill-col'>
            <Skeleton width={260} height={34} />
            <Skeleton width='90%' height={26} className='circles-skeleton-gap' />
            <Skeleton width={200} height={26} className='circles-skeleton-gap' />
          </View>
        </View>
      ))}
    </View>
  )
}
