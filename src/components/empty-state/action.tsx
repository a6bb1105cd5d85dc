import { View } from '@tarojs/components'

/** The way forward under an empty state (去看看活动, 返回我的成长): a small button, primary unless ghost. */
export default function EmptyAction({ label, onClick, ghost, className }: { label: string; onClick: () => unknown; ghost?: boolean; className?: string }) {
  return (
    <View
      className={`btn ${ghost ? 'btn-ghost' : 'btn-primary'} btn-small ${className ?? ''}`}
      onClick={() => {
        void onClick()
      }}>
      {label}
    </View>
  )
}
