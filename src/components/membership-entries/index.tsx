import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CIRCLES_PAGE, HOST_MEMBERSHIP_PAGE, MY_MEMBERSHIP_PAGE } from '../../services/membership-routes'

/**
 * 我的 → 我的会员 and 会员圈子 for everyone, 圈子与订单 for hosts.
 * Uses 我的's menu row styles; the pages themselves live in subpackages.
 */
export default function MembershipEntries({ isHost }: { isHost: boolean }) {
  const go = (url: string) => { void Taro.navigateTo({ url }) }
  return (
    // A fragment, not a wrapper: 我的's rows draw their dividers by :last-child.
    <>
      <View className='me-menu-item me-membership-entry' onClick={() => go(MY_MEMBERSHIP_PAGE)}>
        <Text className='me-menu-label'>我的会员</Text>
        <Text className='me-menu-hint'>会员状态、订单与退款</Text>
        <Text className='me-chevron'>›</Text>
      </View>
      <View className='me-menu-item me-circles-entry' onClick={() => go(CIRCLES_PAGE)}>
        <Text className='me-menu-label'>会员圈子</Text>
        <Text className='me-menu-hint'>加入圈子，解锁专属挑战</Text>
        <Text className='me-chevron'>›</Text>
      </View>
      {isHost ? (
        <View className='me-menu-item me-host-membership-entry' onClick={() => go(HOST_MEMBERSHIP_PAGE)}>
          <Text className='me-menu-label'>圈子与订单</Text>
          <Text className='me-menu-hint'>圈子、套餐、退款</Text>
          <Text className='me-chevron'>›</Text>
        </View>
      ) : null}
    </>
  )
}
