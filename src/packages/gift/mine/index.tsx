import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import { PlayHeader, PlayListSkeleton } from '../../../components/play-page'
import { MY_GIFT_CARDS_KEY, MY_WELCOME_KEY, STATE_TONE, fetchMyGiftCards, fetchMyWelcomeGift, stateLabel, stateLine } from '../../../services/gift'
import { GIFT_BUY_PAGE, giftCardUrl } from '../../../services/routes'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GiftCardView, MyWelcomeGiftView } from '../../../../types/gift'
import '../gift.css'

/** 我的礼品卡: the welcome gift this member got for joining through an invite, and the cards they gave (待领取 / 已被 X 领取 / 已退款). */
export default function MyGiftCardsPage() {
  const list = usePagedQuery<GiftCardView>(MY_GIFT_CARDS_KEY, (after) => fetchMyGiftCards({ after }))
  const welcome = useQuery<MyWelcomeGiftView | null>(MY_WELCOME_KEY, () => fetchMyWelcomeGift())
  useDidShow(() => {
    void list.refetch()
  })
  const now = Date.now()
  return (
    <PagedList
      list={list}
      className='play-page'
      header={
        <View>
          <View className='page-intro'>
            <Text className='page-title'>我的礼品卡</Text>
            <Text className='page-desc'>买一份会员送给朋友，分享领取链接，先领到的人获得会员；30 天内没人领取自动退款</Text>
          </View>
          {welcome.data ? (
            <View className='card gift-welcome col' aria-label='邀请欢迎礼'>
              <Text className='gift-welcome-title'>邀请欢迎礼已到账</Text>
              <Text className='gift-welcome-line text-soft'>{welcome.data.title}</Text>
              <Text className='gift-welcome-line text-soft'>
                {welcome.data.inviterName ? `${welcome.data.inviterName} 邀请你加入，` : ''}
                {chinaTime(welcome.data.grantedAt).format('MM月DD日')} 到账
              </Text>
            </View>
          ) : null}
          <View className='card'>
            <Button className='btn btn-primary gift-buy-entry' onClick={() => void Taro.navigateTo({ url: GIFT_BUY_PAGE })}>
              送会员礼品卡
            </Button>
          </View>
        </View>
      }
      skeleton={<PlayListSkeleton cards={2} height={100} />}
      empty={<EmptyState glyph='礼' title='还没有送出礼品卡' description='选一个会员套餐送给朋友，一起打卡' />}>
      {(items) =>
        items.map((card) => (
          <View key={card.id} className='card gift-card' data-id={card.id} onClick={() => void Taro.navigateTo({ url: giftCardUrl(card.id) })}>
            <PlayHeader
              tag={{ tone: STATE_TONE[card.state], label: stateLabel(card, now) }}
              kind={<Text className='gift-price'>{formatFen(card.priceFen)}</Text>}
              title={`${card.circleName}·${card.planName}`}
              subtitle={stateLine(card)}
              subtitleClassName='play-line'
            />
          </View>
        ))
      }
    </PagedList>
  )
}
