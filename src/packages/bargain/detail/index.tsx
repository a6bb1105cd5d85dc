import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import { PlayActionBar, PlayHeader, PlayProgress, PlayQueryPage, PlayRules, EMPTY_ADDRESS, PlayAddress, addressReady, payPlayOrder, usePlayAction, usePlayQuery } from '../../../components/play-page'
import {
  STATUS_LABEL,
  STATUS_TONE,
  TARGET_LABEL,
  bargainKey,
  countdown,
  cutBargain,
  fetchBargain,
  formatBargainTime,
  payBargain,
  progressLine,
  progressPercent,
  shareTitle
} from '../../../services/bargain'
import { BARGAINS_PAGE, bargainUrl, routeParam } from '../../../services/routes'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { BargainView } from '../../../../types/bargain'
import type { ShippingAddress } from '../../../../types/growth'
import { useServerNow } from '../../../services/use-server-now'
import BargainPoster from '../poster'
import shareCard from '../assets/share-card.jpg'
import '../bargain.css'

export default function BargainPage() {
  const router = useRouter()
  const query = usePlayQuery<BargainView>(routeParam(router.params.id), { key: bargainKey, fetch: (bargainId) => fetchBargain({ bargainId }), missing: '缺少砍价编号', listUrl: BARGAINS_PAGE })
  const now = useServerNow(query.data)
  // The share card: 帮我砍一刀 with how far there is to go, the card image made for bargains, and the bargain's own page.
  useShareAppMessage(() =>
    query.data
      ? { title: shareTitle(query.data), path: bargainUrl(query.data.id), imageUrl: shareCard as string }
      : { title: '帮我砍一刀，好友每人一刀砍到底价', path: BARGAINS_PAGE, imageUrl: shareCard as string }
  )
  return <PlayQueryPage query={query}>{(bargain) => <BargainDetail bargain={bargain} now={now} refetch={query.refetch} />}</PlayQueryPage>
}

function grantLine(bargain: BargainView): string {
  if (bargain.targetType === 'plan') return '会员已生效'
  if (bargain.targetType === 'event') return '报名已确认，可在我的票查看'
  return '可在我的兑换查看'
}

function BargainDetail({ bargain, now, refetch }: { bargain: BargainView; now: number; refetch: () => Promise<void> }) {
  const { busy, run } = usePlayAction(refetch)
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS)
  const [showPoster, setShowPoster] = useState(false)
  const expired = bargain.status === 'expired' || (bargain.status === 'open' && now >= bargain.expiresAt)
  const status = expired ? 'expired' : bargain.status
  const open = status === 'open'
  const openOrder = bargain.openOrder && bargain.openOrder.payBefore > now ? bargain.openOrder : null

  const cut = () =>
    run(async () => {
      const result = await cutBargain({ bargainId: bargain.id })
      void Taro.showModal({
        title: `你帮 ${bargain.starterNickname || 'TA'} 砍掉了 ${formatFen(result.amountFen)}`,
        content: result.reachedFloor ? `第 ${result.k} 刀，已经砍到底价 ${formatFen(result.priceFen)}！` : `第 ${result.k} 刀，现价 ${formatFen(result.priceFen)}。你也可以发起自己的砍价。`,
        showCancel: false,
        confirmText: '好的'
      })
    })

  const pay = () => {
    if (busy) return
    if (bargain.needsAddress && !openOrder && !addressReady(address)) return
    void run(async () => {
      const result = await payBargain({ bargainId: bargain.id, ...(bargain.needsAddress ? { address } : {}) })
      if (result.resumed) void Taro.showToast({ title: `继续支付下单时的价格 ${formatFen(result.amountFen)}`, icon: 'none', duration: 1500 })
      await payPlayOrder(result.payment, {
        key: bargainKey(bargain.id),
        fetch: () => fetchBargain({ bargainId: bargain.id }),
        paid: (view) => view.status === 'paid',
        success: '购买成功',
        unpaid: `支付未完成，订单保留至 ${chinaTime(result.payBefore).format('HH:mm')}`
      })
    })
  }

  const payLabel = openOrder ? `去支付 ${formatFen(openOrder.amountFen)}` : bargain.reachedFloor ? `底价购买 ${formatFen(bargain.priceFen)}` : `现价购买 ${formatFen(bargain.priceFen)}`

  return (
    <View className='page play-page'>
      <View className='card bg-hero'>
        <PlayHeader
          tag={{ tone: STATUS_TONE[status], label: STATUS_LABEL[status] }}
          kind={TARGET_LABEL[bargain.targetType]}
          title={bargain.title}
          subtitle={`${bargain.itemName} · ${bargain.isMine ? '我发起的砍价' : `${bargain.starterNickname || '好友'} 发起的砍价`}`}
          price={{ fen: bargain.priceFen, listFen: bargain.startFen, label: '现价' }}
          hero
        />
        <PlayProgress label='砍价进度' percent={progressPercent(bargain)} text={progressLine(bargain)} />
        <Text className='play-line'>
          {open ? `剩余 ${countdown(bargain.expiresAt, now)} · ` : ''}已有 {bargain.cuts} 位好友帮砍，最多 {bargain.cutsTotal} 刀砍到底价 {formatFen(bargain.floorFen)}
        </Text>
      </View>

      {bargain.isMine && openOrder ? (
        <View className='card play-note bg-open-order'>
          <Text>
            你有一笔待支付订单 {formatFen(openOrder.amountFen)}（下单时的价格），请在 {chinaTime(openOrder.payBefore).format('HH:mm')}{' '}
            前支付。下单后好友再砍，不会改变这笔订单的价格；订单超时或取消后，可按新的现价重新下单。
          </Text>
        </View>
      ) : null}
      {status === 'paid' ? (
        <View className='card play-note play-note-done bg-paid'>
          <Text>{bargain.isMine ? `已购买，${grantLine(bargain)}` : `${bargain.starterNickname || 'TA'} 已经买下了，谢谢你的一刀`}</Text>
        </View>
      ) : null}
      {status === 'expired' ? (
        <View className='card play-note'>
          <Text>
            这个砍价已于 {formatBargainTime(bargain.expiresAt)} 过期，不能再砍，也不能按砍后价购买{bargain.isMine ? '；可以回到砍价列表重新发起' : ''}
          </Text>
        </View>
      ) : null}
      {!bargain.isMine && bargain.myCut ? (
        <View className='card play-note play-note-done bg-my-cut'>
          <Text>
            你砍了第 {bargain.myCut.k} 刀，砍掉 {formatFen(bargain.myCut.amountFen)}
          </Text>
        </View>
      ) : null}
      {bargain.paused && open ? (
        <View className='card play-note'>
          <Text>主理人暂停了这个砍价活动，暂时不能砍价{bargain.isMine ? '，仍可按现价购买' : ''}</Text>
        </View>
      ) : null}

      {bargain.isMine && bargain.needsAddress && open && !openOrder ? <PlayAddress value={address} onChange={setAddress} /> : null}

      {bargain.isMine ? (
        showPoster ? (
          <BargainPoster bargain={bargain} />
        ) : (
          <View className='card bg-poster-entry'>
            <Button className='btn btn-ghost bg-poster-button' onClick={() => setShowPoster(true)}>
              生成砍价海报，发朋友圈或群里
            </Button>
          </View>
        )
      ) : null}

      <View className='card bg-cutters'>
        <Text className='play-section-title text-value'>好友帮砍（{bargain.cuts}）</Text>
        {bargain.cutters.length === 0 ? <Text className='play-muted text-meta'>{bargain.isMine ? '还没有好友帮砍，分享给好友，每人可以帮你砍一刀' : '还没有人帮砍，来砍第一刀吧'}</Text> : null}
        {bargain.cutters.map((c) => (
          <View key={c.k} className='bg-cutter row divided'>
            <Avatar url={c.avatarUrl} nickname={c.nickname} size={72} />
            <View className='bg-cutter-main col'>
              <Text className='bg-cutter-name text-body'>{c.nickname}</Text>
              <Text className='bg-cutter-k text-note'>
                第 {c.k} 刀 · {chinaTime(c.at).format('MM-DD HH:mm')}
              </Text>
            </View>
            <Text className='bg-cutter-amount'>砍掉 {formatFen(c.amountFen)}</Text>
          </View>
        ))}
      </View>

      <PlayRules
        lines={[
          '每位好友只能帮同一个砍价砍 1 刀，不能给自己砍；每刀砍掉多少由系统随机决定，越早砍得越多',
          `最多 ${bargain.cutsTotal} 刀砍到底价 ${formatFen(bargain.floorFen)}；有效期至 ${formatBargainTime(bargain.expiresAt)}，过期后不能再砍也不能按砍后价购买`,
          '到期前随时可按现价购买；下单后再砍不改变这笔订单的价格，订单 15 分钟内未支付自动关闭'
        ]}
      />

      <PlayActionBar>
        {bargain.isMine ? (
          <>
            {open && !bargain.reachedFloor && !openOrder ? (
              <Button className='btn btn-ghost play-bar-side bg-share' openType='share'>
                帮我砍一刀
              </Button>
            ) : null}
            <Button className={`btn btn-primary play-bar-main bg-pay ${open && !busy ? '' : 'btn-disabled'}`} disabled={!open || busy || undefined} onClick={pay}>
              {open ? payLabel : STATUS_LABEL[status]}
            </Button>
          </>
        ) : (
          <>
            <Button className='btn btn-ghost play-bar-side bg-mine' onClick={() => void Taro.navigateTo({ url: BARGAINS_PAGE })}>
              我也要砍价
            </Button>
            <CutButton bargain={bargain} open={open} busy={busy} onCut={() => void cut()} />
          </>
        )}
      </PlayActionBar>
    </View>
  )
}

function CutButton({ bargain, open, busy, onCut }: { bargain: BargainView; open: boolean; busy: boolean; onCut: () => void }) {
  const label = bargain.myCut
    ? `已帮砍 ${formatFen(bargain.myCut.amountFen)}`
    : !open
      ? STATUS_LABEL[bargain.status === 'open' ? 'expired' : bargain.status]
      : bargain.reachedFloor
        ? '已砍到底价'
        : bargain.paused
          ? '活动已暂停'
          : busy
            ? '砍价中…'
            : '帮 TA 砍一刀'
  const enabled = open && !bargain.myCut && !bargain.reachedFloor && !bargain.paused && !busy
  return (
    <Button className={`btn btn-primary play-bar-main bg-cut ${enabled ? '' : 'btn-disabled'}`} disabled={!enabled || undefined} onClick={onCut}>
      {label}
    </Button>
  )
}
