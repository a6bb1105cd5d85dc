import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import { ErrorPage } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { fetchAllPages } from '../../../services/fetch-all-pages'
import { ApiCallError } from '../../../services/api'
import { setQueryData, useQuery } from '../../../services/use-query'
import { showError } from '../../../services/show-error'
import type { MallItem, MallItemInput } from '../../../../types/growth'
import type { Page } from '../../../../types/page'
import type { CampaignView } from '../../../../types/coupons'
import { KIND_OPTIONS } from '../labels'
import { EMPTY_ITEM, draftToInput, itemToDraft, type ItemDraft, type ItemErrors } from './item-draft'
import { createMallItem, fetchMallItems, updateMallItem, useGrowthSettings } from '../../../services/growth'
import { CAMPAIGNS_KEY, fetchCampaigns } from '../../../services/rewards'
import '../components/form.css'
import ImagePicker, { useImageUploads } from '../../../components/image-picker'
import './index.css'

/** The host's list is short; a direct link to an item pages through it to find the one. */
async function findItem(id: string): Promise<MallItem | null> {
  let after: string | null = null
  for (let i = 0; i < 50; i++) {
    const page: Page<MallItem> = await fetchMallItems({ after })
    const found = page.items.find((item) => item.id === id)
    if (found) return found
    if (!page.next) return null
    after = page.next
  }
  return null
}

const itemKey = (id: string) => `hostGrowth.item.${id}`

/** The host's unexpired campaigns (prize-only ones too): the coupon a redemption gives. */
function CouponChoice({ value, error, onChange }: { value: string | null; error?: string; onChange: (campaignId: string) => void }) {
  const campaigns = useQuery<Page<CampaignView>>(`${CAMPAIGNS_KEY}.all`, () => fetchAllPages((after) => fetchCampaigns({ after })))
  // A campaign published since the list was cached shows up too.
  useEffect(() => {
    if (campaigns.data) void campaigns.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: refresh a list already cached
  }, [])
  const choices = (campaigns.data?.items ?? []).filter((c) => c.validTo > Date.now() || c.id === value)
  return (
    <View className={`hg-row row divided hg-row-top hg-coupon-choice ${error ? 'hg-row-invalid' : ''}`}>
      <Text className='hg-row-label text-body'>发放的券</Text>
      <View className='hg-edit-choice'>
        {campaigns.loading ? <Skeleton width={240} height={56} /> : null}
        <View className='hg-chips'>
          {choices.map((c) => (
            <Text key={c.id} className={`hg-chip text-label coupon-choice ${value === c.id ? 'hg-chip-on' : ''}`} data-id={c.id} onClick={() => onChange(c.id)}>
              {c.name} · 剩 {Math.max(0, c.stock - c.claimed)}
            </Text>
          ))}
        </View>
        {!campaigns.loading && choices.length === 0 ? <Text className='hg-edit-hint text-meta'>还没有可发放的券：先在「发布优惠券」中创建一个</Text> : null}
        {error ? <Text className='hg-row-error text-error'>{error}</Text> : null}
      </View>
    </View>
  )
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export default function ItemEditPage() {
  const router = useRouter()
  const id = safeDecode(router.params.id ?? '')
  const item = useQuery<MallItem | null>(itemKey(id || 'new'), () => (id ? findItem(id) : Promise.resolve(null)))

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑商品' : '新增商品' })
  }, [id])

  if (item.loading) return <EditSkeleton />
  if (item.data === undefined) return <ErrorPage error={item.error} onRetry={item.refetch} />
  if (id && item.data === null) return <ErrorPage error={new ApiCallError('NOT_FOUND', '商品不存在或已删除')} onRetry={item.refetch} />
  return <ItemForm item={item.data} />
}

function ItemForm({ item }: { item: MallItem | null }) {
  const settings = useGrowthSettings()
  const [draft, setDraft] = useState<ItemDraft>(() => (item ? itemToDraft(item) : EMPTY_ITEM))
  const [errors, setErrors] = useState<ItemErrors>({})
  const [saving, setSaving] = useState(false)
  const picture = useImageUploads(1)
  const uploaded = picture.slots[0]?.fileId
  const uploading = picture.uploading
  const tiers = settings.data?.tiers ?? [{ level: 1, name: '新人' }]

  const set = <K extends keyof ItemDraft>(field: K, value: ItemDraft[K], errorField: keyof MallItemInput) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setErrors((e) => ({ ...e, [errorField]: undefined }))
  }

  const save = async () => {
    if (saving || uploading) return
    if (picture.failed) {
      void Taro.showToast({ title: '图片上传失败，请重试或换一张', icon: 'none' })
      return
    }
    const imageFileId = uploaded ?? item?.imageFileId ?? ''
    const { input, errors: found } = draftToInput(draft, imageFileId)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setSaving(true)
    try {
      let saved: MallItem
      if (item) {
        // The picture only when replaced: an unchanged file id needs no re-check.
        const { imageFileId: _unchanged, ...rest } = input
        saved = await updateMallItem({ itemId: item.id, ...rest, ...(uploaded ? { imageFileId: uploaded } : {}) })
      } else {
        saved = await createMallItem(input)
      }
      setQueryData(itemKey(saved.id), saved)
      await Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
      setTimeout(() => {
        void Taro.navigateBack()
      }, 700)
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'INVALID_INPUT' && err.field) setErrors({ [err.field]: err.message })
      showError(err)
      setSaving(false)
    }
  }

  const kindHint = KIND_OPTIONS.find((k) => k.kind === draft.kind)?.hint

  return (
    <View className='page hg-item-edit'>
      <View className='card hg-form'>
        <Row label='图片' top error={errors.imageFileId}>
          <View className='hg-edit-image-wrap'>
            <ImagePicker
              mode='thumb'
              shape='square'
              uploads={picture}
              url={item?.imageUrl ?? ''}
              boxClassName='hg-edit-image'
              invalid={Boolean(errors.imageFileId)}
              emptyHint='点击上传，建议方形图片'
              doneHint='图片已上传，保存后生效'
            />
          </View>
        </Row>

        <Row label='名称' error={errors.name}>
          <TextInput className='hg-row-input field-name' value={draft.name} maxlength={40} placeholder='如：补卡券' placeholderClass='hg-placeholder' onValue={(value) => set('name', value, 'name')} />
        </Row>

        <Row label='介绍' top error={errors.description}>
          <TextArea
            className='hg-row-textarea field-description'
            value={draft.description}
            maxlength={500}
            autoHeight
            placeholder='成员兑换前会看到的说明'
            placeholderClass='hg-placeholder'
            onValue={(value) => set('description', value, 'description')}
          />
        </Row>
      </View>

      <View className='card hg-form'>
        <Row label='类型' top>
          <View className='hg-edit-choice'>
            <View className='hg-chips'>
              {KIND_OPTIONS.map((k) => (
                <Text key={k.kind} className={`hg-chip text-label kind-${k.kind} ${draft.kind === k.kind ? 'hg-chip-on' : ''}`} onClick={() => set('kind', k.kind, 'kind')}>
                  {k.label}
                </Text>
              ))}
            </View>
            {kindHint ? <Text className='hg-edit-hint text-meta'>{kindHint}</Text> : null}
          </View>
        </Row>
        {draft.kind === 'coupon' ? <CouponChoice value={draft.couponCampaignId} error={errors.couponCampaignId} onChange={(id) => set('couponCampaignId', id, 'couponCampaignId')} /> : null}

        <NumberRow label='兑换积分' field='pricePoints' value={draft.price} suffix='积分' error={errors.pricePoints} onInput={(v) => set('price', v, 'pricePoints')} />
        <NumberRow label='库存' field='stock' value={draft.stock} suffix='件' error={errors.stock} onInput={(v) => set('stock', v, 'stock')} />

        <Row label='兑换门槛' top>
          <View className='hg-chips'>
            {tiers.map((t) => (
              <Text key={t.level} className={`hg-chip text-label tier-${t.level} ${draft.minTierLevel === t.level ? 'hg-chip-on' : ''}`} onClick={() => set('minTierLevel', t.level, 'minTierLevel')}>
                {t.level === 1 ? '所有人' : `Lv${t.level} ${t.name}`}
              </Text>
            ))}
          </View>
        </Row>

        <NumberRow label='每人限兑' field='perMemberLimit' value={draft.limit} suffix='次（0 为不限）' error={errors.perMemberLimit} onInput={(v) => set('limit', v, 'perMemberLimit')} />
      </View>

      <View
        className={`btn btn-primary hg-edit-save ${saving || uploading ? 'btn-disabled' : ''}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : uploading ? '图片上传中…' : item ? '保存修改' : '创建并上架'}
      </View>
    </View>
  )
}

function NumberRow({ label, field, value, suffix, error, onInput }: { label: string; field: string; value: string; suffix: string; error?: string; onInput: (v: string) => void }) {
  return (
    <Row label={label} error={error}>
      <TextInput className={`hg-row-input field-${field}`} type='number' value={value} maxlength={7} placeholder='0' placeholderClass='hg-placeholder' onValue={(value) => onInput(value)} />
      <Text className='hg-row-suffix text-quiet'>{suffix}</Text>
    </Row>
  )
}

/** One line of the item form: its label on the left, the control beside it, the error under the line. */
function Row({ label, error, top, children }: { label: string; error?: string; top?: boolean; children: ReactNode }) {
  return (
    <>
      <View className={`hg-row row divided ${top ? 'hg-row-top' : ''} ${error ? 'hg-row-invalid' : ''}`}>
        <Text className='hg-row-label text-body'>{label}</Text>
        {children}
      </View>
      {error ? <Text className='hg-row-error text-error'>{error}</Text> : null}
    </>
  )
}

function EditSkeleton() {
  return (
    <View className='page hg-item-edit' aria-busy>
      <View className='card hg-form'>
        {[0, 1, 2].map((i) => (
          <View key={i} className='hg-row row divided'>
            <Skeleton width='100%' height={44} />
          </View>
        ))}
      </View>
    </View>
  )
}
