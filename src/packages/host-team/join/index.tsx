import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { toApiCallError } from '../../../services/api-error'
import { useMe } from '../../../services/member'
import { FEED_PAGE, HOST_HOME_PAGE, routeParam } from '../../../services/routes'
import { acceptStaffInvite, previewStaffInvite } from '../../../services/team'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { ROLE_DUTIES, ROLE_LABELS } from '../../../../types/roles'
import type { StaffInvitePreview } from '../../../../types/staff'
import './index.css'

/**
 * The page a staff invite link opens (types/staff-paths STAFF_JOIN_PATH): what
 * the owner offers, and 接受邀请. On H5 without a session the app starts on the
 * persona login and comes back here with the token (dev-login-redirect.ts).
 */
export default function JoinTeamPage() {
  const token = routeParam(useRouter().params.token)
  const preview = useQuery<StaffInvitePreview>(`host.previewStaffInvite:${token}`, () => previewStaffInvite(token))
  const me = useMe()
  const [accepting, setAccepting] = useState(false)
  const [refusal, setRefusal] = useState('')
  const [joined, setJoined] = useState(false)

  const accept = async () => {
    if (accepting || joined || !preview.data) return
    setAccepting(true)
    setRefusal('')
    try {
      const staff = await acceptStaffInvite(token)
      setJoined(true)
      // 我的 and the console read the role from member.me.
      await me.refetch()
      await Taro.showToast({ title: `你已成为${ROLE_LABELS[staff.role]}`, icon: 'success', duration: 1500 })
      setTimeout(() => {
        // A guest has no console: they go back to the feed.
        if (staff.role === 'guest') void Taro.switchTab({ url: FEED_PAGE })
        else void Taro.reLaunch({ url: HOST_HOME_PAGE })
      }, 1200)
    } catch (err) {
      setRefusal(toApiCallError(err).message || '接受失败，请稍后重试')
    } finally {
      setAccepting(false)
    }
  }

  if (!token) return <Refused message='邀请链接不完整，请向主理人索取新的链接' />
  if (preview.loading) {
    return (
      <View className='page join-page'>
        <View className='card join-card col'>
          <Skeleton width='60%' height={40} />
          <Skeleton width='100%' height={160} className='join-skeleton' />
        </View>
      </View>
    )
  }
  if (!preview.data) return <Refused message={toApiCallError(preview.error).message || '邀请链接无效，请向主理人索取新的链接'} />

  const invite = preview.data
  return (
    <View className='page join-page'>
      <View className='card join-card col'>
        <Text className='join-community text-strong'>{invite.communityName}</Text>
        <Text className='join-line text-prose'>
          {invite.invitedBy} 邀请你成为
          <Text className='join-role-name'>{ROLE_LABELS[invite.role]}</Text>
        </Text>
        <View className='join-duties col'>
          <Tag tone='blue' className='join-role'>
            {ROLE_LABELS[invite.role]}可以
          </Tag>
          <Text className='join-duties-text text-soft'>{ROLE_DUTIES[invite.role]}</Text>
        </View>
        <Text className='join-expiry'>链接 {chinaTime(invite.expiresAt).format('M月D日 HH:mm')} 前有效，只能使用一次</Text>
        {invite.alreadyStaff && !joined ? <Text className='join-note text-note'>你已是团队成员，这个链接请留给受邀的人</Text> : null}
        {refusal ? <Text className='join-error text-error'>{refusal}</Text> : null}
        <View
          className={`btn btn-primary join-accept ${accepting || joined || invite.alreadyStaff ? 'btn-disabled' : ''}`}
          onClick={() => {
            void accept()
          }}>
          {joined ? '已加入' : accepting ? '正在加入…' : '接受邀请'}
        </View>
      </View>
    </View>
  )
}

function Refused({ message }: { message: string }) {
  return (
    <View className='page join-page'>
      <View className='card join-card col join-refused'>
        <View className='join-refused-mark'>!</View>
        <Text className='join-error text-error join-refused-text'>{message}</Text>
        <View
          className='btn btn-ghost join-home'
          onClick={() => {
            void Taro.switchTab({ url: FEED_PAGE })
          }}>
          回到首页
        </View>
      </View>
    </View>
  )
}
