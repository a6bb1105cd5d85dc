import { useState } from 'react'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import ConfirmDialog, { DialogText } from '../../../components/confirm-dialog'
import { ErrorCard } from '../../../components/error-state'
import MenuRow from '../../../components/menu-row'
import { CardsSkeleton } from '../../../components/skeleton'
import Tag, { type Tone } from '../../../components/tag'
import { useCommunityName } from '../../../services/community'
import { COMMUNITY_SETTINGS_PAGE, FEED_PAGE } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { useSubmit } from '../../../services/use-submit'
import { TEAM_KEY, createStaffInvite, fetchTeam, removeStaff, revokeStaffInvite } from '../../../services/team'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { INVITABLE_ROLES, ROLE_DUTIES, ROLE_LABELS, type InvitableRole, type Role } from '../../../../types/roles'
import type { StaffInviteView, StaffMemberView, TeamView } from '../../../../types/staff'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'
const ROLE_TONES: Record<Role, Tone> = { owner: 'gold', admin: 'blue', moderator: 'orange', guest: 'purple', member: 'grey' }

/** What 复制链接 puts on the clipboard: on H5 the address that opens the join page; in WeChat the page path (a shared card is the way in). */
function linkText(invite: StaffInviteView): string {
  if (isWeapp || typeof location === 'undefined') return invite.path
  return `${location.origin}${location.pathname}#${invite.path}`
}

const until = (at: number) => chinaTime(at).format('M月D日 HH:mm')

/** The owner's team: who holds a role, invite links per role, and the links still open. */
export default function TeamPage() {
  const team = useQuery<TeamView>(TEAM_KEY, fetchTeam)
  const communityName = useCommunityName()
  const [created, setCreated] = useState<StaffInviteView | null>(null)
  const [creating, setCreating] = useState<InvitableRole | null>(null)
  const [removing, setRemoving] = useState<StaffMemberView | null>(null)
  const { busy, run } = useSubmit()

  usePullDownRefresh(() => {
    void team.refetch().finally(() => Taro.stopPullDownRefresh())
  })

  // The share button on an invite carries its path and role: the card opens the join page.
  useShareAppMessage((res) => {
    const dataset = (res.target as { dataset?: { path?: string; role?: InvitableRole } } | undefined)?.dataset
    // The menu's own share (no button): the community, not this owner-only page.
    if (!dataset?.path || !dataset.role) return { title: communityName || '社群', path: FEED_PAGE }
    return { title: `邀请你成为${communityName || '社群'}的${ROLE_LABELS[dataset.role]}`, path: dataset.path }
  })

  const create = async (role: InvitableRole) => {
    if (creating) return
    setCreating(role)
    try {
      setCreated(await createStaffInvite(role))
      void team.refetch()
    } catch (err) {
      showError(err)
    } finally {
      setCreating(null)
    }
  }

  const copy = (invite: StaffInviteView) => {
    // Both WeChat and Taro's H5 say 内容已复制 themselves.
    void Taro.setClipboardData({ data: linkText(invite) }).catch(showError)
  }

  const revoke = async (invite: StaffInviteView) => {
    try {
      await revokeStaffInvite(invite.token)
      if (created?.token === invite.token) setCreated(null)
      void Taro.showToast({ title: '已撤销', icon: 'success', duration: 1200 })
      void team.refetch()
    } catch (err) {
      showError(err)
    }
  }

  const remove = async () => {
    if (!removing) return
    await run(async () => {
      await removeStaff(removing.openid)
      setRemoving(null)
      void Taro.showToast({ title: '已移除', icon: 'success', duration: 1200 })
      void team.refetch()
    })
  }

  return (
    <View className='page team-page'>
      <Text className='team-section text-meta'>团队成员</Text>
      {team.loading ? <CardsSkeleton count={1} lines={[['100%', 200]]} /> : null}
      {!team.loading && !team.data && team.error ? <ErrorCard error={team.error} onRetry={team.refetch} /> : null}
      {team.data ? (
        <View className='card team-staff'>
          {team.data.staff.map((member) => (
            <View key={member.openid} className='team-member' data-openid={member.openid}>
              <Avatar url={member.avatarUrl} nickname={member.nickname} size={72} />
              <View className='team-member-text'>
                <Text className='team-member-name'>{member.nickname}</Text>
                <Text className='team-member-since'>{member.role === 'owner' ? '部署配置指定' : `${until(member.since)} 加入团队`}</Text>
              </View>
              <Tag tone={ROLE_TONES[member.role]} className='team-member-role'>
                {ROLE_LABELS[member.role]}
              </Tag>
              {member.role !== 'owner' ? (
                <View className='btn btn-ghost btn-small team-member-remove' onClick={() => setRemoving(member)}>
                  移除
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      <Text className='team-section text-meta'>邀请</Text>
      <View className='card team-roles'>
        {INVITABLE_ROLES.map((role) => (
          <View key={role} className='team-role' data-role={role}>
            <View className='team-role-text'>
              <Text className='team-role-name'>{ROLE_LABELS[role]}</Text>
              <Text className='team-role-duties'>{ROLE_DUTIES[role]}</Text>
            </View>
            <View
              className={`btn btn-primary btn-small team-invite-create team-invite-create-${role} ${creating ? 'btn-disabled' : ''}`}
              onClick={() => {
                void create(role)
              }}>
              {creating === role ? '生成中…' : '邀请'}
            </View>
          </View>
        ))}
      </View>

      {created ? (
        <View className='card team-new-invite col'>
          <Text className='team-new-title text-name'>{ROLE_LABELS[created.role]}邀请链接已生成</Text>
          <Text className='team-invite-link text-small' selectable>
            {linkText(created)}
          </Text>
          <Text className='team-new-hint text-note'>链接只能使用一次，{until(created.expiresAt)} 前有效</Text>
          <View className='team-new-actions'>
            <View className='btn btn-ghost team-invite-copy' onClick={() => copy(created)}>
              复制链接
            </View>
            {isWeapp ? (
              <Button className='reset-button btn btn-primary team-invite-share' openType='share' data-path={created.path} data-role={created.role}>
                分享给好友
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      {team.data && team.data.invites.length > 0 ? (
        <View>
          <Text className='team-section text-meta'>未使用的邀请</Text>
          <View className='card team-invites'>
            {team.data.invites.map((invite) => (
              <View key={invite.token} className='team-invite row divided' data-token={invite.token}>
                <View className='team-invite-text fill-col'>
                  <Text className='team-invite-role text-name'>{ROLE_LABELS[invite.role]}</Text>
                  <Text className='team-invite-expiry text-note'>{until(invite.expiresAt)} 前有效</Text>
                </View>
                <View className='btn btn-ghost btn-small team-invite-copy-open' onClick={() => copy(invite)}>
                  复制
                </View>
                <View
                  className='btn btn-ghost btn-small team-invite-revoke'
                  onClick={() => {
                    void revoke(invite)
                  }}>
                  撤销
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View className='card team-settings'>
        <MenuRow
          className='team-settings-entry'
          entry='settings'
          icon={{ glyph: '设', tone: 'teal' }}
          title='社群设置'
          desc='名称、标志、简介、群规和欢迎语'
          onClick={() => {
            void Taro.navigateTo({ url: COMMUNITY_SETTINGS_PAGE })
          }}
        />
      </View>

      {removing ? (
        <ConfirmDialog
          className='team-remove-dialog'
          title={`移除${removing.nickname}？`}
          confirmText='移除'
          busyText='移除中…'
          busy={busy}
          danger
          onConfirm={() => {
            void remove()
          }}
          onCancel={() => setRemoving(null)}>
          <DialogText warn>TA 将不再是{ROLE_LABELS[removing.role]}，变回普通成员，打卡和积分都保留</DialogText>
        </ConfirmDialog>
      ) : null}
    </View>
  )
}
