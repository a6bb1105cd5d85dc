import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PlayList } from '../../../components/play-page'
import { FLASH_SALES_KEY, fetchFlashSales, livePhase, phaseLine } from '../../../services/flash-sale'
import { flashSaleUrl } from '../../../services/routes'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { FlashSaleView } from '../../../../types/flash-sale'
import { useServerNow } from '../../../services/use-server-now'
import SaleHeader from '../sale-header'
import '../flash-sale.css'

export default function FlashSalesPage() {
  const list = usePagedQuery<FlashSaleView>(FLASH_SALES_KEY, (after) => fetchFlashSales({ after }))
  const now = useServerNow(list.items[0])
  return (
    <PlayList list={list} title='限时秒杀' glyph='秒' desc='限时限量的特价，每人限抢 1 件，抢到后 5 分钟内完成支付'>
      {(items) =>
        items.map((sale) => {
          const phase = livePhase(sale, now)
          return (
            <View key={sale.id} className='card fs-card' data-id={sale.id} onClick={() => void Taro.navigateTo({ url: flashSaleUrl(sale.id) })}>
              <SaleHeader sale={sale} phase={phase} />
              <Text className='play-line'>{phaseLine(sale, now)}</Text>
            </View>
          )
        })
      }
    </PlayList>
  )
}
