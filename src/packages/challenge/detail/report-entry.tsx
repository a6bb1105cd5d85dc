import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { completionReportUrl } from '../../../services/routes'
import './report-entry.css'

/** Once the member completed the challenge: the way to their 完成报告 and poster. */
export default function ReportEntry({ challengeId }: { challengeId: string }) {
  return (
    <View
      className='card report-entry'
      onClick={() => {
        void Taro.navigateTo({ url: completionReportUrl(challengeId) })
      }}>
      <View className='report-entry-badge row'>
        <Text>证</Text>
      </View>
      <View className='report-entry-text col'>
        <Text className='report-entry-title'>你已完成挑战</Text>
        <Text className='report-entry-desc'>查看完成报告，生成海报邀请好友</Text>
      </View>
      <Text className='report-entry-chevron'>›</Text>
    </View>
  )
}
