import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { PlayActionBar, PlayProgress, PlayQueryPage, PlayRules, EMPTY_ADDRESS, PlayAddress, addressReady, payPlayOrder, usePlayAction, usePlayQuery } from '../../../components/play-page'
import { buyButton, buyFlashSale, fetchFlashSale, flashSaleKey, formatSaleTime, livePhase, phaseLine, shareTitle } from '../../../services/flash-sale'
import { FLASH_SALES_PAGE, flashSaleUrl, routeParam } from '../../../services/routes'
import { chinaTime } from '../../../utils/china-time'
import type { FlashSaleView } from '../../../../types/flash-sale'
import type { ShippingAddress } from '../../../../types/growth'
import { useServerNow } from '../../../services/use-server-now'
import FlashSalePoster from '../poster'
import shareCard from '../assets/share-card.jpg'
import SaleHeader from '../sale-header'
import '../flash-sale.css'

export default function FlashSalePage() {
  const router = useRouter()
  const query = usePlayQuery<FlashSaleView>(routeParam(router.params.id), { key: flashSaleKey, fetch: (saleId) => fetchFlashSale({ saleId }), missing: '缺少秒杀编号', listUrl: FLASH_SALES_PAGE })
  const now = useServerNow(query.data)
  useShareAppMessage(() =>
    query.data
      ? { title: shareTitle(query.data, now), path: flashSaleUrl(query.data.id), imageUrl: shareCard as string }
      : { title: '限时秒杀，每人限 1 件', path: FLASH_SALES_PAGE, imageUrl: shareCard as string }
  )
  return <PlayQueryPage query={query}>{(sale) => <SaleDetail sale={sale} now={now} refetch={query.refetch} />}</PlayQueryPage>
}

function SaleDetail({ sale, now, refetch }: { sale: FlashSaleView; now: number; refetch: () => Promise<void> }) {
  const { busy, run } = usePlayAction(refetch)
  const [poster, setPoster] = useState(false)
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS)
  const phase = livePhase(sale, now)
  const button = buyButton(sale, now, busy)
  // The countdown reached the start (or the end): ask the server where the sale now stands.
  const started = now >= sale.startAt
  const ended = now >= sale.endAt
  useEffect(() => {
    if (sale.serverNow < sale.startAt && started) void refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once when the start or the end passes
  }, [started, ended])

  const buy = () =>
    run(async () => {
      const result = await buyFlashSale({ saleId: sale.id, ...(sale.needsAddress ? { address } : {}) })
      if (result.resumed) void Taro.showToast({ title: '你有一笔待支付订单，继续支付', icon: 'none', duration: 1500 })
      await payPlayOrder(result.payment, {
        key: flashSaleKey(sale.id),
        fetch: () => fetchFlashSale({ saleId: sale.id }),
        paid: (view) => view.mine?.status === 'paid',
        success: '抢购成功',
        unpaid: `支付未完成，名额保留至 ${chinaTime(result.payBefore).format('HH:mm')}`
      })
    })
  const tryBuy = () => {
    if (busy || !button.enabled) return
    if (sale.needsAddress && !addressReady(address)) return
    void buy()
  }

  return (
    <View className='page play-page'>
      <View className='card fs-hero'>
        <SaleHeader sale={sale} phase={phase} hero />
        {phase === 'upcoming' ? (
          <View className='fs-countdown row' aria-label='倒计时'>
            <Text className='fs-countdown-label text-error'>距开抢</Text>
            <Text className='fs-countdown-clock num-bold'>{phaseLine(sale, now).replace('距开抢 ', '')}</Text>
          </View>
        ) : (
          <Text className='play-line'>{phaseLine(sale, now)}</Text>
        )}
        {phase === 'onSale' ? <PlayProgress label='剩余库存' percent={sale.leftPercent} /> : null}
      </View>

      {sale.mine?.status === 'held' && sale.mine.payBefore > now ? (
        <View className='card play-note fs-mine'>
          <Text>已为你锁定 1 件，请在 {chinaTime(sale.mine.payBefore).format('HH:mm:ss')} 前完成支付，超时将释放给下一位</Text>
        </View>
      ) : null}
      {sale.mine?.status === 'paid' ? (
        <View className='card play-note play-note-done fs-mine fs-mine-paid'>
          <Text>已抢到，{sale.targetType === 'plan' ? '会员已生效' : sale.targetType === 'event' ? '报名已确认，可在我的票查看' : '可在我的兑换查看'}</Text>
        </View>
      ) : null}

      {sale.needsAddress && !sale.mine && phase === 'onSale' ? <PlayAddress value={address} onChange={setAddress} /> : null}

      <PlayRules
        lines={[
          `开抢：${formatSaleTime(sale.startAt)}，结束：${formatSaleTime(sale.endAt)}（北京时间）`,
          `共 ${sale.stock} 件，每人限抢 1 件；抢到后 5 分钟内未支付，名额自动释放给下一位`,
          '秒杀价不可叠加优惠券；退款后名额在秒杀结束前会重新开放'
        ]}
      />

      {poster ? <FlashSalePoster sale={sale} now={now} onClose={() => setPoster(false)} /> : null}

      <PlayActionBar>
        <Button className='btn btn-ghost play-bar-side fs-share' openType='share'>
          分享
        </Button>
        <Button className='btn btn-ghost play-bar-side fs-poster-open' onClick={() => setPoster(true)}>
          生成海报
        </Button>
        <Button className={`btn btn-primary play-bar-main fs-buy ${button.enabled ? '' : 'btn-disabled'}`} disabled={!button.enabled || undefined} onClick={tryBuy}>
          {button.label}
        </Button>
      </PlayActionBar>
    </View>
  )
}
