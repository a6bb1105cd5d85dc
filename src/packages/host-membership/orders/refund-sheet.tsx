import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import { toApiCallError } from '../../../services/api-error'
import { showError } from '../../../services/show-error'
import { formatFen } from '../../../utils/format'
import type { OrderView } from '../../../../types/membership'
import Popup from '../../../components/popup'
import { fenToYuanText, yuanToFen } from '../money'
import { newRefundRequestId } from './request-id'
import RadioRow from '../../../components/radio-row'
import { refundOrder } from '../../../services/membership'

interface RefundSheetProps {
  order: OrderView
  onDone: (order: OrderView) => void
  onClose: () => void
}

interface Pending {
  requestId: string
  amountFen: number
  reason: string
  /** Event orders: also cancel the signup and free its seat. */
  cancelSignup?: boolean
}

/** Refunds sent without an answer, per order: reopening the sheet retries the same one. */
const unanswered = new Map<string, Pending>()

/**
 * A host's refund: any amount up to what is left of the payment, with a reason.
 * The request id is made once per submit and kept while the answer is unknown
 * (network failure, server error) — even across closing and reopening the
 * sheet — so a retry can never refund twice.
 */
export default function RefundSheet({ order, onDone, onClose }: RefundSheetProps) {
  const remaining = order.amountFen - order.refundedFen
  const [retrying, setRetrying] = useState(() => unanswered.has(order.id))
  const [amount, setAmount] = useState(() => fenToYuanText(unanswered.get(order.id)?.amountFen ?? remaining))
  const [reason, setReason] = useState(() => unanswered.get(order.id)?.reason ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const isEvent = order.kind === 'event'
  // Event orders: 退款并取消报名 (the seat goes to the waitlist) or 仅退款 (the member keeps the seat).
  const [cancelSignup, setCancelSignup] = useState(() => unanswered.get(order.id)?.cancelSignup ?? true)
  const sending = useRef(false)

  const fen = yuanToFen(amount)
  /** A field's typing: its new text, and the error goes (it spoke of what was there before). */
  const typed = (set: (value: string) => void) => (value: string) => {
    set(value)
    setError(null)
  }
  const submit = async () => {
    if (sending.current) return
    // A retry sends exactly what was sent before (the order may already show it refunded).
    let attempt = unanswered.get(order.id)
    if (!attempt) {
      if (fen === null || fen < 1) return setError('请填写退款金额')
      if (fen > remaining) return setError(`最多可退 ${formatFen(remaining)}`)
      if (!reason.trim()) return setError('请填写退款原因')
      attempt = { requestId: newRefundRequestId(), amountFen: fen, reason: reason.trim(), ...(isEvent ? { cancelSignup } : {}) }
    }
    setError(null)
    unanswered.set(order.id, attempt)
    sending.current = true
    setBusy(true)
    try {
      const updated = await refundOrder({ orderId: order.id, ...attempt })
      unanswered.delete(order.id)
      void Taro.showToast({ title: updated.status === 'refunding' ? '退款处理中' : attempt.cancelSignup ? '已退款并取消报名' : '已退款', icon: 'success' })
      onDone(updated)
    } catch (err) {
      const code = toApiCallError(err).code
      // No answer (or an unexpected one): the refund may have started, so the same id goes again.
      if (code === 'NETWORK' || code === 'INTERNAL') setRetrying(true)
      else {
        unanswered.delete(order.id)
        setRetrying(false)
      }
      showError(err)
    } finally {
      sending.current = false
      setBusy(false)
    }
  }

  return (
    <Popup
      open
      position='bottom'
      onClose={() => {
        if (!busy) onClose()
      }}
      className='hr-sheet'>
      <Text className='hr-title text-strong'>退款给 {order.member.nickname}</Text>
      <Text className='hr-sub text-meta'>
        {order.circleName} · {order.planName} · 实付 {formatFen(order.amountFen)}
        {order.refundedFen > 0 ? ` · 已退 ${formatFen(order.refundedFen)}` : ''}
      </Text>

      <View className='hr-field'>
        <Text className='hr-label text-label'>退款金额</Text>
        <View className={`hr-box row ${(error && error.includes('金额')) || (fen !== null && fen > remaining) ? 'hr-box-invalid' : ''}`}>
          <Text className='hr-yuan'>¥</Text>
          <TextInput className='hr-input hr-amount' type='digit' value={amount} disabled={retrying} maxlength={12} onValue={typed(setAmount)} />
          <Text
            className='hr-all text-link'
            onClick={() => {
              if (!retrying) setAmount(fenToYuanText(remaining))
            }}>
            全部
          </Text>
        </View>
        <Text className='hr-hint text-faint'>
          最多可退 {formatFen(remaining)}
          {isEvent ? '' : '；按剩余天数退款时请自行核算'}
        </Text>
      </View>

      <View className='hr-field'>
        <Text className='hr-label text-label'>退款原因</Text>
        <View className='hr-box row'>
          <TextInput
            className='hr-input hr-reason'
            value={reason}
            disabled={retrying}
            maxlength={80}
            placeholder='如：协商退款、重复购买'
            placeholderClass='hr-placeholder'
            onValue={typed(setReason)}
          />
        </View>
      </View>

      {isEvent ? (
        <View className='hr-field hr-seat'>
          <Text className='hr-label text-label'>报名名额</Text>
          {[
            { value: true, title: '退款并取消报名', hint: '名额释放，候补成员自动递补，原电子票失效' },
            { value: false, title: '仅退款（保留名额）', hint: '成员仍可凭票入场，如部分退款、差价补偿' }
          ].map((option) => (
            <RadioRow
              key={option.title}
              on={cancelSignup === option.value}
              disabled={retrying}
              className={`hr-option ${cancelSignup === option.value ? 'hr-option-on' : ''} ${retrying ? 'btn-disabled' : ''}`}
              onSelect={() => setCancelSignup(option.value)}>
              <View className='hr-option-text'>
                <Text className='hr-option-title text-body'>{option.title}</Text>
                <Text className='hr-hint text-faint'>{option.hint}</Text>
              </View>
            </RadioRow>
          ))}
        </View>
      ) : null}

      {error ? <Text className='hr-error text-error'>{error}</Text> : null}
      {retrying ? <Text className='hr-retry text-warn'>上次请求没有得到答复，重试会沿用同一退款单号，不会重复退款</Text> : null}

      <View className='hr-actions'>
        <View
          className='btn btn-ghost hr-cancel'
          onClick={() => {
            if (!busy) onClose()
          }}>
          {retrying ? '稍后再试' : '取消'}
        </View>
        <View
          className={`btn btn-danger hr-submit ${busy ? 'btn-disabled' : ''}`}
          onClick={() => {
            void submit()
          }}>
          {busy ? '提交中…' : retrying ? '重试退款' : `确认退款${fen !== null && fen > 0 && fen <= remaining ? ` ${formatFen(fen)}` : ''}`}
        </View>
      </View>
    </Popup>
  )
}
