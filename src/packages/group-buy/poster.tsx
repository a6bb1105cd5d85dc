import PlayPoster, { PLAY_BODY, PLAY_POSTER, drawPlayFrame, font, mutedLine, strongLine, type Ctx } from '../../components/play-poster'
import { colors } from '../../styles/tokens'
import { formatFen } from '../../utils/format'
import { progressLine } from '../../services/group-buy'
import type { GroupView } from '../../../types/group-buy'

// The group's poster (拼团海报), drawn with the play-poster kit: what the group
// buys, the group price, the seats (filled and empty), 还差 N 人.

function draw(ctx: Ctx, group: GroupView, now: number): void {
  drawPlayFrame(ctx, {
    heading: `${group.size} 人拼团`,
    subline: `${group.leaderName || '我'} 邀你一起拼，人满全员开通`,
    title: group.title,
    itemName: group.itemName,
    price: { label: '拼团价', fen: group.priceFen },
    footer: '打开小程序 → 我的 → 拼团，找到这个团参团'
  })
  const { x, width } = PLAY_BODY
  if (group.originalFen > group.priceFen) mutedLine(ctx, `原价 ${formatFen(group.originalFen)}`, x, 330)
  // The seats: filled ones in red with the member's initial, empty ones as rings.
  const r = 16
  const gap = Math.min(44, (width - 2 * r) / Math.max(1, group.size - 1))
  for (let n = 0; n < group.size; n++) {
    const member = group.members.find((m) => m.n === n && m.paid)
    const cx = x + r + n * gap
    ctx.beginPath()
    ctx.arc(cx, 370, r, 0, Math.PI * 2)
    if (member) {
      ctx.fillStyle = colors.danger
      ctx.fill()
      ctx.fillStyle = colors.surface
      ctx.font = font(14, true)
      ctx.fillText(Array.from(member.name)[0] ?? '拼', cx - 7, 375)
    } else {
      ctx.strokeStyle = colors.dangerFaint
      ctx.lineWidth = 3
      ctx.stroke()
    }
  }
  strongLine(ctx, progressLine(group, now).slice(0, 22), x, 420)
}

export default function GroupPoster({ group, now }: { group: GroupView; now: number }) {
  return (
    <PlayPoster
      canvasId='group-buy-poster-canvas'
      prefix='gb-poster'
      {...PLAY_POSTER}
      draw={(ctx) => draw(ctx, group, now)}
      fileName={`${group.title}-拼团海报`}
      redrawOn={[group.id, group.paidCount, group.phase]}
    />
  )
}
