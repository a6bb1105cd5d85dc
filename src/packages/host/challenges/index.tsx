import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import ChallengeCard from '../../../components/challenge-card'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import { useChallenges } from '../../../services/checkin'
import { useListPage } from '../../../services/use-list-page'
import { challengeFormUrl } from '../../../services/routes'
import './index.css'

/** Every challenge, archived ones too, newest start first. */
export default function HostChallengesPage() {
  const list = useChallenges('all', true)
  useListPage(list, { refetchOnShow: true })

  const create = () => {
    void Taro.navigateTo({ url: challengeFormUrl() })
  }

  return (
    <PagedListView
      list={list}
      className='host-challenges'
      header={
        <View className='host-challenges-top row-between'>
          <Text className='host-challenges-count text-desc'>{list.items.length > 0 ? `共 ${list.items.length}${list.hasMore ? '+' : ''} 个挑战` : ''}</Text>
          <View className='btn btn-primary btn-small' onClick={create}>
            + 发起挑战
          </View>
        </View>
      }
      headerWhileLoading
      skeleton={
        <View className='card'>
          <Skeleton width='100%' height={360} />
        </View>
      }
      empty={<EmptyState glyph='战' title='还没有挑战' description='发起第一个打卡挑战，邀请成员一起坚持。' />}>
      {(items) =>
        items.map((challenge) => (
          <ChallengeCard
            key={challenge.id}
            challenge={challenge}
            onEdit={() => {
              void Taro.navigateTo({ url: challengeFormUrl(challenge.id) })
            }}
          />
        ))
      }
    </PagedListView>
  )
}
