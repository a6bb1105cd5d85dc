import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import { useMe } from '../../../services/member'
import { useCommunityName } from '../../../services/community'
import CommunityNameRow from './community-name-row'
import MenuRow from '../../../components/menu-row'
import { challengeFormUrl, HOST_CHALLENGES_PAGE, HOST_GROWTH_PAGE, HOST_TEAM_PAGE, MODERATION_PAGE } from '../../../services/routes'
import './index.css'

const ENTRIES = [
  { key: 'create', glyph: '＋', title: '发起挑战', desc: '设置天数、打卡规则和积分奖励', url: challengeFormUrl(), tone: 'green' },
  { key: 'challenges', glyph: '战', title: '挑战管理', desc: '查看、编辑和归档所有挑战', url: HOST_CHALLENGES_PAGE, tone: 'blue' },
  { key: 'moderation', glyph: '审', title: '审核队列', desc: '处理成员举报的打卡和评论', url: MODERATION_PAGE, tone: 'orange' },
  { key: 'growth', glyph: '分', title: '成长与商城', desc: '积分规则、等级和积分商城', url: HOST_GROWTH_PAGE, tone: 'purple' }
] as const

/** The host's console: where challenges are made and the wall is kept tidy. */
export default function HostHomePage() {
  const { data: me } = useMe()
  const communityName = useCommunityName()
  return (
    <View className='page host-home'>
      <View className='host-home-hero'>
        {me ? <Avatar url={me.avatarUrl} nickname={me.nickname} size={96} /> : null}
        <View className='host-home-hello'>
          <Text className='host-home-name'>{me ? me.nickname : '主理人'}</Text>
          <Text className='host-home-sub'>经营{communityName ? `「${communityName}」` : '你的社群'}：挑战、审核与成长</Text>
        </View>
      </View>
      <View className='card host-home-menu'>
        {ENTRIES.map((entry) => (
          <MenuRow
            key={entry.key}
            className='host-entry'
            entry={entry.key}
            icon={{ glyph: entry.glyph, tone: entry.tone }}
            title={entry.title}
            desc={entry.desc}
            onClick={() => {
              void Taro.navigateTo({ url: entry.url })
            }}
          />
        ))}
        {me?.role === 'owner' ? (
          <MenuRow
            className='host-entry'
            entry='team'
            icon={{ glyph: '团', tone: 'teal' }}
            title='团队与设置'
            desc='邀请管理员、审核员和嘉宾；社群名片、群规和欢迎语'
            onClick={() => {
              void Taro.navigateTo({ url: HOST_TEAM_PAGE })
            }}
          />
        ) : null}
      </View>
      <CommunityNameRow />
    </View>
  )
}
