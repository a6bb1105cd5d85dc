import PlayPoster, { PLAY_BODY, PLAY_POSTER, drawPlayFrame, mutedLine, progressBar, strongLine, type Ctx } from '../../components/play-poster'
import { formatFen } from '../../utils/format'
import { progressLine, progressPercent } from '../../services/bargain'
import type { BargainView } from '../../../types/bargain'

// The bargain's poster (砍价海报), drawn with the play-poster kit: what is
// bargained, the price now, the progress, 帮我砍一刀.

function draw(ctx: Ctx, bargain: BargainView): void {
  drawPlayFrame(ctx, {
    heading: '帮我砍一刀',
    subline: `${bargain.starterNickname || '我'} 正在砍价，好友每人一刀`,
    title: bargain.title,
    itemName: bargain.itemName,
    price: { label: '现价', fen: bargain.priceFen },
    footer: '打开小程序「我的 → 砍价」，帮我砍一刀'
  })
  const { x, width } = PLAY_BODY
  mutedLine(ctx, `原价 ${formatFen(bargain.startFen)} · 底价 ${formatFen(bargain.floorFen)}`, x, 330)
  progressBar(ctx, x, 352, width, progressPercent(bargain))
  strongLine(ctx, progressLine(bargain), x, 396)
  mutedLine(ctx, `已有 ${bargain.cuts} 位好友帮砍，最多 ${bargain.cutsTotal} 刀到底价`, x, 428, 13)
}

export default function BargainPoster({ bargain }: { bargain: BargainView }) {
  return (
    <PlayPoster canvasId='bargain-poster-canvas' prefix='bg-poster' {...PLAY_POSTER} draw={(ctx) => draw(ctx, bargain)} fileName={`${bargain.title}-砍价海报`} redrawOn={[bargain.id, bargain.cuts]} />
  )
}
