import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import MenuRow from '../menu-row'
import { UNREAD_KEY, fetchUnreadCount } from '../../services/inbox'
import { INBOX_PAGE } from '../../services/routes'
import { useQuery } from '../../services/use-query'
import './index.css'

/** The 我的 tab's index in app.config's tab bar. */
const ME_TAB_INDEX = 2

/** 消息 on 我的: the unread count as a badge here (H5) and on the 我的 tab (weapp), fresh on every show. */
export default function InboxEntry() {
  const unread = useQuery(UNREAD_KEY, fetchUnreadCount)
  const count = unread.data?.unread ?? 0
  useDidShow(() => {
    void unread.refetch()
  })
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const text = count > 99 ? '99+' : String(count)
    if (count > 0) void Taro.setTabBarBadge({ index: ME_TAB_INDEX, text }).catch(() => undefined)
    else void Taro.removeTabBarBadge({ index: ME_TAB_INDEX }).catch(() => undefined)
  }, [count])
  return (
    <MenuRow
      className='me-inbox-entry'
      title='消息'
      hint={count > 0 ? <Text className='me-inbox-badge'>{count > 99 ? '99+' : count}</Text> : '通知与礼物'}
      onClick={() => {
        void Taro.navigateTo({ url: INBOX_PAGE })
      }}
    />
  )
}
