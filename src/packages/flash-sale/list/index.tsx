import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { FLASH_SALES_KEY, PHASE_LABEL, PHASE_TONE, TARGET_LABEL, fetchFlashSales, livePhase, phaseLine } from '../../../services/flash-sale'
import { flashSaleUrl } from '../../../services/routes'
import { usePagedQuery } from '../../../services/use-paged-query'
import { formatFen } from '../../../utils/format'
import type { FlashSaleView } from '../../../../types/flash-sale'
import { useServerNow } from '../../../services/use-server-now'
import '../flash-sale.css'

export default function FlashSalesPage() {
  const list = usePagedQuery<FlashSaleView>(FLASH_SALES_KEY, (after) => fetchFlashSales({ after }))
  const now = useServerNow(list.items[0])
  return (
    <PagedList
      list={list}
      className='fs-page'
      header={
        <View className='page-intro'>
          <Text className='page-title'>限时秒杀</Text>
          <Text className='page-desc'>限时限量的特价，每人限抢 1 件，抢到后 5 分钟内完成支付</Text>
        </View>
      }
      skeleton={
        <View className='page fs-page' aria-busy>
          {[0, 1, 2].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={120} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph='秒' title='暂时没有秒杀' description='主理人发布秒杀后会出现在这里，记得早点来' />}>
      {(items) =>
        items.map((sale) => {
          const phase = livePhase(sale, now)
          return (
            <View key={sale.id} className='card fs-card' data-id={sale.id} onClick={() => void Taro.navigateTo({ url: flashSaleUrl(sale.id) })}>
              <View className='fs-card-head'>
                <Tag tone={PHASE_TONE[phase]}>{PHASE_LABEL[phase]}</Tag>
                <Text className='fs-card-kind'>{TARGET_LABEL[sale.targetType]}</Text>
              </View>
              <Text className='fs-card-title'>{sale.title}</Text>
              <Text className='fs-card-item'>{sale.itemName}</Text>
              <View className='fs-price-row'>
                <Text className='fs-price'>{formatFen(sale.priceFen)}</Text>
                {sale.originalFen > sale.priceFen ? <Text className='fs-original'>{formatFen(sale.originalFen)}</Text> : null}
              </View>
              <Text className='fs-line'>{phaseLine(sale, now)}</Text>
            </View>
          )
        })
      }
    </PagedList>
  )
}
