import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ChoiceField, InputField } from '../../../components/form-field'
import { HostPlayList, PlayTitleField, PlayForm, SALE_TYPES, TargetPicker, saleCandidates, usePlayFields, useTargetChoice } from '../../../components/play-admin'
import { optionsOf } from '../../../components/segmented/options'
import { HOST_FLASH_SALES_KEY, PHASE_LABEL, PHASE_TONE, TARGET_LABEL, createFlashSale, fetchHostFlashSales, formatSaleTime, pauseFlashSale } from '../../../services/flash-sale'
import { flashSaleUrl } from '../../../services/routes'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { HostFlashSaleView } from '../../../../types/flash-sale'

type StartChoice = 'now' | 'in10' | 'in60' | 'tonight'
const STARTS = optionsOf<StartChoice>({ now: '立即', in10: '10 分钟后', in60: '1 小时后', tonight: '今晚 20:00' })
type Length = '30m' | '1h' | '3h' | '1d'
const LENGTHS: ReadonlyArray<{ value: Length; label: string; ms: number }> = [
  { value: '30m', label: '30 分钟', ms: 30 * 60_000 },
  { value: '1h', label: '1 小时', ms: 3600_000 },
  { value: '3h', label: '3 小时', ms: 3 * 3600_000 },
  { value: '1d', label: '1 天', ms: 24 * 3600_000 }
]

/** The start a choice means now, to the whole minute (tonight at 20:00 China time; tomorrow's once that has passed). */
function startFor(choice: StartChoice, now: number): number {
  const minute = Math.ceil(now / 60_000) * 60_000
  if (choice === 'now') return now
  if (choice === 'in10') return minute + 10 * 60_000
  if (choice === 'in60') return minute + 60 * 60_000
  const tonight = chinaTime(now).hour(20).minute(0).second(0).millisecond(0).valueOf()
  return tonight > now ? tonight : tonight + 24 * 3600_000
}

export default function HostFlashSalesPage() {
  return (
    <HostPlayList
      queryKey={HOST_FLASH_SALES_KEY}
      fetchPage={(after) => fetchHostFlashSales({ after })}
      className='hfs-page'
      cardClassName='hfs-sale'
      form={(onCreated) => <CreateForm onCreated={onCreated} />}
      empty={{ glyph: '秒', title: '还没有秒杀', description: '在上面选一个套餐、活动或商品，设好价格、库存和时间即可开抢' }}
      card={(sale: HostFlashSaleView) => ({
        tag: { tone: PHASE_TONE[sale.phase], label: PHASE_LABEL[sale.phase] },
        kind: TARGET_LABEL[sale.targetType],
        title: sale.title,
        onOpen: () => void Taro.navigateTo({ url: flashSaleUrl(sale.id) }),
        line: `${sale.itemName} · ${formatFen(sale.priceFen)} · ${formatSaleTime(sale.startAt)}–${formatSaleTime(sale.endAt)}`,
        measures: [
          ['参与', sale.measures.started],
          ['售出', `${sale.measures.sold}/${sale.stock}`],
          ['已支付', sale.measures.paid],
          ['收入', formatFen(sale.measures.revenueFen)],
          ['新成员', sale.measures.newMembers]
        ],
        ended: sale.phase === 'ended',
        onPause: (paused) => pauseFlashSale({ saleId: sale.id, paused })
      })}
    />
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const choice = useTargetChoice('hostFlashSale', 'plan', saleCandidates)
  const fields = usePlayFields({ title: '', price: '', stock: '50' }, onCreated)
  const { title, price, stock } = fields.values
  const [start, setStart] = useState<StartChoice>('in10')
  const [length, setLength] = useState<Length>('1h')
  const { chosen } = choice

  const publish = () => {
    const priceFen = Math.round(Number(price) * 100)
    const units = Number(stock)
    if (!chosen) return void Taro.showToast({ title: '请选择秒杀的套餐、活动或商品', icon: 'none' })
    if (!(priceFen >= 1)) return void Taro.showToast({ title: '请填写秒杀价', icon: 'none' })
    if (!Number.isInteger(units) || units < 1) return void Taro.showToast({ title: '请填写库存', icon: 'none' })
    const startAt = startFor(start, Date.now())
    return createFlashSale({
      target: chosen.target,
      title: title.trim() || `${chosen.name} 限时秒杀`.slice(0, 30),
      priceFen,
      stock: units,
      startAt,
      endAt: startAt + LENGTHS.find((l) => l.value === length)!.ms
    })
  }

  return (
    <PlayForm className='hfs-form' title='发起秒杀' submitLabel='发布秒杀' publish={publish} onPublished={fields.published}>
      <TargetPicker choice={choice} types={SALE_TYPES} verb='秒杀' />
      <PlayTitleField className='hfs-title' placeholder='如：月卡限时 9.9 元' {...fields.field('title')} />
      <InputField label='秒杀价' prefix='¥' name='hfs-price' type='digit' placeholder='0.00' {...fields.field('price')} />
      <InputField label='库存' suffix='件' hint='每人限抢 1 件；5 分钟未支付自动释放' name='hfs-stock' type='number' maxlength={3} {...fields.field('stock')} />
      <ChoiceField label='开抢' name='hfs-starts' options={STARTS} value={start} onChange={setStart} />
      <ChoiceField label='持续' name='hfs-lengths' options={LENGTHS} value={length} onChange={setLength} />
    </PlayForm>
  )
}
