import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import FormLoader from '../../../components/form-loader'
import { InputField, TextAreaField } from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import { useImageUploads } from '../../../components/image-picker'
import ImageField from '../../../components/form-field/image-field'
import { toApiCallError } from '../../../services/api-error'
import { COMMUNITY_INTRO_MAX, COMMUNITY_NAME_MAX, COMMUNITY_RULES_MAX, COMMUNITY_WELCOME_MAX, updateCommunity, useCommunity } from '../../../services/community'
import type { CommunitySettings } from '../../../../types/community'
import './index.css'

type Draft = Pick<CommunitySettings, 'name' | 'intro' | 'rules' | 'welcome'>
type Field = keyof Draft | 'logoFileId'

/** 群规 and 欢迎语: each a section of one long text, in the same shape. */
const LONG_TEXTS: ReadonlyArray<{ field: 'rules' | 'welcome'; label: string; hint: string; max: number; placeholder: (name: string) => string }> = [
  {
    field: 'rules',
    label: '群规',
    hint: `成员在动态页可以查看，最多 ${COMMUNITY_RULES_MAX} 字`,
    max: COMMUNITY_RULES_MAX,
    placeholder: () => '如：一、友善交流；二、不发广告；三、打卡照片请用自己拍的'
  },
  {
    field: 'welcome',
    label: '欢迎语',
    hint: `新成员加入时收到，最多 ${COMMUNITY_WELCOME_MAX} 字；微信通知只显示第一行的前 20 字`,
    max: COMMUNITY_WELCOME_MAX,
    placeholder: (name) => `留空则为：欢迎加入${name || '社群'}`
  }
]

/** The owner's settings: name, logo, one-line intro, 群规 and the welcome a new member gets. */
export default function CommunitySettingsPage() {
  const community = useCommunity()
  return <FormLoader query={community}>{(saved) => <SettingsForm saved={saved} />}</FormLoader>
}

function SettingsForm({ saved }: { saved: CommunitySettings }) {
  const [draft, setDraft] = useState<Draft>({ name: saved.name, intro: saved.intro, rules: saved.rules, welcome: saved.welcome })
  const [logoRemoved, setLogoRemoved] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [saving, setSaving] = useState(false)
  const logo = useImageUploads(1)
  const uploaded = logo.slots[0]?.fileId
  const uploading = logo.slots.some((s) => !s.fileId && !s.error)

  const set = (field: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const save = async () => {
    if (saving || uploading) return
    setSaving(true)
    setErrors({})
    try {
      const logoFileId = uploaded ?? (logoRemoved ? '' : saved.logoFileId)
      await updateCommunity({ ...draft, logoFileId })
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
    } catch (err) {
      const error = toApiCallError(err)
      if (error.field) setErrors({ [error.field]: error.message })
      else void Taro.showToast({ title: error.message || '保存失败，请重试', icon: 'none', duration: 2500 })
    } finally {
      setSaving(false)
    }
  }

  const logoUrl = logoRemoved ? '' : saved.logoUrl
  return (
    <View className='page form-page'>
      <FormSection title='名片'>
        <ImageField uploads={logo} url={logoUrl} label='标志' shape='square' boxClassName='cs-logo' emptyHint='点击上传，建议正方形' doneHint='标志已上传，保存后生效' error={errors.logoFileId}>
          {logoUrl && !uploaded ? (
            <Text className='cs-logo-remove text-error' onClick={() => setLogoRemoved(true)}>
              移除标志
            </Text>
          ) : null}
        </ImageField>
        <InputField label='名称' error={errors.name} name='cs-name' value={draft.name} maxlength={COMMUNITY_NAME_MAX} placeholder='如：林教练燃脂俱乐部' onValue={(value) => set('name', value)} />
        <InputField
          label='简介'
          error={errors.intro}
          hint={`一句话，最多 ${COMMUNITY_INTRO_MAX} 字，显示在名称下面`}
          layout='column'
          name='cs-intro'
          value={draft.intro}
          maxlength={COMMUNITY_INTRO_MAX}
          placeholder='如：每天一起练，21 天养成运动习惯'
          onValue={(value) => set('intro', value)}
        />
      </FormSection>

      {LONG_TEXTS.map((t) => (
        <FormSection key={t.field} title={t.label}>
          <TextAreaField
            label={t.label}
            error={errors[t.field]}
            hint={t.hint}
            layout='column'
            name={`cs-${t.field}`}
            value={draft[t.field]}
            maxlength={t.max}
            placeholder={t.placeholder(draft.name)}
            onValue={(value) => set(t.field, value)}
          />
        </FormSection>
      ))}

      <View
        className={`btn btn-primary cs-save ${saving || uploading ? 'btn-disabled' : ''}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : uploading ? '图片上传中…' : '保存'}
      </View>
    </View>
  )
}
