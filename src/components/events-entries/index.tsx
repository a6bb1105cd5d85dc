import Taro from '@tarojs/taro'
import MenuRow from '../menu-row'
import { EVENTS_PAGE, HOST_EVENTS_PAGE, MY_TICKETS_PAGE } from '../../services/routes'

/**
 * 我的 → 活动 and 我的票 for everyone, 活动管理 for hosts.
 * Rows of 我的's menu card (MenuRow); the pages themselves live in subpackages.
 */
export default function EventsEntries({ isHost }: { isHost: boolean }) {
  const go = (url: string) => {
    void Taro.navigateTo({ url })
  }
  return (
    // A fragment, not a wrapper: 我的's rows draw their dividers by :last-child.
    <>
      <MenuRow className='me-events-entry' title='活动' hint='线下聚会与线上分享' onClick={() => go(EVENTS_PAGE)} />
      <MenuRow className='me-tickets-entry' title='我的票' hint='报名、候补与入场票' onClick={() => go(MY_TICKETS_PAGE)} />
      {isHost ? <MenuRow className='me-host-events-entry' title='活动管理' hint='发起活动、名单与检票' onClick={() => go(HOST_EVENTS_PAGE)} /> : null}
    </>
  )
}
