import { View, Text, Image } from '@tarojs/components'
import { formatPoints } from '../../../services/growth'
import type { MallItem } from '../../../../types/growth'
import { KIND_LABEL } from './availability'

/** One tile of the mall grid. */
export default function ItemCard({ item, onOpen }: { item: MallItem; onOpen: () => void }) {
  const soldOut = item.stock <= 0
  return (
    <View className={`mall-card ${soldOut ? 'mall-card-soldout' : ''}`} onClick={onOpen}>
      <View className='mall-card-cover'>
        {item.imageUrl ? (
          <Image className='mall-card-image' src={item.imageUrl} mode='aspectFill' lazyLoad />
        ) : (
          <View className='mall-card-image mall-card-noimage'>
            <Text>礼</Text>
          </View>
        )}
        {item.minTierLevel > 1 ? <Text className='mall-tier-tag'>Lv{item.minTierLevel} 专享</Text> : null}
        {soldOut ? (
          <View className='mall-card-soldout-mask abs-fill row'>
            <Text>已兑完</Text>
          </View>
        ) : null}
      </View>
      <View className='mall-card-body'>
        <Text className='mall-card-name text-body'>{item.name}</Text>
        <Text className='mall-card-desc text-faint ellipsis'>{item.description || KIND_LABEL[item.kind]}</Text>
        <View className='mall-card-meta'>
          <Text className='mall-price num-bold'>
            {formatPoints(item.pricePoints)}
            <Text className='mall-price-unit'> 积分</Text>
          </Text>
          <Text className='mall-stock text-faint'>剩 {item.stock}</Text>
        </View>
      </View>
    </View>
  )
}
