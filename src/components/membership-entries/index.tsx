import Taro from '@tarojs/taro'
import MenuRow from '../menu-row'
import { CIRCLES_PAGE, HOST_MEMBERSHIP_PAGE, MY_MEMBERSHIP_PAGE } from '../../services/routes'

/**
 * 我的 → 我的会员 and 会员圈子 for everyone, 圈子与订单 for hosts.
 * Uses 我的's menu row styles; the pages themselves live in subpackages.
 */
export default function MembershipEntries({ isHost }: { isHost: boolean }) {
  const go = (url: string) => {
    void Taro.navigateTo({ url })
  }
  return (
    // A fragment, not a wrapper: 我的's rows draw their dividers by :last-child.
    <>
      <MenuRow className='me-membership-entry' title='我的会员' hint='会员状态、订单与退款' onClick={() => go(MY_MEMBERSHIP_PAGE)} />
      <MenuRow className='me-circles-entry' title='会员圈子' hint='加入圈子，解锁专属挑战' onClick={() => go(CIRCLES_PAGE)} />
      {isHost ? <MenuRow className='me-host-membership-entry' title='圈子与订单' hint='圈子、套餐、退款' onClick={() => go(HOST_MEMBERSHIP_PAGE)} /> : null}
    </>
  )
}
