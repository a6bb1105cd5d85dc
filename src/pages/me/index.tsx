import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../components/avatar'
import ErrorState from '../../components/error-state'
import GrowthEntry from '../../components/growth-entry'
import MembershipEntries from '../../components/membership-entries'
import EventsEntries from '../../components/events-entries'
import InboxEntry from '../../components/inbox-entry'
import { useMe } from '../../services/member'
import { usePullDownRefetch } from '../../services/use-query'
import { showError } from '../../services/show-error'
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
import { isManager, isStaff, ROLE_LABELS } from '../../../types/roles'
import './index.css'

export default function MePage() {
  const { data: me, error, loading, refetch } = useMe()

  // Coming back from 编辑资料 (or another app) should show the latest profile.
  useDidShow(() => {
    void refetch()
  })
  usePullDownRefetch(refetch)

  // With a profile already on screen a failed refresh is a toast, not a blank page.
  useEffect(() => {
    if (error && me) showError(error)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- toast once per new error; data only decides whether the page already shows something
  }, [error])

  const openEditor = () => {
    void Taro.navigateTo({ url: PROFILE_EDIT_PAGE })
  }

  return (
    <View className='page me-page'>
      <View className='me-hero' />
      {loading ? <ProfileSkeleton /> : null}
      {!loading && !me && error ? (
        <View className='card'>
          <ErrorState
            error={error}
            onRetry={() => {
              void refetch()
            }}
          />
        </View>
      ) : null}
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
        {me && (me.role === 'guest' || isManager(me.role)) ? (
          <MenuRow
            className='me-questions-entry'
            title='待回答'
            hint='成员向你的提问'
            onClick={() => {
              void Taro.navigateTo({ url: QUESTION_QUEUE_PAGE })
            }}
          />
        ) : null}
        <MenuRow
          className='me-boards-entry'
          title='排行榜'
          hint='周榜、月榜与新人榜'
          onClick={() => {
            void Taro.navigateTo({ url: BOARDS_PAGE })
          }}
        />
        <MenuRow
          className='me-invite-entry'
          title='我的邀请'
          hint='邀请好友得积分'
          onClick={() => {
            void Taro.navigateTo({ url: INVITE_PAGE })
          }}
        />
        <MenuRow
          className='me-coupons-entry'
          title='优惠券'
          hint='领券中心、我的优惠券'
          onClick={() => {
            void Taro.navigateTo({ url: COUPONS_PAGE })
          }}
        />
        <MenuRow
          className='me-gift-entry'
          title='礼品卡'
          hint='送朋友会员，邀请欢迎礼'
          onClick={() => {
            void Taro.navigateTo({ url: MY_GIFT_CARDS_PAGE })
          }}
        />
        <MenuRow
          className='me-flash-sale-entry'
          title='限时秒杀'
          hint='特价限量，每人限抢 1 件'
          onClick={() => {
            void Taro.navigateTo({ url: FLASH_SALES_PAGE })
          }}
        />
        <MenuRow
          className='me-help-entry'
          title='好友助力'
          hint='好友点一下，集满解锁奖励'
          onClick={() => {
            void Taro.navigateTo({ url: HELP_CAMPAIGNS_PAGE })
          }}
        />
        <MenuRow
          className='me-group-buy-entry'
          title='拼团'
          hint='邀好友一起买，人满全员开通'
          onClick={() => {
            void Taro.navigateTo({ url: GROUP_BUYS_PAGE })
          }}
        />
        <MenuRow
          className='me-bargain-entry'
          title='砍价'
          hint='好友每人一刀，砍到底价再买'
          onClick={() => {
            void Taro.navigateTo({ url: BARGAINS_PAGE })
          }}
        />
        {me && isStaff(me.role) ? (
          <MenuRow
            className='me-host-entry'
            title='主理人后台'
            hint='数据、审核与经营'
            onClick={() => {
              void Taro.navigateTo({ url: HOST_HOME_PAGE })
            }}
          />
        ) : null}
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
