import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button, Canvas, Image } from '@tarojs/components'
import { PlayActionBar, PlayHeader, PlayQueryPage, PlayRules, usePlayQuery } from '../../../components/play-page'
import Popup from '../../../components/popup'
import { STANDING_LINE, STATE_TONE, claimGiftCard, fetchGiftCard, giftCardKey, shareTitle, stateLabel } from '../../../services/gift'
import { MY_GIFT_CARDS_PAGE, routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { setQueryData } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GiftCardView } from '../../../../types/gift'
import shareCard from '../assets/share-card.jpg'
import { POSTER_CANVAS_ID, renderGiftPoster, saveGiftPoster } from '../poster'
import '../gift.css'

/** The card a claim link opens: the buyer shares it (card or poster); a friend claims it, first come first served. */
export default function GiftCardPage() {
  const router = useRouter()
  const query = usePlayQuery<GiftCardView>(routeParam(router.params.id), { key: giftCardKey, fetch: (cardId) => fetchGiftCard({ cardId }), missing: '缺少礼品卡编号', listUrl: MY_GIFT_CARDS_PAGE })
  // The share card: who gives what, the gift picture, and the claim link (this page with the card's id).
  useShareAppMessage(() =>
    query.data
      ? { title: shareTitle(query.data), path: `/${query.data.claimPath}`, imageUrl: shareCard as string }
      : { title: '送你一张会员礼品卡，先到先得', path: MY_GIFT_CARDS_PAGE, imageUrl: shareCard as string }
  )
  return (
    <PlayQueryPage query={query} skeletonHeight={240}>
      {(card) => <CardDetail card={card} />}
    </PlayQueryPage>
  )
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
    <View className='page play-page'>
      <View className='gift-hero col' aria-label='礼品卡'>
        <Text className='gift-hero-from'>{card.buyerName || '好友'} 送你一份心意</Text>
        <Text className='gift-hero-title'>{card.circleName}</Text>
        <Text className='gift-hero-plan'>
          {card.planName} · {card.days} 天会员 · 价值 {formatFen(card.priceFen)}
        </Text>
        {card.message ? <Text className='gift-hero-message'>“{card.message}”</Text> : null}
      </View>

      <View className='card'>
        <PlayHeader tag={{ tone: STATE_TONE[card.state], label: stateLabel(card, now) }} kind={`${chinaTime(card.expiresAt).format('MM月DD日')} 前有效`} />
        <Text className='gift-standing text-soft gift-standing-line'>{STANDING_LINE[card.standing]}</Text>
      </View>

      <PlayRules lines={['每张礼品卡只能被领取一次，先到先得；领取后会员立即生效，已是会员的顺延', '赠送人不能领取自己的卡；30 天内无人领取，费用原路退还给赠送人']} />

      {mine ? <Canvas type='2d' id={POSTER_CANVAS_ID} className='gift-poster-canvas' /> : null}

      <PlayActionBar>
        {mine && card.state === 'unclaimed' ? (
          <>
            <Button className='btn btn-ghost play-bar-side gift-poster-button' onClick={() => void makePoster()}>
              生成海报
            </Button>
            <Button className='btn btn-primary play-bar-main gift-share' openType='share'>
              分享给好友
            </Button>
          </>
        ) : card.standing === 'claimable' ? (
          <Button className={`btn btn-primary play-bar-main gift-claim ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void claim()}>
            {busy ? '领取中…' : '立即领取'}
          </Button>
        ) : (
          <Button className='btn btn-ghost play-bar-main gift-mine-link' onClick={() => void Taro.redirectTo({ url: MY_GIFT_CARDS_PAGE })}>
            我的礼品卡
          </Button>
        )}
      </PlayActionBar>

      <Popup open={poster !== null} position='center' onClose={() => setPoster(null)}>
        {poster ? (
          <View className='gift-poster col'>
            <Text className='play-section-title text-value'>礼品卡海报</Text>
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
