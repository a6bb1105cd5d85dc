import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import { PlayActionBar, PlayHeader, PlayProgress, PlayQueryPage, PlayRules, usePlayAction, usePlayQuery } from '../../../components/play-page'
import { STATUS_LABEL, STATUS_TONE, fetchHelpTask, formatHelpTime, helpFriend, helpTaskKey, progressLine, shareTitle, timeLeft } from '../../../services/help'
import { COUPONS_PAGE, HELP_CAMPAIGNS_PAGE, MY_MEMBERSHIP_PAGE, MY_TICKETS_PAGE, helpTaskUrl, routeParam } from '../../../services/routes'
import type { HelpRewardType, HelpTaskView } from '../../../../types/help'
import shareCard from '../assets/share-card.jpg'
import HelpPoster from '../poster'
import '../help.css'

/** Where an unlocked reward is found. */
const REWARD_PLACE: Record<HelpRewardType, { label: string; url: string }> = {
  coupon: { label: '去我的券查看', url: `${COUPONS_PAGE}?tab=mine` },
  event: { label: '去我的票查看', url: MY_TICKETS_PAGE },
  trial: { label: '去我的圈子查看', url: MY_MEMBERSHIP_PAGE }
}
/** Empty places shown after the helpers, up to this many. */
const SLOTS_SHOWN = 6

export default function HelpTaskPage() {
  const router = useRouter()
  // Back from sharing, friends may have helped meanwhile: usePlayQuery fetches again when the page shows.
  const query = usePlayQuery<HelpTaskView>(routeParam(router.params.id), { key: helpTaskKey, fetch: (taskId) => fetchHelpTask({ taskId }), missing: '缺少助力编号', listUrl: HELP_CAMPAIGNS_PAGE })
  useShareAppMessage(() =>
    query.data
      ? { title: shareTitle(query.data), path: helpTaskUrl(query.data.id), imageUrl: shareCard as string }
      : { title: '帮我助力，好友点一下就能解锁奖励', path: HELP_CAMPAIGNS_PAGE, imageUrl: shareCard as string }
  )
  return <PlayQueryPage query={query}>{(task) => <TaskDetail task={task} refetch={query.refetch} />}</PlayQueryPage>
}

function TaskDetail({ task, refetch }: { task: HelpTaskView; refetch: () => Promise<void> }) {
  const { busy, run } = usePlayAction(refetch)
  const [poster, setPoster] = useState(false)
  const percent = (task.points / task.need) * 100
  const slots = task.status === 'open' ? Math.min(SLOTS_SHOWN, task.left) : 0

  const help = () =>
    run(async () => {
      const result = await helpFriend({ taskId: task.id })
      const title = result.completed ? '助力成功，TA 的奖励已解锁' : result.weight > 1 ? '助力成功，新成员算 2 位' : '助力成功'
      void Taro.showToast({ title, icon: 'success', duration: 2000 })
    })

  return (
    <View className='page play-page'>
      <View className='card hp-hero'>
        <PlayHeader
          lead={
            <View className='hp-owner row'>
              <Avatar url={task.owner.avatarUrl} nickname={task.owner.nickname} size={64} />
              <Text className='hp-owner-name text-label'>{task.isOwner ? '我的助力' : `${task.owner.nickname} 邀你助力`}</Text>
            </View>
          }
          tag={{ tone: STATUS_TONE[task.status], label: STATUS_LABEL[task.status] }}
          title={task.title}
          subtitle={task.rewardName}
          subtitleClassName='hp-card-reward'
          hero
        />
        <Text className='hp-left'>{progressLine(task)}</Text>
        <PlayProgress label='助力进度' percent={percent} />
        <Text className='hp-count text-meta'>
          {task.points}/{task.need} 人{task.status === 'open' ? ` · ${timeLeft(task)}` : ''}
        </Text>
      </View>

      {task.reward ? (
        <View className={`card ${task.reward.status === 'granted' ? 'hp-reward' : 'hp-reward-off'}`}>
          <Text className='hp-reward-title'>{task.reward.status === 'granted' ? '奖励已解锁' : '奖励未能发放'}</Text>
          <Text className='hp-reward-line'>{task.reward.message}</Text>
          {task.isOwner && task.reward.status === 'granted' ? (
            <Button className='btn btn-small btn-ghost hp-reward-go' onClick={() => void Taro.navigateTo({ url: REWARD_PLACE[task.rewardType].url })}>
              {REWARD_PLACE[task.rewardType].label}
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='card'>
        <Text className='play-section-title text-value'>{task.helperCount > 0 ? `${task.helperCount} 位好友已助力` : '还没有好友助力'}</Text>
        <View className='hp-helpers'>
          {task.helpers.map((h, i) => (
            <View key={`${h.at}-${i}`} className='hp-helper col'>
              <Avatar url={h.avatarUrl} nickname={h.nickname} size={80} />
              <Text className='hp-helper-name text-small ellipsis'>{h.nickname}</Text>
              {h.weight > 1 ? <Text className='hp-helper-double'>新成员 ×2</Text> : null}
            </View>
          ))}
          {Array.from({ length: slots }, (_, i) => (
            <View key={`slot-${i}`} className='hp-helper col'>
              <View className='hp-slot row'>?</View>
              <Text className='hp-helper-name text-small ellipsis'>待助力</Text>
            </View>
          ))}
        </View>
      </View>

      <PlayRules
        lines={[
          `${task.need} 位好友助力即可解锁${task.rewardName}${task.newMemberDouble ? '；新加入的成员助力算 2 位' : ''}`,
          '每位好友只能为同一个任务助力 1 次，不能给自己助力，每人每天助力次数有限',
          `${formatHelpTime(task.expiresAt)} 前有效（北京时间），过期未集满可重新发起`
        ]}
      />

      {poster ? <HelpPoster task={task} onClose={() => setPoster(false)} /> : null}

      <PlayActionBar>
        {task.isOwner ? (
          <>
            <Button className='btn btn-ghost play-bar-side hp-poster-open' onClick={() => setPoster(true)}>
              生成海报
            </Button>
            {task.status === 'open' ? (
              <Button className='btn btn-primary play-bar-main hp-share' openType='share'>
                邀请好友助力
              </Button>
            ) : (
              <Button className='btn btn-primary play-bar-main' onClick={() => void Taro.navigateTo({ url: HELP_CAMPAIGNS_PAGE })}>
                {task.status === 'completed' ? '看看其他助力' : '重新发起'}
              </Button>
            )}
          </>
        ) : (
          <>
            <Button className='btn btn-ghost play-bar-side hp-mine' onClick={() => void Taro.navigateTo({ url: HELP_CAMPAIGNS_PAGE })}>
              我也要领
            </Button>
            <Button
              className={`btn btn-primary play-bar-main hp-help ${task.status === 'open' && !task.helpedByMe && !busy ? '' : 'btn-disabled'}`}
              disabled={task.status !== 'open' || task.helpedByMe || busy || undefined}
              onClick={() => void help()}>
              {task.helpedByMe ? '已助力' : task.status === 'open' ? (busy ? '助力中…' : '帮TA助力') : STATUS_LABEL[task.status]}
            </Button>
          </>
        )}
      </PlayActionBar>
    </View>
  )
}
