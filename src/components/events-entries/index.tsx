import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { EVENTS_PAGE, HOST_EVENTS_PAGE, MY_TICKETS_PAGE } from '../../services/events-routes'

/**
 * 我的 → 活动 and 我的票 for everyone, 活动管理 for hosts.
 * Uses 我的's menu row styles; the pages themselves live in subpackages.
 */
export default function EventsEntries({ isHost }: { isHost: boolean }) {
  const go = (url: string) => { void Taro.navigateTo({ url }) }
  return (
    // A fragment, not a wrapper: 我的's rows draw their dividers by :last-child.
    <>
      <View className='me-menu-item me-events-entry' onClick={() => go(EVENTS_PAGE)}>
        <Text className='me-menu-label'>活动</Text>
        <Text className='me-menu-hint'>线下聚会与线上分享</Text>
        <Text className='me-chevron'>›</Text>
      </View>
      <View className='me-menu-item me-tickets-entry' onClick={() => go(MY_TICKETS_PAGE)}>
        <Text className='me-menu-label'>我的票</Text>
        <Text className='me-menu-hint'>报名、候补与入场票</Text>
        <Text className='me-chevron'>›</Text>
      </View>
      {isHost ? (
        <View className='me-menu-item me-host-events-entry' onClick={() => go(HOST_EVENTS_PAGE)}>
          <Text className='me-menu-label'>活动管理</Text>
          <Text className='me-menu-hint'>发起活动、名单与检票</Text>
          <Text className='me-chevron'>›</Text>
        </View>
      ) : null}
    </>
  )
}
