import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import Composer, { useDraft } from '../../../components/composer'
import { ErrorPage } from '../../../components/error-state'
import ImagePicker, { useImageUploads } from '../../../components/image-picker'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { ApiCallError } from '../../../services/api'
import { openPayment, reopenSandboxPayment } from '../../../services/payment'
import { QUESTION_STATUS, answerQuestion, fetchQuestion, payQuestion, priceLabel, questionKey } from '../../../services/questions'
import { routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { setQueryData, usePullDownRefetch, useQuery } from '../../../services/use-query'
import { formatChineseDateTime, formatFen } from '../../../utils/format'
import type { QuestionView } from '../../../../types/questions'
import { Face } from '../components/question-card'
import '../components/question.css'
import './index.css'

/** One question: who asked whom, the question, its answer or where it stands; its answerer answers here. */
export default function QuestionPage() {
  const router = useRouter()
  const questionId = routeParam(router.params.id)
  const question = useQuery(questionKey(questionId), () => fetchQuestion(questionId))
  usePullDownRefetch(question.refetch)
  // Back from paying: the server asks the provider while the order is unpaid here; ask again shortly once.
  useEffect(() => {
    if (router.params.after !== 'paid') return
    const timer = setTimeout(() => void question.refetch(), 1500)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (question.loading)
    return (
      <View className='page qd-page' aria-busy>
        <View className='card'>
          <Skeleton width='50%' height={32} />
          <Skeleton width='100%' height={80} />
        </View>
        <View className='card'>
          <Skeleton width='100%' height={120} />
        </View>
      </View>
    )
  if (!question.data) return <ErrorPage error={question.error} onRetry={question.refetch} className='qd-page' />
  return <QuestionDetail q={question.data} onChange={(next) => setQueryData(questionKey(questionId), next)} />
}

function QuestionDetail({ q, onChange }: { q: QuestionView; onChange: (next: QuestionView) => void }) {
  const status = QUESTION_STATUS[q.status]
  const [paying, setPaying] = useState(false)
  const pay = async () => {
    if (paying) return
    setPaying(true)
    try {
      const result = await payQuestion(q.id)
      if (!result.payment) return
      const outcome = await openPayment(result.payment)
      if (outcome === 'paid') onChange(await fetchQuestion(q.id))
    } catch (err) {
      showError(err)
      if (err instanceof ApiCallError && err.code === 'CONFLICT') onChange(await fetchQuestion(q.id))
    } finally {
      setPaying(false)
    }
  }
  return (
    <View className={`page qd-page qd-page-${q.status}`}>
      <View className='card qd-question'>
        <View className='qa-card-head row'>
          <Face url={q.asker.avatarUrl} name={q.asker.nickname} />
          <Text className='qa-card-who text-desc'>
            {q.asker.nickname} 问 <Text className='qa-card-answerer'>{q.answerer.nickname}</Text>
          </Text>
          {q.visibility === 'private' ? <Tag tone='grey'>私密</Tag> : <Tag tone='teal'>公开</Tag>}
          <Tag tone={status.tone} className='qd-status'>
            {status.label}
          </Tag>
        </View>
        <Text className='qd-text text-strong'>{q.text}</Text>
        <Text className='qa-card-time text-quiet'>
          {formatChineseDateTime(q.createdAt)}
          {q.priceFen > 0 ? ` · 付费提问 ${priceLabel(q.priceFen).replace(' / 次', '')}` : ''}
        </Text>
      </View>

      {q.answer ? (
        <View className='card qd-answer'>
          <View className='qa-card-head row'>
            <Face url={q.answerer.avatarUrl} name={q.answerer.nickname} />
            <Text className='qa-card-who text-desc'>
              <Text className='qa-card-answerer'>{q.answerer.nickname}</Text> {q.answerer.roleLabel ? `· ${q.answerer.roleLabel}` : ''} 的回答
            </Text>
          </View>
          <Text className='qd-answer-text text-body'>{q.answer.text}</Text>
          {q.answer.photoUrls.length > 0 ? (
            <View className='qd-photos'>
              {q.answer.photoUrls.map((url) => (
                <Image key={url} className='qd-photo' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ current: url, urls: q.answer!.photoUrls })} />
              ))}
            </View>
          ) : null}
          <Text className='qa-card-time text-quiet'>{formatChineseDateTime(q.answer.answeredAt)}</Text>
        </View>
      ) : null}

      {q.status === 'open' && !q.canAnswer ? (
        <View className='card qd-note col text-prose'>
          <Text>等待 {q.answerer.nickname} 回答</Text>
          {q.refundAt ? <Text className='qd-note-sub text-meta'>{formatChineseDateTime(q.refundAt)} 前未回答将自动全额退款</Text> : null}
        </View>
      ) : null}
      {q.status === 'awaitingPayment' ? (
        <View className='card qd-note col text-prose'>
          <Text>支付后问题才会发给 {q.answerer.nickname}</Text>
          <View className={`btn btn-primary qd-pay ${paying ? 'btn-disabled' : ''}`} onClick={() => void pay()}>
            {paying ? '处理中…' : `去支付 ${formatFen(q.priceFen)}`}
          </View>
          {q.orderId && process.env.TARO_ENV === 'h5' ? (
            <Text className='qd-note-sub text-meta' onClick={() => reopenSandboxPayment(q.orderId!)}>
              已在模拟支付页付款？下拉刷新查看
            </Text>
          ) : null}
        </View>
      ) : null}
      {q.status === 'refunding' || q.status === 'refunded' ? (
        <View className='card qd-note col text-prose qd-refunded'>
          <Text>
            {q.answerer.nickname} 未在 {q.refundDays} 天内回答
          </Text>
          <Text className='qd-note-sub text-meta'>{q.status === 'refunded' ? `${formatFen(q.priceFen)} 已原路退回` : `${formatFen(q.priceFen)} 退款处理中`}，这个问题已关闭</Text>
        </View>
      ) : null}
      {q.status === 'closed' ? (
        <View className='card qd-note col text-prose'>
          <Text>支付超时，问题已关闭</Text>
          <Text className='qd-note-sub text-meta'>可以重新提问</Text>
        </View>
      ) : null}

      {q.canAnswer ? <AnswerForm q={q} onAnswered={onChange} /> : null}
    </View>
  )
}

function AnswerForm({ q, onAnswered }: { q: QuestionView; onAnswered: (next: QuestionView) => void }) {
  const draft = useDraft()
  const [sending, setSending] = useState(false)
  const uploads = useImageUploads(9)
  const submit = async () => {
    if (sending || uploads.uploading) return
    if (!draft.text.trim()) return draft.setError('请填写回答')
    setSending(true)
    try {
      onAnswered(await answerQuestion({ questionId: q.id, text: draft.text.trim(), photoFileIds: uploads.fileIds }))
      void Taro.showToast({ title: '已回答', icon: 'success' })
    } catch (err) {
      if (err instanceof ApiCallError && (err.field === 'text' || err.field === 'photoFileIds')) draft.setError(err.message)
      else showError(err)
      if (err instanceof ApiCallError && err.code === 'CONFLICT') onAnswered(await fetchQuestion(q.id))
    } finally {
      setSending(false)
    }
  }
  return (
    <View className='card qd-form'>
      <Text className='qd-form-title text-title'>你的回答</Text>
      {q.refundAt ? <Text className='qd-note-sub text-meta'>付费提问：请在 {formatChineseDateTime(q.refundAt)} 前回答，逾期将自动退款给提问者</Text> : null}
      <Composer draft={draft} className='qd-form-text' maxlength={2000} placeholder='写下你的回答'>
        <ImagePicker mode='grid' uploads={uploads} />
      </Composer>
      <View className={`btn btn-primary qd-form-submit ${sending || uploads.uploading ? 'btn-disabled' : ''}`} onClick={() => void submit()}>
        {sending ? '提交中…' : uploads.uploading ? '图片上传中…' : '提交回答'}
      </View>
    </View>
  )
}
