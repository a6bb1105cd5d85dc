import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import EmptyState from '../../../components/empty-state'
import FormField from '../../../components/form-field'
import { PlayActionBar, PlayQueryPage, PlayRules } from '../../../components/play-page'
import RadioRow from '../../../components/radio-row'
import { GIFT_PLANS_KEY, buyGiftCard, fetchGiftPlans, planLabel } from '../../../services/gift'
import { openPayment } from '../../../services/payment'
import { giftCardUrl } from '../../../services/routes'
import { useSubmit } from '../../../services/use-submit'
import { useQuery } from '../../../services/use-query'
import type { GiftPlanOption } from '../../../../types/gift'
import '../gift.css'

/** 送会员: pick a plan of a paid circle, a few words, pay; then share the card (its page opens after paying). */
export default function BuyGiftCardPage() {
  const plans = useQuery<GiftPlanOption[]>(GIFT_PLANS_KEY, () => fetchGiftPlans())
  return <PlayQueryPage query={{ ...plans, retry: () => void plans.refetch() }}>{(options) => <BuyForm options={options} />}</PlayQueryPage>
}

function BuyForm({ options }: { options: GiftPlanOption[] }) {
  const [picked, setPicked] = useState<string>('')
  const [message, setMessage] = useState('')
  const { busy, run } = useSubmit()
  const keyOf = (p: GiftPlanOption) => `${p.circleId}:${p.planId}`
  const plan = options.find((p) => keyOf(p) === picked) ?? null

  const buy = async () => {
    if (!plan || busy) return
    await run(async () => {
      const result = await buyGiftCard({ circleId: plan.circleId, planId: plan.planId, message: message.trim() })
      if (result.resumed) void Taro.showToast({ title: '你有一笔待支付的礼品卡订单，继续支付', icon: 'none', duration: 1500 })
      const outcome = await openPayment(result.payment)
      // WeChat's pay sheet answered here; the sandbox page sends the member to the order page, whose 查看 opens the card.
      if (outcome === 'paid') void Taro.redirectTo({ url: giftCardUrl(result.cardId) })
      else if (outcome === 'cancelled' || outcome === 'failed') void Taro.showToast({ title: '支付未完成，可在订单中继续支付', icon: 'none', duration: 2000 })
    })
  }

  return (
    <View className='page play-page'>
      <View className='page-intro'>
        <Text className='page-title'>送会员礼品卡</Text>
        <Text className='page-desc'>付款后得到一张礼品卡，分享给朋友，第一个领取的人获得会员</Text>
      </View>
      {options.length === 0 ? (
        <View className='card'>
          <EmptyState glyph='礼' title='暂时没有可赠送的会员' description='主理人开设付费圈子后就可以送了' />
        </View>
      ) : (
        <View className='card gift-plans'>
          <Text className='play-section-title text-value'>选择会员套餐</Text>
          {options.map((p) => (
            <RadioRow key={keyOf(p)} on={picked === keyOf(p)} onSelect={() => setPicked(keyOf(p))} className='gift-plan-option' data={{ plan: p.planName }}>
              <Text>{planLabel(p)}</Text>
            </RadioRow>
          ))}
        </View>
      )}
      <View className='card'>
        <FormField label='赠言' hint='选填，最多 40 字，写在礼品卡上'>
          <TextInput className='form-field-input gift-message-input' value={message} maxlength={40} placeholder='一起打卡，一起变好' onValue={(value) => setMessage(value)} />
        </FormField>
      </View>
      <PlayRules lines={['每张礼品卡只能被领取一次，先到先得；自己不能领取自己送出的卡', '付款后 30 天内无人领取，全额原路退回', '领取人获得该套餐的会员天数，已是会员的顺延']} />
      <PlayActionBar>
        <Button className={`btn btn-primary play-bar-main gift-pay ${plan ? '' : 'btn-disabled'}`} disabled={!plan || busy || undefined} onClick={() => void buy()}>
          {busy ? '下单中…' : plan ? `去支付 ${planLabel(plan).split('）')[1]}` : '请选择套餐'}
        </Button>
      </PlayActionBar>
    </View>
  )
}
