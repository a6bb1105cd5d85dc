import Taro, { useDidShow } from '@tarojs/taro'
import { formatPoints, tierLabel, useGrowthSummary } from '../../services/growth'
import MenuRow from '../menu-row'
import { GROWTH_CENTER_PAGE } from '../../services/routes'

/**
 * 我的 → 我的成长, with the tier and balance at a glance ("Lv2 活跃 · 128 积分").
 * A row of 我的's menu card (MenuRow); refreshes whenever 我的 shows again (back from the mall).
 */
export default function GrowthEntry() {
  const { data, refetch } = useGrowthSummary()
  useDidShow(() => {
    void refetch()
  })
  return (
    <MenuRow
      className='growth-entry'
      title='我的成长'
      hint={data ? `${tierLabel(data.tier)} · ${formatPoints(data.points)} 积分` : '积分、等级与商城'}
      hintClassName='growth-entry-hint'
      onClick={() => {
        void Taro.navigateTo({ url: GROWTH_CENTER_PAGE })
      }}
    />
  )
}
