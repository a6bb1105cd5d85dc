import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { Circle, MembershipView } from '../../../../types/membership'
import { showError } from '../../../services/show-error'
import { joinFreeCircle } from '../../../services/membership'

interface JoinFreeProps {
  circle: Circle
  onJoined: (membership: MembershipView) => void
}

/** A free circle: answer the host's questions (if any) and join. */
export default function JoinFree({ circle, onJoined }: JoinFreeProps) {
  const [answers, setAnswers] = useState<string[]>(() => circle.joinQuestions.map(() => ''))
  const [busy, setBusy] = useState(false)
  const [missing, setMissing] = useState(false)
  const complete = answers.every((a) => a.trim().length > 0)

  const join = async () => {
    if (busy) return
    if (!complete) {
      setMissing(true)
      return
    }
    setBusy(true)
    try {
      const membership = await joinFreeCircle({ circleId: circle.id, answers: answers.map((a) => a.trim()) })
      void Taro.showToast({ title: '已加入圈子', icon: 'success' })
      onJoined(membership)
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card circle-section circle-join'>
      <Text className='circle-section-title'>加入圈子</Text>
      {circle.joinQuestions.length > 0 ? <Text className='circle-join-tip'>回答主理人的问题后即可加入</Text> : <Text className='circle-join-tip'>免费加入，随时参加圈子挑战</Text>}
      {circle.joinQuestions.map((question, i) => (
        <View key={i} className={`join-question ${missing && !answers[i].trim() ? 'join-question-missing' : ''}`}>
          <Text className='join-question-text'>
            {i + 1}. {question}
          </Text>
          <Input
            className='join-question-input'
            value={answers[i]}
            maxlength={200}
            placeholder='写下你的回答'
            placeholderClass='join-placeholder'
            onInput={(e) => {
              const value = e.detail.value
              setAnswers((prev) => prev.map((a, j) => (j === i ? value : a)))
            }}
          />
        </View>
      ))}
      {missing && !complete ? <Text className='join-error'>请先回答全部问题</Text> : null}
      <View
        className={`btn btn-primary circle-join-button ${busy ? 'btn-disabled' : ''}`}
        onClick={() => {
          void join()
        }}>
        {busy ? '加入中…' : '加入圈子'}
      </View>
    </View>
  )
}
