import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CheckinView } from '../../../types/checkin'
import Avatar from '../avatar'
import { toggleLikeOptimistic } from '../../services/checkin'
import PhotoGrid from './photo-grid'
import { formatPostedAt } from './time'
import { overflowsClamp } from './text-lines'
import { checkinDetailUrl } from '../../services/routes'
import './index.css'

/** The host's 点评 grades, as members read them. */
const GRADES = { excellent: '优秀', pass: '合格', fail: '不合格' } as const

interface CheckinCardProps {
  checkin: CheckinView
  /** Off inside a challenge's own list, where the title would repeat. */
  showChallenge?: boolean
  /** The detail page shows the whole text and is already where a tap would go. */
  detail?: boolean
}

type Tap = { stopPropagation: () => void }

/** One testimonial: who, which day of which challenge, what they wrote and showed, likes and comments. */
export default function CheckinCard({ checkin, showChallenge = true, detail = false }: CheckinCardProps) {
  // A long text is cut to a few lines in lists; 全文 opens it in place, 收起 cuts it again.
  const [expanded, setExpanded] = useState(false)
  const long = !detail && overflowsClamp(checkin.text)
  const open = (focusComment = false) => {
    if (detail) return
    void Taro.navigateTo({ url: checkinDetailUrl(checkin.id, focusComment) })
  }
  const like = (e: Tap) => {
    e.stopPropagation()
    void toggleLikeOptimistic(checkin, detail ? checkin : undefined)
  }
  const toggleText = (e: Tap) => {
    e.stopPropagation()
    setExpanded(!expanded)
  }
  const comment = (e: Tap) => {
    e.stopPropagation()
    open(true)
  }

  return (
    <View className={`card checkin-card ${detail ? 'checkin-card-detail' : ''}`} data-id={checkin.id} onClick={() => open()}>
      <View className='checkin-card-head row'>
        <Avatar url={checkin.author.avatarUrl} nickname={checkin.author.nickname} size={80} />
        <View className='checkin-card-who fill-col'>
          <View className='checkin-card-name-row row'>
            <Text className='checkin-card-name text-title ellipsis'>{checkin.author.nickname}</Text>
            {checkin.author.badge ? <Text className='tag tag-mini tone-warn checkin-card-badge'>{checkin.author.badge}</Text> : null}
          </View>
          <Text className='checkin-card-meta text-meta ellipsis'>
            {formatPostedAt(checkin.createdAt)}
            {showChallenge ? ` · ${checkin.challengeTitle}` : ''}
          </Text>
        </View>
        {checkin.featured ? <Text className='checkin-card-featured pill-badge'>精选</Text> : null}
      </View>

      <View className='checkin-card-tags'>
        <Text className='checkin-tag tag checkin-tag-day'>第 {checkin.dayNumber} 天</Text>
        {checkin.makeup ? <Text className='checkin-tag tag checkin-tag-makeup'>补卡</Text> : null}
        {checkin.status === 'pending' ? <Text className='checkin-tag tag checkin-tag-pending'>审核中</Text> : null}
        {checkin.status === 'hidden' ? <Text className='checkin-tag tag checkin-tag-hidden'>已隐藏</Text> : null}
        {checkin.integrity?.status === 'held' ? <Text className='checkin-tag tag checkin-tag-integrity'>疑似重复图片</Text> : null}
        {checkin.review ? <Text className={`checkin-tag tag checkin-tag-grade-${checkin.review.grade}`}>{GRADES[checkin.review.grade]}</Text> : null}
      </View>
      {checkin.status !== 'visible' && checkin.heldReason ? <Text className='checkin-card-held'>{checkin.heldReason}</Text> : null}

      {checkin.text ? <Text className={`checkin-card-text ${long && !expanded ? 'checkin-card-text-clamp' : ''}`}>{checkin.text}</Text> : null}
      {long ? (
        <Text className='checkin-card-more' onClick={toggleText}>
          {expanded ? '收起' : '全文'}
        </Text>
      ) : null}
      <PhotoGrid photos={checkin.photos} />
      {checkin.location ? <Text className='checkin-card-location'>{checkin.location}</Text> : null}
      {checkin.review?.comment ? <Text className='checkin-card-review soft-box text-soft'>主理人点评：{checkin.review.comment}</Text> : null}

      <View className='checkin-card-actions'>
        <View className={`checkin-action text-label row checkin-like ${checkin.likedByMe ? 'checkin-like-on' : ''}`} onClick={like}>
          <View className='css-glyph checkin-heart' />
          <Text className='checkin-action-count'>{checkin.likeCount > 0 ? checkin.likeCount : '赞'}</Text>
        </View>
        <View className='checkin-action text-label row checkin-comment' onClick={comment}>
          <View className='checkin-bubble' />
          <Text className='checkin-action-count'>{checkin.commentCount > 0 ? checkin.commentCount : '评论'}</Text>
        </View>
      </View>
    </View>
  )
}
