import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import type { Circle, MembershipView } from '../../../../types/membership'
import { useSubmit } from '../../../services/use-submit'
import { joinFreeCircle } from '../../../services/membership'

interface JoinFreeProps {
  circle: Circle
  /** The host rejected the last application (its reason, maybe ''): shown as 已拒绝, and the member may apply again. */
  rejected?: string | null
  onJoined: (membership: MembershipView) => void
}

/** A free circle: answer the host's questions (if any) and join. */
export default function JoinFree({ circle, rejected = null, onJoined }: JoinFreeProps) {
  const review = circle.reviewRequired === true
  const [answers, setAnswers] = useState<string[]>(() => circle.joinQuestions.map(() => ''))
  const { busy, run } = useSubmit()
  const [missing, setMissing] = useState(false)
  const complete = answers.every((a) => a.trim().length > 0)

  const join = async () => {
    if (busy) return
    if (!complete) {
      setMissing(true)
      return
    }
    await run(async () => {
      const membership = await joinFreeCircle({ circleId: circle.id, answers: answers.map((a) => a.trim()) })
      void Taro.showToast({ title: membership.application?.status === 'pending' ? '已提交申请，等待审核' : '已加入圈子', icon: 'success' })
      onJoined(membership)
    })
  }

  return (
    <View className='card circle-section circle-join'>
      <Text className='circle-section-title text-strong'>{review ? '申请加入' : '加入圈子'}</Text>
      {rejected !== null ? <Text className='circle-join-tip text-desc circle-review-rejected'>已拒绝{rejected ? `：${rejected}` : ''}，可以修改回答后重新申请</Text> : null}
      {review ? (
        <Text className='circle-join-tip text-desc'>这个圈子需要主理人审核，提交申请后请等待结果</Text>
      ) : circle.joinQuestions.length > 0 ? (
        <Text className='circle-join-tip text-desc'>回答主理人的问题后即可加入</Text>
      ) : (
        <Text className='circle-join-tip text-desc'>免费加入，随时参加圈子挑战</Text>
      )}
      {circle.joinQuestions.map((question, i) => (
        <View key={i} className={`join-question ${missing && !answers[i].trim() ? 'join-question-missing' : ''}`}>
          <Text className='join-question-text text-body'>
            {i + 1}. {question}
          </Text>
          <TextInput
            className='join-question-input'
            value={answers[i]}
            maxlength={200}
            placeholder='写下你的回答'
            placeholderClass='join-placeholder'
            onValue={(value) => {
              setAnswers((prev) => prev.map((a, j) => (j === i ? value : a)))
            }}
          />
        </View>
      ))}
      {missing && !complete ? <Text className='join-error text-error'>请先回答全部问题</Text> : null}
      <View
        className={`btn btn-primary circle-join-button ${busy ? 'btn-disabled' : ''}`}
        onClick={() => {
          void join()
        }}>
        {busy ? (review ? '提交中…' : '加入中…') : review ? '提交申请' : '加入圈子'}
      </View>
    </View>
  )
}
