import { View } from '@tarojs/components'
import EmptyState from '../../components/empty-state'
import './index.css'

// Challenges are the next issue; the tab exists now so the bar does not reshuffle later.
export default function ChallengesPage() {
  return (
    <View className='page challenges-page'>
      <EmptyState
        glyph='战'
        title='暂时没有进行中的挑战'
        description='主理人发布挑战后，你可以在这里报名，每天打卡，和伙伴一起坚持。'
      />
    </View>
  )
}
