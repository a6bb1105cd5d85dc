import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import { ErrorPage } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { discountLabel, updateGrowthSettings, SETTINGS_KEY, useGrowthSettings } from '../../../services/growth'
import { setQueryData } from '../../../services/use-query'
import { useSubmit } from '../../../services/use-submit'
import type { GrowthRule } from '../../../../types/growth'
import MiniField from '../../../components/mini-field'
import { RULES } from '../labels'
import { MAX_TIERS, fromDraft, newTierDraft, toDraft, type DraftErrors, type RuleDraft, type SettingsDraft, type TierDraft } from './settings-draft'
import '../components/form.css'
import SectionTitle from '../components/section-title'
import './index.css'

export default function RulesPage() {
  const settings = useGrowthSettings()
  // null until the host edits: the form follows the loaded settings.
  const [edited, setEdited] = useState<SettingsDraft | null>(null)
  const [errors, setErrors] = useState<DraftErrors>({})
  const { busy: saving, run } = useSubmit()

  if (settings.loading) return <RulesSkeleton />
  if (!settings.data) return <ErrorPage error={settings.error} onRetry={settings.refetch} />

  const saved = toDraft(settings.data)
  const draft = edited ?? saved
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)

  const change = (next: SettingsDraft, clear: string[]) => {
    setEdited(next)
    setErrors((e) => {
      const rest = { ...e }
      for (const key of clear) delete rest[key]
      delete rest.tiers
      return rest
    })
  }
  const setRule = (rule: GrowthRule, field: keyof RuleDraft, value: string) =>
    change({ ...draft, rules: { ...draft.rules, [rule]: { ...draft.rules[rule], [field]: value } } }, [`rules.${rule}.${field}`])
  const setTier = (index: number, field: keyof TierDraft, value: string, path: string) =>
    change({ ...draft, tiers: draft.tiers.map((t, i) => (i === index ? { ...t, [field]: value } : t)) }, [`tiers.${index}.${path}`])
  const addTier = () => change({ ...draft, tiers: [...draft.tiers, newTierDraft(draft.tiers[draft.tiers.length - 1])] }, [])
  const removeLastTier = () =>
    change(
      { ...draft, tiers: draft.tiers.slice(0, -1) },
      Object.keys(errors).filter((k) => k.startsWith(`tiers.${draft.tiers.length - 1}.`))
    )

  const save = async () => {
    if (saving || !dirty) return
    const { input, errors: found } = fromDraft(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '请检查标红的项', icon: 'none' })
      return
    }
    await run(
      async () => {
        const next = await updateGrowthSettings(input)
        setQueryData(SETTINGS_KEY, next)
        setEdited(null)
        void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
      },
      (err) => {
        if (err instanceof ApiCallError && err.code === 'INVALID_INPUT' && err.field) setErrors({ [err.field]: err.message })
      }
    )
  }

  return (
    <View className='page hg-rules'>
      <SectionTitle title='获取规则' hint='都填 0 即关闭；上限留空为不限' />
      <View className='card hg-rule-table'>
        <View className='hg-rule-row row hg-rule-header text-faint'>
          <Text className='hg-rule-label fill-col'>行为</Text>
          <Text className='hg-rule-col'>积分</Text>
          <Text className='hg-rule-col'>成长值</Text>
          <Text className='hg-rule-col'>每日上限</Text>
        </View>
        {RULES.map(({ rule, name, hint }) => {
          const d = draft.rules[rule]
          const off = d.points.trim() === '0' && d.growth.trim() === '0'
          const fieldErrors = (['points', 'growth', 'dailyCap'] as const).map((f) => errors[`rules.${rule}.${f}`]).filter(Boolean)
          const cell = (field: keyof RuleDraft, placeholder = '0') => (
            <View className={`hg-rule-cell ${errors[`rules.${rule}.${field}`] ? 'hg-rule-cell-invalid' : ''}`}>
              <TextInput
                className={`hg-rule-input field-rule-${rule}-${field}`}
                type='number'
                value={d[field]}
                maxlength={7}
                placeholder={placeholder}
                placeholderClass='hg-placeholder'
                onValue={(value) => setRule(rule, field, value)}
              />
            </View>
          )
          return (
            <View key={rule} className={`hg-rule divided hg-rule-${rule}`}>
              <View className='hg-rule-row row'>
                <View className='hg-rule-label fill-col'>
                  <View className='hg-rule-name-row row'>
                    <Text className='hg-rule-name'>{name}</Text>
                    {off ? <Text className='hg-rule-off'>已关闭</Text> : null}
                  </View>
                  <Text className='hg-rule-hint'>{hint}</Text>
                </View>
                {cell('points')}
                {cell('growth')}
                {cell('dailyCap', '不限')}
              </View>
              {fieldErrors.length > 0 ? <Text className='hg-rule-error'>{fieldErrors.join('；')}</Text> : null}
            </View>
          )
        })}
      </View>

      <SectionTitle title='积分有效期' hint='每笔积分自获得起计算，先到期的先用' />
      <View className='card hg-expiry'>
        <MiniField
          name='expire-months'
          label='有效期（0 为永不过期）'
          suffix='个月'
          value={draft.expireMonths}
          maxlength={3}
          error={errors.pointsExpireMonths}
          onInput={(v) => change({ ...draft, expireMonths: v }, ['pointsExpireMonths'])}
        />
      </View>

      <SectionTitle title='等级与权益' hint='成长值达到门槛即升级' />
      {errors.tiers ? <Text className='hg-error-line text-error'>{errors.tiers}</Text> : null}
      {draft.tiers.map((tier, i) => (
        <TierCard
          key={i}
          index={i}
          tier={tier}
          errors={errors}
          removable={i > 0 && i === draft.tiers.length - 1}
          onChange={(field, value, path) => setTier(i, field, value, path)}
          onRemove={removeLastTier}
        />
      ))}
      {draft.tiers.length < MAX_TIERS ? (
        <View className='hg-add-tier row' onClick={addTier}>
          ＋ 添加 Lv{draft.tiers.length + 1}
        </View>
      ) : null}

      <View className='hg-savebar-space' />
      <View className='hg-savebar'>
        <View
          className={`btn btn-primary hg-rules-save ${dirty && !saving ? '' : 'btn-disabled'}`}
          onClick={() => {
            void save()
          }}>
          {saving ? '保存中…' : '保存设置'}
        </View>
      </View>
    </View>
  )
}

interface TierCardProps {
  index: number
  tier: TierDraft
  errors: DraftErrors
  removable: boolean
  onChange: (field: keyof TierDraft, value: string, path: string) => void
  onRemove: () => void
}

function TierCard({ index, tier, errors, removable, onChange, onRemove }: TierCardProps) {
  const err = (path: string) => errors[`tiers.${index}.${path}`]
  const discount = discountLabel(Number(tier.discount) || 0)
  const cards = Number(tier.cards) || 0
  const preview = [discount ? `活动 ${discount}` : '', cards > 0 ? `每月补卡 ${cards} 张` : '', tier.badge.trim() ? `徽章「${tier.badge.trim()}」` : ''].filter(Boolean).join(' · ')
  return (
    <View className={`card hg-tier hg-tier-${index + 1}`}>
      <View className='hg-tier-head row'>
        <Text className='hg-tier-level text-score'>Lv{index + 1}</Text>
        <Text className='hg-tier-preview text-meta ellipsis'>{preview || '基础权益'}</Text>
        {removable ? (
          <Text className='hg-tier-remove' onClick={onRemove}>
            删除
          </Text>
        ) : null}
      </View>
      <View className='hg-rule-fields'>
        <MiniField name={`tier-${index}-name`} type='text' label='名称' value={tier.name} maxlength={10} error={err('name')} onInput={(v) => onChange('name', v, 'name')} />
        <MiniField name={`tier-${index}-minGrowth`} label='成长值门槛' value={tier.minGrowth} disabled={index === 0} error={err('minGrowth')} onInput={(v) => onChange('minGrowth', v, 'minGrowth')} />
      </View>
      <View className='hg-rule-fields'>
        <MiniField
          name={`tier-${index}-discount`}
          label='活动减免'
          suffix='%'
          value={tier.discount}
          maxlength={3}
          error={err('perks.eventDiscountPercent')}
          onInput={(v) => onChange('discount', v, 'perks.eventDiscountPercent')}
        />
        <MiniField
          name={`tier-${index}-cards`}
          label='每月补卡'
          suffix='张'
          value={tier.cards}
          maxlength={2}
          error={err('perks.monthlyMakeupCards')}
          onInput={(v) => onChange('cards', v, 'perks.monthlyMakeupCards')}
        />
        <MiniField
          name={`tier-${index}-badge`}
          type='text'
          label='徽章'
          placeholder='无'
          value={tier.badge}
          maxlength={6}
          error={err('perks.badge')}
          onInput={(v) => onChange('badge', v, 'perks.badge')}
        />
      </View>
    </View>
  )
}

function RulesSkeleton() {
  return (
    <View className='page hg-rules' aria-busy>
      <View className='card hg-rule-table'>
        {[0, 1, 2, 3, 4].map((i) => (
          <View key={i} className='hg-rule-row row'>
            <View className='hg-rule-label fill-col'>
              <Skeleton width={140} height={30} />
              <Skeleton width={220} height={20} className='hg-skeleton-gap' />
            </View>
            <Skeleton width={124} height={68} className='hg-rule-cell' />
            <Skeleton width={124} height={68} className='hg-rule-cell' />
            <Skeleton width={124} height={68} className='hg-rule-cell' />
          </View>
        ))}
      </View>
    </View>
  )
}
