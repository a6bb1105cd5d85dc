import { View, Text } from '@tarojs/components'
import type { Challenge } from '../../../../types/checkin'
import { completionRuleText } from '../../../services/completion'

/** What a check-in must contain and what it earns, in the host's own numbers. */
export default function ChallengeRules({ challenge }: { challenge: Challenge }) {
  const photos = challenge.maxPhotos === 0 ? '不需要图片' : challenge.minPhotos > 0 ? `${challenge.minPhotos}–${challenge.maxPhotos} 张图片` : `可配最多 ${challenge.maxPhotos} 张图片`
  const rows: Array<[string, string]> = [
    ['打卡时间', challenge.windowStart === '00:00' && challenge.windowEnd === '23:59' ? '全天可打卡' : `每天 ${challenge.windowStart}–${challenge.windowEnd}`],
    ['打卡内容', `${challenge.minTextLength > 0 ? `至少 ${challenge.minTextLength} 个字` : '文字不限'}，${photos}`],
    ['打卡积分', challenge.pointsPerCheckin > 0 ? `每次 +${challenge.pointsPerCheckin} 积分` : '不计积分']
  ]
  if (challenge.streakBonuses.length > 0) {
    rows.push(['连续奖励', challenge.streakBonuses.map((b) => `连续 ${b.day} 天 +${b.points}`).join('，')])
  }
  // Wallet cards (mall, tier perks) work in every challenge, so 0 here never means "no make-ups at all".
  rows.push(['补卡机会', challenge.makeupCardsPerMember > 0 ? `每人 ${challenge.makeupCardsPerMember} 次，可补最近 3 天；补卡券另计` : '本挑战不送补卡次数，可用补卡券补最近 3 天'])
  if (challenge.minTierLevel > 1) rows.push(['参与要求', `Lv${challenge.minTierLevel} 及以上成员`])
  rows.push(['完成条件', completionRuleText(challenge)])
  return (
    <View className='card detail-rules'>
      <Text className='detail-section-title text-title'>打卡规则</Text>
      {rows.map(([label, value]) => (
        <View key={label} className='detail-rule'>
          <Text className='detail-rule-label'>{label}</Text>
          <Text className='detail-rule-value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
