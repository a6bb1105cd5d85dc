import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { EventView, SignupView } from '../../../../types/events'
import { formatEventTime, priceLabel, refundDeadline } from '../../../services/events'
import { formatFen } from '../../../utils/format'
import ConfirmDialog, { DialogText } from '../../../components/confirm-dialog'
import type { Busy } from './use-signup-actions'
import { GROWTH_CENTER_PAGE, circleUrl } from '../../../services/routes'

interface ActionBarProps {
  event: EventView
  now: number
  busy: Busy
  onSignup: () => void
  onPay: () => void
  onCancel: (doneText: string, onDone: () => void) => void
  /** Expected coupon discount on the fee, taken off the shown price and the pay buttons. */
  discountFen?: number
  /** The picked coupon is a free ticket: the signup is free (discountFen is the whole fee). */
  freeTicket?: boolean
}

interface Action {
  label: string
  kind: 'primary' | 'ghost' | 'disabled'
  onClick?: () => void
  className: string
}

/** The bottom bar: what this member can do now, with the price beside it. */
export default function ActionBar({ event, now, busy, onSignup, onPay, onCancel, discountFen = 0, freeTicket = false }: ActionBarProps) {
  const [confirming, setConfirming] = useState(false)
  const signup = activeSignup(event.mySignup)
  const actions = actionsFor(event, signup, now, busy, { onSignup, onPay, openCancel: () => setConfirming(true) }, discountFen, freeTicket)
  // A signup's own price (0 when admitted with a free ticket), else what signing up would cost now.
  const price = (signup ? signup.priceFen : event.myPriceFen) - discountFen

  return (
    <View className='ev-bar bottom-bar'>
      <View className='ev-bar-price col'>
        <Text className={`ev-bar-amount num-bold ${price === 0 ? 'ev-bar-free' : ''}`}>{priceLabel(price)}</Text>
        {event.feeFen > 0 && price < event.feeFen ? <Text className='ev-bar-was text-faint'>{formatFen(event.feeFen)}</Text> : null}
      </View>
      <View className='ev-bar-actions'>
        {actions.map((a) => (
          <View
            key={a.className}
            className={`btn ev-bar-btn ${a.className} ${a.kind === 'primary' ? 'btn-primary' : a.kind === 'ghost' ? 'btn-ghost' : 'ev-bar-btn-off'}`}
            onClick={() => a.onClick?.()}>
            {a.label}
          </View>
        ))}
      </View>
      {confirming && signup ? (
        <CancelDialog event={event} signup={signup} now={now} busy={busy === 'cancel'} onCancel={() => setConfirming(false)} onConfirm={(doneText) => onCancel(doneText, () => setConfirming(false))} />
      ) : null}
    </View>
  )
}

/** A signup that still counts (cancelled and expired ones read as none). */
function activeSignup(signup: SignupView | null): SignupView | null {
  return signup && signup.status !== 'cancelled' && signup.status !== 'expired' ? signup : null
}

function actionsFor(
  event: EventView,
  signup: SignupView | null,
  now: number,
  busy: Busy,
  handlers: { onSignup: () => void; onPay: () => void; openCancel: () => void },
  discountFen = 0,
  freeTicket = false
): Action[] {
  const off = (label: string, className = 'ev-action-off'): Action[] => [{ label, kind: 'disabled', className }]
  if (event.status === 'cancelled') return off('活动已取消')
  const canCancel = now <= event.signupDeadline && event.phase === 'upcoming'
  const cancelAction = (label: string): Action => ({ label: busy === 'cancel' ? '取消中…' : label, kind: 'ghost', onClick: handlers.openCancel, className: 'ev-action-cancel' })

  if (signup) {
    switch (signup.status) {
      case 'held':
      case 'offered': {
        const expired = signup.payBefore !== null && now > signup.payBefore
        if (expired) return off('名额已释放')
        const pay: Action = {
          label: busy === 'pay' ? '正在前往支付…' : `去支付 ${formatFen(signup.priceFen - discountFen)}`,
          kind: busy === 'pay' ? 'disabled' : 'primary',
          onClick: handlers.onPay,
          className: 'ev-action-pay'
        }
        return canCancel ? [cancelAction('取消'), pay] : [pay]
      }
      case 'waitlisted':
        return canCancel ? [{ label: '候补中', kind: 'disabled', className: 'ev-action-waiting' }, cancelAction('退出候补')] : off('候补中', 'ev-action-waiting')
      case 'confirmed':
        return canCancel ? [{ label: '已报名', kind: 'disabled', className: 'ev-action-done' }, cancelAction('取消报名')] : off('已报名', 'ev-action-done')
      case 'attended':
        return off('已签到', 'ev-action-attended')
    }
  }
  if (event.phase === 'ended') return off('活动已结束')
  if (event.phase === 'ongoing') return off('活动进行中')
  if (now > event.signupDeadline) return off('报名已截止')
  const going = busy === 'signup'
  // Members-only: join the circle first (its page offers the free join, the trial or the plans).
  if (!event.inCircle && event.circleId) {
    const circleId = event.circleId
    return [
      {
        label: '加入圈子后报名',
        kind: 'primary',
        onClick: () => {
          void Taro.navigateTo({ url: circleUrl(circleId) })
        },
        className: 'ev-action-join-circle'
      }
    ]
  }
  // A tier to reach: 我的成长 shows how (the server refuses the signup in the same words).
  if (event.lock?.kind === 'tier') {
    return [
      {
        label: event.lock.text,
        kind: 'primary',
        onClick: () => {
          void Taro.navigateTo({ url: GROWTH_CENTER_PAGE })
        },
        className: 'ev-action-tier'
      }
    ]
  }
  if (event.seatsLeft === 0) return [{ label: going ? '提交中…' : '加入候补', kind: going ? 'disabled' : 'primary', onClick: handlers.onSignup, className: 'ev-action-waitlist' }]
  const label = event.myPriceFen === 0 ? '免费报名' : freeTicket ? '使用免费票报名' : `报名并支付 ${formatFen(event.myPriceFen - discountFen)}`
  return [{ label: going ? '提交中…' : label, kind: going ? 'disabled' : 'primary', onClick: handlers.onSignup, className: 'ev-action-signup' }]
}

interface CancelDialogProps {
  event: EventView
  signup: SignupView
  now: number
  busy: boolean
  onCancel: () => void
  onConfirm: (doneText: string) => void
}

/** Says plainly, before anything happens, whether the fee comes back. */
function CancelDialog({ event, signup, now, busy, onCancel, onConfirm }: CancelDialogProps) {
  const leavingWaitlist = signup.status === 'waitlisted'
  const paid = signup.status === 'confirmed' && signup.priceFen > 0
  const refundable = paid && now <= refundDeadline(event)
  let text: string
  let warn = false
  if (leavingWaitlist) text = '退出后将失去当前的候补位置'
  else if (refundable) text = `报名费 ${formatFen(signup.priceFen)} 将原路退回，一般 1–3 个工作日到账`
  else if (paid) {
    text = `已过可退款时间（${formatEventTime(refundDeadline(event))} 前），取消后报名费不退还`
    warn = true
  } else if (signup.status === 'held' || signup.status === 'offered') text = '尚未支付，不会扣款；名额将让给候补的人'
  else if (signup.withFreeTicket) text = '取消后名额将让给其他人，免费票会退回你的卡券'
  else text = '取消后名额将让给其他人'
  return (
    <ConfirmDialog
      className='ev-cancel-dialog'
      cancelText='再想想'
      title={leavingWaitlist ? '退出候补？' : '取消报名？'}
      figure={refundable ? formatFen(signup.priceFen) : undefined}
      confirmText={leavingWaitlist ? '退出候补' : paid && !refundable ? '仍要取消' : '确认取消'}
      busyText='取消中…'
      busy={busy}
      danger
      onCancel={onCancel}
      onConfirm={() => onConfirm(leavingWaitlist ? '已退出候补' : refundable ? '已取消，报名费将原路退回' : '已取消报名')}>
      <DialogText warn={warn}>{text}</DialogText>
    </ConfirmDialog>
  )
}
