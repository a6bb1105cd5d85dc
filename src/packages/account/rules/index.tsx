import { View, Text, Image } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { useCommunity } from '../../../services/community'
import { usePullDownRefetch } from '../../../services/use-query'
import './index.css'

/** 群规: the community's rules as the owner wrote them, for every member. */
export default function CommunityRulesPage() {
  const community = useCommunity()
  usePullDownRefetch(community.refetch)
  const data = community.data
  return (
    <View className='page rules-page'>
      {community.loading ? (
        <View className='card rules-card'>
          <Skeleton width='50%' height={40} />
          <Skeleton width='100%' height={240} className='rules-skeleton' />
        </View>
      ) : null}
      {!data && !community.loading ? <ErrorCard error={community.error} onRetry={community.refetch} /> : null}
      {data ? (
        <View className='card rules-card'>
          <View className='rules-head row'>
            {data.logoUrl ? <Image className='rules-logo' src={data.logoUrl} mode='aspectFill' /> : null}
            <View className='rules-head-text col'>
              <Text className='rules-name text-strong'>{data.name}</Text>
              {data.intro ? <Text className='rules-intro text-meta'>{data.intro}</Text> : null}
            </View>
          </View>
          {data.rules ? (
            <Text className='rules-text text-prose' selectable>
              {data.rules}
            </Text>
          ) : (
            <EmptyState glyph='规' title='还没有群规' description='主理人还没有写群规，友善交流就好' />
          )}
        </View>
      ) : null}
    </View>
  )
}
