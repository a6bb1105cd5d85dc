import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ErrorCard } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { membershipEndLabel } from '../../../services/membership'
import type { MembershipView } from '../../../../types/membership'
import Cover from '../components/cover'
import { MembershipTag } from '../components/tags'
import { CIRCLES_PAGE, circleUrl } from '../../../services/routes'

interface MembershipsProps {
  data: MembershipView[] | undefined
  error: unknown
  loading: boolean
  onRetry: () => void
}

/** The circles I am (or was) in: status, end date and 续费. */
export default function Memberships({ data, error, loading, onRetry }: MembershipsProps) {
  if (loading) {
    return (
      <View className='card mine-card' aria-busy>
        {[0, 1].map((i) => (
          <View key={i} className='mine-row row'>
            <Skeleton width={96} height={96} />
            <View className='mine-row-text fill-col'>
              <Skeleton width={240} height={30} />
              <Skeleton width={300} height={24} className='mine-skeleton-gap' />
            </View>
          </View>
        ))}
      </View>
    )
  }
  if (!data) return <ErrorCard error={error} onRetry={onRetry} />
  // A trial that never started counts as nothing to show.
  const shown = data.filter((m) => m.status !== 'none')
  if (shown.length === 0) {
    return (
      <View className='card mine-card mine-empty col'>
        <Text className='mine-empty-title text-title'>还没有加入圈子</Text>
        <Text className='mine-empty-desc text-meta'>加入圈子，解锁会员专属挑战</Text>
        <View
          className='btn btn-primary btn-small mine-empty-action'
          onClick={() => {
            void Taro.navigateTo({ url: CIRCLES_PAGE })
          }}>
          去看看圈子
        </View>
      </View>
    )
  }
  return (
    <View className='card mine-card'>
      {shown.map((m) => (
        <MembershipRow key={m.circleId} membership={m} />
      ))}
    </View>
  )
}

function MembershipRow({ membership: m }: { membership: MembershipView }) {
  const renewable = m.plans.length > 0
  const open = () => {
    void Taro.navigateTo({ url: circleUrl(m.circleId) })
  }
  const renew = (e: { stopPropagation: () => void }) => {
    e.stopPropagation()
    void Taro.navigateTo({ url: circleUrl(m.circleId, true) })
  }
  return (
    <View className={`mine-row row mine-row-${m.status}`} data-circle={m.circleName} onClick={open}>
      <Cover className='mine-row-cover' url={m.coverUrl} name={m.circleName} />
      <View className='mine-row-text fill-col'>
        <View className='mine-row-head row'>
          <Text className='mine-row-name text-title ellipsis'>{m.circleName}</Text>
          <MembershipTag status={m.status} />
        </View>
        <Text className='mine-row-end text-meta'>{membershipEndLabel(m)}</Text>
      </View>
      {renewable ? (
        <View className='btn btn-ghost btn-small mine-renew' onClick={renew}>
          {m.status === 'expired' || m.status === 'refunded' ? '重新开通' : m.status === 'trial' ? '开通' : '续费'}
        </View>
      ) : null}
    </View>
  )
}
