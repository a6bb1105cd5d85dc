// The opt-in check-in reminders of a challenge: 每日打卡提醒 (at the window start) and
// 断签提醒 (21:00, when a streak of 2+ days is about to break). Turning one on asks
// WeChat for the message grant inside the same tap.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ChallengeReminderView } from '../../../../types/notifications'
import { showError } from '../../../services/show-error'
import { SUBSCRIBE_FOR, noteReminderOptIn, prefetchSubscribeTemplates, requestSubscribe } from '../../../services/subscribe'
import { fetchChallengeReminder, setChallengeReminder } from '../../../services/member'

export default function ReminderToggle({ challengeId, version }: { challengeId: string; version: number }) {
  const [state, setState] = useState<ChallengeReminderView | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void prefetchSubscribeTemplates()
    fetchChallengeReminder({ challengeId })
      .then((loaded) => {
        noteReminderOptIn(challengeId, loaded.daily || loaded.streak)
        setState(loaded)
      })
      .catch(() => setState(null))
  }, [challengeId, version])

  if (!state) return null

  const toggle = (kind: 'daily' | 'streak') => {
    if (busy) return
    const next = { daily: state.daily, streak: state.streak, [kind]: !state[kind] }
    // Turning on: ask first, synchronously in the tap.
    const asked = next[kind] ? requestSubscribe(SUBSCRIBE_FOR.reminders) : Promise.resolve([])
    setBusy(true)
    void (async () => {
      try {
        await asked
        const saved = await setChallengeReminder({ challengeId, daily: next.daily, streak: next.streak, hour: state.hour })
        noteReminderOptIn(challengeId, saved.daily || saved.streak)
        setState(saved)
      } catch (err) {
        showError(err)
      } finally {
        setBusy(false)
      }
    })()
  }

  const row = (kind: 'daily' | 'streak', title: string, hint: string) => (
    <View className='reminder-row row-between' onClick={() => toggle(kind)}>
      <View className='reminder-text col'>
        <Text className='reminder-title'>{title}</Text>
        <Text className='reminder-hint text-meta'>{hint}</Text>
      </View>
      <Text className={`reminder-switch text-label ${state[kind] ? 'reminder-on' : ''}`}>{state[kind] ? '已开启' : '开启'}</Text>
    </View>
  )

  return (
    <View className='card reminder-card'>
      {row('daily', '每日打卡提醒', `每天 ${state.dailyAt} 提醒我打卡`)}
      {row('streak', '断签提醒', '连续打卡 2 天以上、当天还没打卡时，21:00 提醒我')}
    </View>
  )
}
