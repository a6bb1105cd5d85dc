import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../components/avatar'
import { ErrorCard } from '../../components/error-state'
import GrowthEntry from '../../components/growth-entry'
import MembershipEntries from '../../components/membership-entries'
import EventsEntries from '../../components/events-entries'
import InboxEntry from '../../components/inbox-entry'
import { useMe } from '../../services/member'
import { usePullDownRefetch } from '../../services/use-query'
import { useRefreshErrorToast } from '../../services/show-error'
import {
  DEV_LOGIN_PAGE,
  PROFILE_EDIT_PAGE,
  HOST_HOME_PAGE,
  BOARDS_PAGE,
  INVITE_PAGE,
  COUPONS_PAGE,
  QUESTION_QUEUE_PAGE,
  FLASH_SALES_PAGE,
  BARGAINS_PAGE,
  GROUP_BUYS_PAGE,
  HELP_CAMPAIGNS_PAGE
} from '../../services/routes'
// 礼品卡 (送 gifts): its own line, so the plays' entries do not all edit one import.
import { MY_GIFT_CARDS_PAGE } from '../../services/routes'
import { clearToken } from '../../services/session'
import { formatChineseDate } from '../../utils/format'
import ProfileSkeleton from './profile-skeleton'
import MenuRow from '../../components/menu-row'
import { isManager, isStaff, ROLE_LABELS, type Role } from '../../../types/roles'
import './index.css'

/** The member's menu, in order: a play adds its row here (className is the hook journeys select by). */
const MENU_ROWS: { className: string; title: string; hint: string; url: string; shows?: (role: Role) => boolean }[] = [
  {
    className: 'me-questions-entry',
    title: '待回答',
    hint: '成员向你的提问',
    url: QUESTION_QUEUE_PAGE,
    shows: (role) => role === 'guest' || isManager(role)
  },
  { className: 'me-boards-entry', title: '排行榜', hint: '周榜、月榜与新人榜', url: BOARDS_PAGE },
  { className: 'me-invite-entry', title: '我的邀请', hint: '邀请好友得积分', url: INVITE_PAGE },
  { className: 'me-coupons-entry', title: '优惠券', hint: '领券中心、我的优惠券', url: COUPONS_PAGE },
  { className: 'me-gift-entry', title: '礼品卡', hint: '送朋友会员，邀请欢迎礼', url: MY_GIFT_CARDS_PAGE },
  { className: 'me-flash-sale-entry', title: '限时秒杀', hint: '特价限量，每人限抢 1 件', url: FLASH_SALES_PAGE },
  { className: 'me-help-entry', title: '好友助力', hint: '好友点一下，集满解锁奖励', url: HELP_CAMPAIGNS_PAGE },
  { className: 'me-group-buy-entry', title: '拼团', hint: '邀好友一起买，人满全员开通', url: GROUP_BUYS_PAGE },
  { className: 'me-bargain-entry', title: '砍价', hint: '好友每人一刀，砍到底价再买', url: BARGAINS_PAGE },
  { className: 'me-host-entry', title: '主理人后台', hint: '数据、审核与经营', url: HOST_HOME_PAGE, shows: isStaff }
]

export default function MePage() {
  const { data: me, error, loading, refetch } = useMe()

  // Coming back from 编辑资料 (or another app) should show the latest profile.
  useDidShow(() => {
    void refetch()
  })
  usePullDownRefetch(refetch)

  // With a profile already on screen a failed refresh is a toast, not a blank page.
  useRefreshErrorToast(error, me)

  const openEditor = () => {
    void Taro.navigateTo({ url: PROFILE_EDIT_PAGE })
  }

  return (
    <View className='page me-page'>
      <View className='me-hero' />
      {loading ? <ProfileSkeleton /> : null}
      {!loading && !me && error ? <ErrorCard error={error} onRetry={refetch} /> : null}
      {me ? (
        <View className='card me-profile row' onClick={openEditor}>
          <Avatar url={me.avatarUrl} nickname={me.nickname} size={136} />
          <View className='me-profile-text fill-col'>
            <View className='me-name-row row'>
              <Text className='me-nickname text-strong ellipsis'>{me.nickname}</Text>
              <Text className={`me-role me-role-${me.role}`}>{ROLE_LABELS[me.role]}</Text>
            </View>
            <Text className='me-joined text-meta'>{formatChineseDate(me.joinedAt)}加入</Text>
          </View>
          <Text className='me-chevron'>›</Text>
        </View>
      ) : null}

      <View className='card me-menu'>
        <GrowthEntry />
        {/* The host's rows live in the console hub (主理人后台): here only the member's own. */}
        <MembershipEntries isHost={false} />
        <EventsEntries isHost={false} />
        <InboxEntry />
        {MENU_ROWS.filter((row) => !row.shows || (me ? row.shows(me.role) : false)).map((row) => (
          <MenuRow
            key={row.className}
            className={row.className}
            title={row.title}
            hint={row.hint}
            onClick={() => {
              void Taro.navigateTo({ url: row.url })
            }}
          />
        ))}
        <MenuRow title='编辑资料' hint='头像、昵称' onClick={openEditor} />
        {process.env.TARO_ENV === 'h5' ? <SwitchPersonaItem /> : null}
      </View>
    </View>
  )
}

/** Dev host only: leave this persona and pick another. */
function SwitchPersonaItem() {
  const switchPersona = () => {
    clearToken()
    void Taro.reLaunch({ url: DEV_LOGIN_PAGE })
  }
  return <MenuRow title='切换身份' hint='本地开发' onClick={switchPersona} />
}
