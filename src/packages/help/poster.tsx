import PlayPoster, { PLAY_BODY, PLAY_POSTER, drawPlayFrame, font, mutedLine, progressBar, strongLine, wrap, type Ctx } from '../../components/play-poster'
import { colors } from '../../styles/tokens'
import { progressLine } from '../../services/help'
import type { HelpTaskView } from '../../../types/help'

// The help task's poster (助力海报), drawn with the play-poster kit, for posting
// where a share card cannot go (朋友圈, groups as a picture): whose task, the
// reward, the progress, 帮我助力.

function draw(ctx: Ctx, task: HelpTaskView): void {
  drawPlayFrame(ctx, {
    heading: '帮我助力',
    subline: `${task.owner.nickname || '我'} 邀你点一下，集满 ${task.need} 人解锁奖励`,
    title: task.title,
    price: null,
    footer: '打开小程序 → 我的 → 好友助力，帮我点一下'
  })
  const { x, width } = PLAY_BODY
  mutedLine(ctx, '奖励', x, 250)
  ctx.fillStyle = colors.danger
  ctx.font = font(22, true)
  wrap(ctx, task.rewardName, width, 2).forEach((line, i) => ctx.fillText(line, x, 282 + i * 28))
  progressBar(ctx, x, 344, width, (task.points / Math.max(1, task.need)) * 100)
  strongLine(ctx, progressLine(task), x, 392, 18)
  mutedLine(ctx, `已有 ${task.helperCount} 位好友助力${task.newMemberDouble ? ' · 新成员助力算 2 位' : ''}`, x, 424, 13)
}

export default function HelpPoster({ task, onClose }: { task: HelpTaskView; onClose: () => void }) {
  return (
    <PlayPoster
      canvasId='help-poster-canvas'
      prefix='hp-poster'
      {...PLAY_POSTER}
      draw={(ctx) => draw(ctx, task)}
      fileName={`${task.title}-助力海报`}
      redrawOn={[task.id, task.points]}
      onClose={onClose}
    />
  )
}
