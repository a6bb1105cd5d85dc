import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import { CardsSkeleton } from '../../../components/skeleton'
import { INBOX_KEY, UNREAD_KEY, claimGift, fetchInbox, markRead } from '../../../services/inbox'
import { showError } from '../../../services/show-error'
import { SUBSCRIBE_FOR, prefetchSubscribeTemplates, requestSubscribe } from '../../../services/subscribe'
import { usePagedQuery } from '../../../services/use-paged-query'
import { setQueryData } from '../../../services/use-query'
import type { InboxMessageView } from '../../../../types/inbox'
import { formatChineseDate } from '../../../utils/format'
import './index.css'

function InboxSkeleton() {
  return (
    <CardsSkeleton
      page='inbox-page'
      lines={[
        ['40%', 32],
        ['100%', 28],
        ['70%', 28]
      ]}
    />
  )
}

/** 消息: recall and automation messages, newest first; tapping one reads it, a gift is claimed with its button. */
export default function InboxPage() {
  const list = usePagedQuery<InboxMessageView>(INBOX_KEY, (after) => fetchInbox(after))
  // Local overrides after a tap (read, claimed) until the next refresh brings them from the server.
  const [local, setLocal] = useState<Record<string, Partial<InboxMessageView>>>({})
  const [claiming, setClaiming] = useState<string | null>(null)
  // The template ids, loaded before the first 领取 tap (the WeChat dialog must open synchronously in the tap).
  useEffect(() => {
    void prefetchSubscribeTemplates()
  }, [])

  const open = async (message: InboxMessageView) => {
    if (message.readAt === null && !local[message.id]?.readAt) {
      setLocal((l) => ({ ...l, [message.id]: { ...l[message.id], readAt: Date.now() } }))
      try {
        setQueryData(UNREAD_KEY, await markRead([message.id]))
      } catch (err) {
        showError(err)
      }
    }
    if (message.action?.kind === 'page') void Taro.navigateTo({ url: message.action.path })
  }

  const claim = async (message: InboxMessageView) => {
    if (claiming) return
    // First thing in the tap: later notices may also come as a WeChat message.
    void requestSubscribe(SUBSCRIBE_FOR.inbox)
    setClaiming(message.id)
    try {
      const result = await claimGift(message.id)
      setLocal((l) => ({ ...l, [message.id]: { claimedAt: result.message.claimedAt, readAt: result.message.readAt } }))
      void Taro.showToast({ title: result.claimedNow ? '领取成功' : '已领取过', icon: result.claimedNow ? 'success' : 'none' })
    } catch (err) {
      showError(err)
    } finally {
      setClaiming(null)
    }
  }

  return (
    <PagedList list={list} className='inbox-page' skeleton={<InboxSkeleton />} empty={<EmptyState glyph='信' title='还没有消息' description='社群的通知、礼物和提醒会出现在这里' />}>
      {(items) => (
        <View className='inbox-list col'>
          {items.map((item) => {
            const message = { ...item, ...local[item.id] }
            const unread = message.readAt === null
            const gift = message.action?.kind === 'gift'
            const claimed = message.claimedAt !== null
            return (
              <View
                key={message.id}
                className={`card inbox-message col ${unread ? 'inbox-message-unread' : ''}`}
                data-id={message.id}
                onClick={() => {
                  void open(message)
                }}>
                <View className='inbox-message-head row'>
                  {unread ? <View className='inbox-unread-dot' /> : null}
                  <Text className='inbox-message-title text-title'>{message.title}</Text>
                  <Text className='inbox-message-time text-note'>{formatChineseDate(message.createdAt)}</Text>
                </View>
                <Text className='inbox-message-body text-prose'>{message.body}</Text>
                {gift ? (
                  <View className='inbox-gift row-between'>
                    <Text className='inbox-gift-label'>{message.giftLabel ? `礼物 · ${message.giftLabel}` : '礼物'}</Text>
                    <View
                      className={`inbox-claim-btn ${claimed ? 'inbox-claim-btn-done' : ''}`}
                      onClick={(e) => {
                        e.stopPropagation()
                        if (!claimed) void claim(message)
                      }}>
                      <Text>{claimed ? '已领取' : claiming === message.id ? '领取中…' : '领取'}</Text>
                    </View>
                  </View>
                ) : null}
                {message.action?.kind === 'page' ? <Text className='inbox-message-link text-accent'>查看详情 ›</Text> : null}
              </View>
            )
          })}
        </View>
      )}
    </PagedList>
  )
}
