import { View } from '@tarojs/components'
import EmptyState from '../../components/empty-state'
import './index.css'

// Check-ins arrive with challenges; until then the feed says so plainly.
export default function FeedPage() {
  return (
    <View className='page feed-page'>
      <EmptyState
        glyph='卡'
        title='还没有打卡动态'
        description='主理人开启打卡挑战后，大家每天的打卡会出现在这里，可以点赞和评论。'
      />
    </View>
  )
}
