import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Composer, { useDraft } from '../../../components/composer'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import { ErrorPage } from '../../../components/error-state'
import RadioRow from '../../../components/radio-row'
import Segmented from '../../../components/segmented'
import Skeleton, { CardsSkeleton } from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { ApiCallError } from '../../../services/api'
import { openPayment } from '../../../services/payment'
import { askOptionsKey, askQuestion, fetchAskOptions, priceLabel } from '../../../services/questions'
import { newRequestId } from '../../../services/request-id'
import { circleUrl, questionUrl, routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { SUBSCRIBE_FOR, requestSubscribe } from '../../../services/subscribe'
import { useQuery } from '../../../services/use-query'
import type { QuestionVisibility } from '../../../../types/questions'
import { Face } from '../components/question-card'
import '../components/question.css'
import './index.css'

const VISIBILITY = [
  { value: 'public', label: '公开' },
  { value: 'private', label: '仅自己可见' }
] as const

/** 提问: pick who answers (price shown), write the question, public or private; a paid question goes through 立即支付. */
export default function AskPage() {
  const circleId = routeParam(useRouter().params.id)
  const options = useQuery(askOptionsKey(circleId), () => fetchAskOptions(circleId))
  const [answerer, setAnswerer] = useState<string | null>(null)
  const [visibility, setVisibility] = useState<QuestionVisibility>('public')
  const [sending, setSending] = useState(false)
  const draft = useDraft()
  // One request id per question typed: a retried tap makes one question.
  const requestId = useRef(newRequestId('ask'))

  if (options.loading)
    return (
      <CardsSkeleton page='ask-page' card='' count={1}>
        <Skeleton width='40%' height={32} />
        <Skeleton width='100%' height={96} />
        <Skeleton width='100%' height={96} />
      </CardsSkeleton>
    )
  if (!options.data) {
    if (options.error instanceof ApiCallError && options.error.code === 'FORBIDDEN')
      return (
        <View className='page ask-page'>
          <EmptyState
            glyph='锁'
            title='加入圈子后才能提问'
            description={options.error.message}
            action={<EmptyAction label='去加入圈子' onClick={() => Taro.navigateTo({ url: circleUrl(circleId) })} />}
          />
        </View>
      )
    return <ErrorPage error={options.error} onRetry={options.refetch} className='ask-page' />
  }
  const answerers = options.data.answerers
  const chosen = answerers.find((a) => a.openid === answerer) ?? (answerers.length === 1 ? answerers[0] : undefined)
  const trimmed = draft.text.trim()

  const submit = async () => {
    if (sending) return
    if (!chosen) return draft.setError('请选择向谁提问')
    if (trimmed.length < 5) return draft.setError('问题至少 5 个字')
    draft.setError('')
    // First in the tap: the answer may also come as a WeChat message.
    void requestSubscribe(SUBSCRIBE_FOR.inbox)
    setSending(true)
    try {
      const result = await askQuestion({ circleId, answererOpenid: chosen.openid, text: trimmed, visibility, requestId: requestId.current })
      if (!result.payment) {
        void Taro.showToast({ title: '已提交', icon: 'success' })
        void Taro.redirectTo({ url: questionUrl(result.question.id) })
        return
      }
      const outcome = await openPayment(result.payment)
      if (outcome === 'redirected') return
      void Taro.redirectTo({ url: questionUrl(result.question.id, outcome === 'paid' ? 'paid' : 'cancelled') })
    } catch (err) {
      if (err instanceof ApiCallError && err.field === 'text') draft.setError(err.message)
      else showError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='page ask-page'>
      <Text className='form-page-section'>向谁提问</Text>
      {answerers.length === 0 ? (
        <View className='card'>
          <EmptyState glyph='问' title='这个圈子还没有开放提问' description='主理人设置答疑嘉宾后就可以提问了' />
        </View>
      ) : (
        <View className='card ask-answerers'>
          {answerers.map((a) => (
            <RadioRow key={a.openid} on={chosen?.openid === a.openid} onSelect={() => setAnswerer(a.openid)} mark='end' className='ask-answerer' data={{ openid: a.openid }}>
              <View className='ask-answerer-row row'>
                <Face url={a.avatarUrl} name={a.nickname} />
                <View className='ask-answerer-text fill-col'>
                  <View className='ask-answerer-name row text-name'>
                    <Text>{a.nickname}</Text>
                    {a.roleLabel ? <Tag tone={a.roleLabel === '嘉宾' ? 'purple' : 'green'}>{a.roleLabel}</Tag> : null}
                  </View>
                  <Text className='ask-answerer-terms text-meta'>{a.priceFen > 0 ? `${a.refundDays} 天内未回答，全额退款` : '免费提问'}</Text>
                </View>
                <Text className={`ask-answerer-price ${a.priceFen > 0 ? 'ask-answerer-paid' : ''}`}>{priceLabel(a.priceFen)}</Text>
              </View>
            </RadioRow>
          ))}
        </View>
      )}

      <Text className='form-page-section'>你的问题</Text>
      <View className='card'>
        <Composer draft={draft} className='ask-text' maxlength={500} placeholder='描述你的情况和想问的问题（至少 5 个字）' counted>
          <Segmented className='ask-visibility' options={VISIBILITY} value={visibility} onChange={setVisibility} />
          <Text className='ask-hint text-meta'>{visibility === 'public' ? '回答后，圈子成员都能看到这个问答' : '只有你、回答者和主理人能看到'}</Text>
        </Composer>
      </View>

      <View className='qa-bottom'>
        <View className={`btn btn-primary ask-submit ${sending || answerers.length === 0 ? 'btn-disabled' : ''}`} onClick={() => void submit()}>
          {sending ? '提交中…' : chosen && chosen.priceFen > 0 ? `支付 ${priceLabel(chosen.priceFen).replace(' / 次', '')} 并提问` : '提交问题'}
        </View>
      </View>
    </View>
  )
}
