import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import { PlayActionBar, PlayHeader, PlayProgress, PlayQueryPage, PlayRules, payPlayOrder, usePlayAction, usePlayQuery } from '../../../components/play-page'
import { PHASE_LABEL, PHASE_TONE, TARGET_LABEL, fetchGroup, groupKey, joinGroupBuy, mineLine, progressLine, shareTitle } from '../../../services/group-buy'
import { reopenSandboxPayment } from '../../../services/payment'
import { GROUP_BUYS_PAGE, groupBuyUrl, groupUrl, routeParam } from '../../../services/routes'
import { formatFen } from '../../../utils/format'
import type { GroupView } from '../../../../types/group-buy'
import { useServerNow } from '../../../services/use-server-now'
import GroupPoster from '../poster'
import shareCard from '../assets/share-card.jpg'
import '../group-buy.css'

// One group, the page its share card opens: the members and the empty seats,
// 还差 N 人 with the countdown, 参团 (pay) for a friend, the member's own seat,
// the share card and the poster.
export default function GroupPage() {
  const router = useRouter()
  const query = usePlayQuery<GroupView>(routeParam(router.params.id), { key: groupKey, fetch: (groupId) => fetchGroup({ groupId }), missing: '缺少拼团编号', listUrl: GROUP_BUYS_PAGE })
  const now = useServerNow(query.data)
  useShareAppMessage(() =>
    query.data
      ? { title: shareTitle(query.data), path: groupUrl(query.data.id), imageUrl: shareCard as string }
      : { title: '一起拼团，人满全员开通', path: GROUP_BUYS_PAGE, imageUrl: shareCard as string }
  )
  return <PlayQueryPage query={query}>{(group) => <Group group={group} now={now} refetch={query.refetch} />}</PlayQueryPage>
}

function Group({ group, now, refetch }: { group: GroupView; now: number; refetch: () => Promise<void> }) {
  const { busy, run } = usePlayAction(refetch)
  const [poster, setPoster] = useState(false)
  const open = group.phase === 'open' && group.expiresAt !== null && now < group.expiresAt
  const held = group.mine?.status === 'held' && group.mine.payBefore > now
  const join = () => {
    if (busy) return
    if (held && group.mine) {
      reopenSandboxPayment(group.mine.orderId)
      if (process.env.TARO_ENV === 'h5') return
    }
    void run(async () => {
      const result = await joinGroupBuy({ groupId: group.id })
      if (result.resumed) void Taro.showToast({ title: '你有一笔待支付订单，继续支付', icon: 'none', duration: 1500 })
      await payPlayOrder(result.payment, {
        key: groupKey(group.id),
        fetch: () => fetchGroup({ groupId: group.id }),
        paid: (view) => Boolean(view.mine && view.mine.status !== 'held'),
        success: '参团成功',
        unpaid: '支付未完成，名额保留 5 分钟'
      })
    })
  }
  const seats = Array.from({ length: group.size }, (_, n) => group.members.find((m) => m.n === n) ?? null)
  const mine = mineLine(group, now)
  const action = group.canJoin
    ? { label: busy ? '处理中…' : `${formatFen(group.priceFen)} 参团`, run: join }
    : held
      ? { label: '去支付', run: join }
      : open && group.mine
        ? { label: `邀请好友（还差 ${group.missing} 人）`, run: null }
        : { label: '我也发起一个团', run: () => void Taro.navigateTo({ url: groupBuyUrl(group.campaignId) }) }
  return (
    <View className='page play-page'>
      <View className='card gb-hero'>
        <PlayHeader
          tag={{ tone: PHASE_TONE[group.phase], label: PHASE_LABEL[group.phase] }}
          kind={TARGET_LABEL[group.targetType]}
          title={group.title}
          subtitle={group.itemName}
          price={{ fen: group.priceFen, listFen: group.originalFen, label: `${group.size} 人拼团价` }}
          hero
        />
        <View className='gb-seats' aria-label='团员'>
          {seats.map((member, n) =>
            member ? (
              <View key={n} className='gb-seat col gb-seat-filled'>
                <Avatar url='' nickname={member.name} size={88} />
                <Text className='gb-seat-name text-small ellipsis'>{member.isMe ? '我' : member.name}</Text>
                <Text className='gb-seat-badge'>{member.isLeader ? '团长' : member.paid ? '已支付' : '待支付'}</Text>
              </View>
            ) : (
              <View key={n} className='gb-seat col'>
                <View className='gb-seat-empty row'>?</View>
                <Text className='gb-seat-name text-small ellipsis'>{group.phase === 'completed' ? '模拟成团' : '待加入'}</Text>
              </View>
            )
          )}
        </View>
        <PlayProgress label='成团进度' text={progressLine(group, now)} />
      </View>

      {mine ? (
        <View className={`card play-note gb-mine ${group.mine?.status === 'granted' ? 'play-note-done' : ''}`}>
          <Text>{mine}</Text>
        </View>
      ) : null}

      {group.phase === 'open' || group.phase === 'completed' ? (
        poster ? (
          <GroupPoster group={group} now={now} />
        ) : (
          <View className='card'>
            <Button className='btn btn-ghost gb-poster-open' onClick={() => setPoster(true)}>
              生成拼团海报
            </Button>
          </View>
        )
      ) : null}

      <PlayRules lines={[`凑满 ${group.size} 人（含团长）即成团，全员一起开通；到时未满，已付款项自动原路退回`, '每人在同一个团只能占 1 个名额；参团后 5 分钟内未支付，名额释放给其他好友']} />

      <PlayActionBar>
        <Button className='btn btn-ghost play-bar-side' openType='share'>
          分享
        </Button>
        {action.run ? (
          <Button className={`btn btn-primary play-bar-main gb-join ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void action.run?.()}>
            {action.label}
          </Button>
        ) : (
          <Button className='btn btn-primary play-bar-main gb-invite' openType='share'>
            {action.label}
          </Button>
        )}
      </PlayActionBar>
    </View>
  )
}
