import { useState } from 'react'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { formatPoints, updateMallItem, useHostItems } from '../../../services/growth'
import { usePullDownRefetch } from '../../../services/use-query'
import { showError, useRefreshErrorToast } from '../../../services/show-error'
import type { MallItem } from '../../../../types/growth'
import { KIND_LABEL } from '../labels'
import { ITEM_EDIT_PAGE } from '../../../services/routes'
import './index.css'

export default function HostItemsPage() {
  const list = useHostItems()
  const [toggling, setToggling] = useState<string | null>(null)
  // Back from the editor: show what was saved.
  useDidShow(() => {
    void list.refetch()
  })
  usePullDownRefetch(list.refetch)
  useReachBottom(() => {
    void list.loadMore()
  })
  useRefreshErrorToast(list.refreshError)

  const edit = (item?: MallItem) => {
    void Taro.navigateTo({ url: item ? `${ITEM_EDIT_PAGE}?id=${encodeURIComponent(item.id)}` : ITEM_EDIT_PAGE })
  }

  const toggle = async (item: MallItem) => {
    if (toggling) return
    setToggling(item.id)
    try {
      await updateMallItem({ itemId: item.id, active: !item.active })
      await list.refetch()
      void Taro.showToast({ title: item.active ? '已下架' : '已上架', icon: 'success', duration: 1200 })
    } catch (err) {
      showError(err)
    } finally {
      setToggling(null)
    }
  }

  const addButton = (
    <View className='btn btn-primary hg-items-add' onClick={() => edit()}>
      ＋ 新增商品
    </View>
  )

  return (
    <PagedListView
      list={list}
      className='hg-items'
      skeleton={<ItemsSkeleton />}
      empty={<EmptyState glyph='商' title='还没有商品' description='上架补卡券、社群周边或一对一服务，让成员的积分有处可用' action={addButton} />}>
      {(items) => (
        <>
          {addButton}
          {items.map((item) => (
            <View key={item.id} className={`card hg-item ${item.active ? '' : 'hg-item-off'}`}>
              <View className='hg-item-main' onClick={() => edit(item)}>
                {item.imageUrl ? (
                  <Image className='hg-item-image' src={item.imageUrl} mode='aspectFill' lazyLoad />
                ) : (
                  <View className='hg-item-image hg-item-noimage row'>
                    <Text>礼</Text>
                  </View>
                )}
                <View className='hg-item-text fill-col'>
                  <View className='hg-item-title-row row'>
                    <Text className='hg-item-name ellipsis'>{item.name}</Text>
                    <Tag tone={item.active ? 'green' : 'grey'} className='hg-item-state'>
                      {item.active ? '在售' : '已下架'}
                    </Tag>
                  </View>
                  <Text className='hg-item-price'>{formatPoints(item.pricePoints)} 积分</Text>
                  <View className='hg-item-tags'>
                    <Tag tone='grey' className='hg-item-tag'>
                      {KIND_LABEL[item.kind]}
                    </Tag>
                    {item.minTierLevel > 1 ? (
                      <Tag tone='warn' className='hg-item-tag'>
                        Lv{item.minTierLevel} 专享
                      </Tag>
                    ) : null}
                    {item.perMemberLimit > 0 ? (
                      <Tag tone='grey' className='hg-item-tag'>
                        每人限 {item.perMemberLimit}
                      </Tag>
                    ) : null}
                  </View>
                </View>
              </View>
              <View className='hg-item-foot row'>
                <Text className={`hg-item-stock text-meta ${item.stock === 0 ? 'hg-item-stock-out' : ''}`}>
                  库存 {item.stock} · 已兑 {item.redeemedCount}
                </Text>
                <View className='btn btn-ghost btn-small hg-item-edit' onClick={() => edit(item)}>
                  编辑
                </View>
                <View
                  className={`btn btn-small hg-item-toggle ${item.active ? 'hg-item-toggle-off' : 'btn-primary'}`}
                  onClick={() => {
                    void toggle(item)
                  }}>
                  {toggling === item.id ? '…' : item.active ? '下架' : '上架'}
                </View>
              </View>
            </View>
          ))}
        </>
      )}
    </PagedListView>
  )
}

function ItemsSkeleton() {
  return (
    <View className='page hg-items' aria-busy>
      {[0, 1, 2].map((i) => (
        <View key={i} className='card hg-item'>
          <View className='hg-item-main'>
            <Skeleton width={144} height={144} />
            <View className='hg-item-text fill-col'>
              <Skeleton width={260} height={32} />
              <Skeleton width={140} height={28} className='hg-item-skeleton-gap' />
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
