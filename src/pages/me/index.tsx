import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../components/avatar'
import ErrorState from '../../components/error-state'
import GrowthEntry from '../../components/growth-entry'
import MembershipEntries from '../../components/membership-entries'
import EventsEntries from '../../components/events-entries'
import { useMe } from '../../services/member'
import { usePullDownRefetch } from '../../services/use-query'
import { showError } from '../../services/show-error'
import { DEV_LOGIN_PAGE, PROFILE_EDIT_PAGE } from '../../services/routes'
import { HOST_HOME_PAGE } from '../../services/checkin-routes'
import { BOARDS_PAGE, HOST_LEADERBOARD_PAGE, INVITE_PAGE } from '../../packages/leaderboard/routes'
import { CAMPAIGN_FORM_PAGE, COUPONS_PAGE } from '../../packages/rewards/routes'
import { clearToken } from '../../services/session'
import { formatChineseDate } from '../../utils/format'
import ProfileSkeleton from './profile-skeleton'
import './index.css'

const ROLE_LABEL = { host: '主理人', member: '成员' } as const

export default function MePage() {
  const { data: me, error, loading, refetch } = useMe()

  // Coming back from 编辑资料 (or another app) should show the latest profile.
  useDidShow(() => { void refetch() })
  usePullDownRefetch(refetch)

  // With a profile already on screen a failed refresh is a toast, not a blank page.
  useEffect(() => {
    if (error && me) showError(error)
  }, [error])

  const openEditor = () => { void Taro.navigateTo({ url: PROFILE_EDIT_PAGE }) }

  return (
    <View className='page me-page'>
      <View className='me-hero' />
      {loading ? <ProfileSkeleton /> : null}
      {!loading && !me && error ? <View className='card'><ErrorState error={error} onRetry={() => { void refetch() }} /></View> : null}
      {me ? (
        <View className='card me-profile' onClick={openEditor}>
          <Avatar url={me.avatarUrl} nickname={me.nickname} size={136} />
          <View className='me-profile-text'>
            <View className='me-name-row'>
              <Text className='me-nickname'>{me.nickname}</Text>
              <Text className={`me-role me-role-${me.role}`}>{ROLE_LABEL[me.role]}</Text>
            </View>
            <Text className='me-joined'>{formatChineseDate(me.joinedAt)}加入</Text>
          </View>
          <Text className='me-chevron'>›</Text>
        </View>
      ) : null}

      <View className='card me-menu'>
        <GrowthEntry />
        <MembershipEntries isHost={me?.role === 'host'} />
        <EventsEntries isHost={me?.role === 'host'} />
        <View className='me-menu-item me-boards-entry' onClick={() => { void Taro.navigateTo({ url: BOARDS_PAGE }) }}>
          <Text className='me-menu-label'>排行榜</Text>
          <Text className='me-menu-hint'>周榜、月榜与新人榜</Text>
          <Text className='me-chevron'>›</Text>
        </View>
        <View className='me-menu-item me-invite-entry' onClick={() => { void Taro.navigateTo({ url: INVITE_PAGE }) }}>
          <Text className='me-menu-label'>我的邀请</Text>
          <Text className='me-menu-hint'>邀请好友得积分</Text>
          <Text className='me-chevron'>›</Text>
        </View>
        <View className='me-menu-item me-coupons-entry' onClick={() => { void Taro.navigateTo({ url: COUPONS_PAGE }) }}>
          <Text className='me-menu-label'>优惠券</Text>
          <Text className='me-menu-hint'>领券中心、我的优惠券</Text>
          <Text className='me-chevron'>›</Text>
        </View>
        {me?.role === 'host' ? (
          <View className='me-menu-item me-host-campaign-entry' onClick={() => { void Taro.navigateTo({ url: CAMPAIGN_FORM_PAGE }) }}>
            <Text className='me-menu-label'>优惠券活动</Text>
            <Text className='me-menu-hint'>发布满减、折扣券</Text>
            <Text className='me-chevron'>›</Text>
          </View>
        ) : null}
        {me?.role === 'host' ? (
          <View className='me-menu-item me-host-leaderboard-entry' onClick={() => { void Taro.navigateTo({ url: HOST_LEADERBOARD_PAGE }) }}>
            <Text className='me-menu-label'>榜单与邀请赛</Text>
            <Text className='me-menu-hint'>邀请赛、榜单奖励</Text>
            <Text className='me-chevron'>›</Text>
          </View>
        ) : null}
        {me?.role === 'host' ? (
          <View className='me-menu-item me-host-entry' onClick={() => { void Taro.navigateTo({ url: HOST_HOME_PAGE }) }}>
            <Text className='me-menu-label'>主理人后台</Text>
            <Text className='me-menu-hint'>挑战、审核、成长</Text>
            <Text className='me-chevron'>›</Text>
          </View>
        ) : null}
        <View className='me-menu-item' onClick={openEditor}>
          <Text className='me-menu-label'>编辑资料</Text>
          <Text className='me-menu-hint'>头像、昵称</Text>
          <Text className='me-chevron'>›</Text>
        </View>
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
  return (
    <View className='me-menu-item' onClick={switchPersona}>
      <Text className='me-menu-label'>切换身份</Text>
      <Text className='me-menu-hint'>本地开发</Text>
      <Text className='me-chevron'>›</Text>
    </View>
  )
}
