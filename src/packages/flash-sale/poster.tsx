import PlayPoster, { PLAY_BODY, PLAY_POSTER, drawPlayFrame, mutedLine, progressBar, strongLine, type Ctx } from '../../components/play-poster'
import { formatFen } from '../../utils/format'
import { TARGET_LABEL, formatSaleTime, livePhase, phaseLine } from '../../services/flash-sale'
import type { FlashSaleView } from '../../../types/flash-sale'

// The flash sale's poster (秒杀海报), drawn with the play-poster kit: what is on
// sale, the sale price against the usual one, when it opens (or the stock
// left), 每人限 1 件.

function draw(ctx: Ctx, sale: FlashSaleView, now: number): void {
  const phase = livePhase(sale, now)
  drawPlayFrame(ctx, {
    heading: '限时秒杀',
    subline: `${TARGET_LABEL[sale.targetType]} · 共 ${sale.stock} 件，每人限 1 件`,
    title: sale.title,
    itemName: sale.itemName,
    price: { label: '秒杀价', fen: sale.priceFen },
    footer: '打开小程序 → 我的 → 限时秒杀，准点开抢'
  })
  const { x, width } = PLAY_BODY
  if (sale.originalFen > sale.priceFen) mutedLine(ctx, `原价 ${formatFen(sale.originalFen)} · 立省 ${formatFen(sale.originalFen - sale.priceFen)}`, x, 330)
  // A picture outlives the moment: a start time rather than a countdown.
  if (phase === 'upcoming') strongLine(ctx, `${formatSaleTime(sale.startAt)} 准点开抢`, x, 380, 18)
  else if (phase === 'onSale') {
    progressBar(ctx, x, 352, width, sale.leftPercent)
    strongLine(ctx, `正在抢购 · 约剩 ${sale.leftPercent}%`, x, 396)
  } else strongLine(ctx, phaseLine(sale, now).slice(0, 22), x, 380)
  mutedLine(ctx, `开抢 ${formatSaleTime(sale.startAt)} · 结束 ${formatSaleTime(sale.endAt)}`, x, 428, 13)
}

export default function FlashSalePoster({ sale, now, onClose }: { sale: FlashSaleView; now: number; onClose: () => void }) {
  const phase = livePhase(sale, now)
  return (
    <PlayPoster
      canvasId='flash-sale-poster-canvas'
      prefix='fs-poster'
      {...PLAY_POSTER}
      draw={(ctx) => draw(ctx, sale, now)}
      fileName={`${sale.title}-秒杀海报`}
      redrawOn={[sale.id, phase, sale.leftPercent]}
      onClose={onClose}
    />
  )
}
