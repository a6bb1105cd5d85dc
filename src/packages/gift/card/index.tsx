import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button, Canvas, Image } from '@tarojs/components'
import ErrorState from '../../../components/error-state'
import Popup from '../../../components/popup'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { ApiCallError } from '../../../services/api'
import { STANDING_LINE, STATE_TONE, claimGiftCard, fetchGiftCard, giftCardKey, shareTitle, stateLabel } from '../../../services/gift'
import { MY_GIFT_CARDS_PAGE, routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { setQueryData, usePullDownRefetch, useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GiftCardView } from '../../../../types/gift'
import shareCard from '../assets/share-card.jpg'
import { POSTER_CANVAS_ID, renderGiftPoster, saveGiftPoster } from '../poster'
import '../gift.css'

/** The card a claim link opens: the buyer shares it (card or poster); a friend claims it, first come first served. */
export default function GiftCardPage() {
  const router = useRouter()
  const cardId = routeParam(router.params.id)
  const query = useQuery<GiftCardView>(giftCardKey(cardId || 'none'), () => (cardId ? fetchGiftCard({ cardId }) : Promise.reject(new ApiCallError('NOT_FOUND', '缺少礼品卡编号'))))
  usePullDownRefetch(query.refetch)
  useDidShow(() => {
    if (cardId) void query.refetch()
  })
  useEffect(() => {
    if (query.error && query.data) showError(query.error)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- toast once per new error
  }, [query.error])
  // The share card: who gives what, the gift picture, and the claim link (this page with the card's id).
  useShareAppMessage(() =>
    query.data
      ? { title: shareTitle(query.data), path: `/${query.data.claimPath}`, imageUrl: shareCard as string }
      : { title: '送你一张会员礼品卡，先到先得', path: MY_GIFT_CARDS_PAGE, imageUrl: shareCard as string }
  )

  if (query.loading) {
    return (
      <View className='page gift-page' aria-busy>
        <View className='card'>
          <Skeleton width='100%' height={240} />
        </View>
      </View>
    )
  }
  if (!query.data) {
    return (
      <View className='page gift-page'>
        <View className='card'>
          <ErrorState error={query.error} onRetry={() => (cardId ? void query.refetch() : void Taro.redirectTo({ url: MY_GIFT_CARDS_PAGE }))} />
        </View>
      </View>
    )
  }
  return <CardDetail card={query.data} />
}

function CardDetail({ card }: { card: GiftCardView }) {
  const [busy, setBusy] = useState(false)
  const [poster, setPoster] = useState<string | null>(null)
  const now = Date.now()

  const claim = async () => {
    if (busy) return
    setBusy(true)
    try {
      const claimed = await claimGiftCard({ cardId: card.id })
      setQueryData(giftCardKey(card.id), claimed)
      void Taro.showToast({ title: '领取成功，会员已生效', icon: 'success', duration: 2000 })
    } catch (err) {
      showError(err)
      void fetchGiftCard({ cardId: card.id })
        .then((fresh) => setQueryData(giftCardKey(card.id), fresh))
        .catch(() => undefined)
    } finally {
      setBusy(false)
    }
  }

  const makePoster = async () => {
    try {
      setPoster(await renderGiftPoster(card))
    } catch (err) {
      showError(err)
    }
  }

  const mine = card.standing === 'mine'
  return (
    <View className='page gift-page'>
      <View className='gift-hero' aria-label='礼品卡'>
        <Text className='gift-hero-from'>{card.buyerName || '好友'} 送你一份心意</Text>
        <Text className='gift-hero-title'>{card.circleName}</Text>
        <Text className='gift-hero-plan'>
          {card.planName} · {card.days} 天会员 · 价值 {formatFen(card.priceFen)}
        </Text>
        {card.message ? <Text className='gift-hero-message'>“{card.message}”</Text> : null}
      </View>

      <View className='card'>
        <View className='gift-card-head'>
          <Tag tone={STATE_TONE[card.state]}>{stateLabel(card, now)}</Tag>
          <Text className='gift-card-line'>{chinaTime(card.expiresAt).format('MM月DD日')} 前有效</Text>
        </View>
        <Text className='gift-standing gift-standing-line'>{STANDING_LINE[card.standing]}</Text>
      </View>

      <View className='card gift-rules'>
        <Text className='gift-rules-title'>规则</Text>
        <Text className='gift-rules-line'>每张礼品卡只能被领取一次，先到先得；领取后会员立即生效，已是会员的顺延</Text>
        <Text className='gift-rules-line'>赠送人不能领取自己的卡；30 天内无人领取，费用原路退还给赠送人</Text>
      </View>

      {mine ? <Canvas type='2d' id={POSTER_CANVAS_ID} className='gift-poster-canvas' /> : null}

      <View className='gift-bar'>
        {mine && card.state === 'unclaimed' ? (
          <>
            <Button className='btn btn-ghost gift-poster-button' onClick={() => void makePoster()}>
              生成海报
            </Button>
            <Button className='btn btn-primary gift-share' openType='share'>
              分享给好友
            </Button>
          </>
        ) : card.standing === 'claimable' ? (
          <Button className={`btn btn-primary gift-claim ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void claim()}>
            {busy ? '领取中…' : '立即领取'}
          </Button>
        ) : (
          <Button className='btn btn-ghost gift-mine-link' onClick={() => void Taro.redirectTo({ url: MY_GIFT_CARDS_PAGE })}>
            我的礼品卡
          </Button>
        )}
      </View>

      <Popup open={poster !== null} position='center' onClose={() => setPoster(null)}>
        {poster ? (
          <View className='gift-poster'>
            <Text className='gift-rules-title'>礼品卡海报</Text>
            <Image className='gift-poster-image' src={poster} mode='aspectFit' />
            <Button className='btn btn-primary' onClick={() => void saveGiftPoster(poster)}>
              保存海报
            </Button>
          </View>
        ) : null}
      </Popup>
    </View>
  )
}
