import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import Tag from '../../../components/tag'
import { CardsSkeleton } from '../../../components/skeleton'
import { QUESTION_STATUS } from '../../../services/questions'
import { questionUrl } from '../../../services/routes'
import { formatChineseDateTime } from '../../../utils/format'
import type { QuestionView } from '../../../../types/questions'
import './question.css'

function Face({ url, name }: { url: string; name: string }) {
  return url ? (
    <Image className='qa-face' src={url} mode='aspectFill' />
  ) : (
    <View className='qa-face qa-face-blank row text-meta'>
      <Text>{Array.from(name)[0] ?? '友'}</Text>
    </View>
  )
}

/** A question in a list: who asked whom, the question, and the answer's first lines (or its status). */
export default function QuestionCard({ question, showAsker = true }: { question: QuestionView; showAsker?: boolean }) {
  const status = QUESTION_STATUS[question.status]
  return (
    <View className='card qa-card' data-id={question.id} onClick={() => void Taro.navigateTo({ url: questionUrl(question.id) })}>
      <View className='qa-card-head row'>
        {showAsker ? <Face url={question.asker.avatarUrl} name={question.asker.nickname} /> : null}
        <Text className='qa-card-who text-desc'>
          {showAsker ? `${question.asker.nickname} 问 ` : '问 '}
          <Text className='qa-card-answerer'>{question.answerer.nickname}</Text>
        </Text>
        {question.visibility === 'private' ? <Tag tone='grey'>私密</Tag> : null}
        {question.priceFen > 0 ? <Tag tone='gold'>付费</Tag> : null}
        <Tag tone={status.tone} className='qa-card-status'>
          {status.label}
        </Tag>
      </View>
      <Text className='qa-card-text text-title'>{question.text}</Text>
      {question.answer ? (
        <View className='qa-card-answer'>
          <Text className='qa-card-answer-label text-link'>{question.answerer.nickname} 答：</Text>
          <Text className='qa-card-answer-text text-label'>{question.answer.text}</Text>
        </View>
      ) : null}
      <Text className='qa-card-time text-quiet'>{formatChineseDateTime(question.answer?.answeredAt ?? question.createdAt)}</Text>
    </View>
  )
}

/** Questions one under another, as the lists (a circle's 问答, the answerer's queue) show them. */
export function QuestionList({ questions }: { questions: QuestionView[] }) {
  return (
    <View className='qa-list'>
      {questions.map((q) => (
        <QuestionCard key={q.id} question={q} />
      ))}
    </View>
  )
}

export function QuestionListSkeleton() {
  return (
    <CardsSkeleton
      page='qa-page'
      card='qa-card'
      lines={[
        ['50%', 32],
        ['100%', 28],
        ['80%', 28]
      ]}
    />
  )
}

export { Face }
