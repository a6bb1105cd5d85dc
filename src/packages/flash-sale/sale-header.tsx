import { PlayHeader } from '../../components/play-page'
import { PHASE_LABEL, PHASE_TONE, TARGET_LABEL } from '../../services/flash-sale'
import type { FlashSalePhase, FlashSaleView } from '../../../types/flash-sale'

/** A sale's head as the list and the detail show it: the phase as it stands now, what it sells, the price against the list price. */
export default function SaleHeader({ sale, phase, hero }: { sale: FlashSaleView; phase: FlashSalePhase; hero?: boolean }) {
  return (
    <PlayHeader
      tag={{ tone: PHASE_TONE[phase], label: PHASE_LABEL[phase] }}
      kind={TARGET_LABEL[sale.targetType]}
      title={sale.title}
      subtitle={sale.itemName}
      price={{ fen: sale.priceFen, listFen: sale.originalFen }}
      hero={hero}
    />
  )
}
