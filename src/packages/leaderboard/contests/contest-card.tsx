import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Tag, { type Tone } from '../../../components/tag'
import type { ContestView } from '../../../../types/leaderboard'
import { PHASE_LABEL, contestWindow } from '../../../services/leaderboard'
import { boardUrl } from '../../../services/routes'
import './contest-card.css'

const PHASE_TONE: Record<ContestView['phase'], Tone> = { upcoming: 'blue', running: 'green', ended: 'grey' }

/** One invite contest: phase, window in China time, prizes (points and any prize coupon); tapping opens its board. */
export default function ContestCard({ contest }: { contest: ContestView }) {
  const open = () => {
    void Taro.navigateTo({ url: boardUrl('contestInvites', { contestId: contest.id, title: contest.title }) })
  }
  return (
    <View className='card ct-card' data-id={contest.id} onClick={open}>
      <View className='ct-card-head row'>
        <Text className='ct-card-title text-strong ellipsis'>{contest.title}</Text>
        <Tag tone={PHASE_TONE[contest.phase]} className='ct-phase'>
          {contest.settled ? '已结算' : PHASE_LABEL[contest.phase]}
        </Tag>
      </View>
      <Text className='ct-card-window text-meta'>{contestWindow(contest.startAt, contest.endAt)}（北京时间）</Text>
      <View className='ct-prizes'>
        {contest.prizes.map((prize, i) => (
          <View key={i} className={`ct-prize fill-col ct-prize-${i + 1}`}>
            <Text className='ct-prize-place text-note'>第 {i + 1} 名</Text>
            {prize.points > 0 || !prize.couponName ? <Text className='ct-prize-points'>+{prize.points}</Text> : null}
            {prize.couponName ? (
              <View className='ct-prize-coupon'>
                <Text className='ct-prize-coupon-glyph'>券</Text>
                <Text className='ct-prize-coupon-name'>{prize.couponName}</Text>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      <View className='ct-card-foot row-between'>
        <Text className='ct-card-rule text-quiet'>按邀请并激活的好友人数排名</Text>
        <Text className='ct-card-link text-link'>查看榜单 ›</Text>
      </View>
    </View>
  )
}
