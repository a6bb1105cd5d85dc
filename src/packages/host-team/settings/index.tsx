import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import FormLoader from '../../../components/form-loader'
import { InputField, TextAreaField } from '../../../components/form-field'
import ImagePicker, { useImageUploads } from '../../../components/image-picker'
import { toApiCallError } from '../../../services/api-error'
import { COMMUNITY_INTRO_MAX, COMMUNITY_NAME_MAX, COMMUNITY_RULES_MAX, COMMUNITY_WELCOME_MAX, updateCommunity, useCommunity } from '../../../services/community'
import type { CommunitySettings } from '../../../../types/community'
import './index.css'

type Draft = Pick<CommunitySettings, 'name' | 'intro' | 'rules' | 'welcome'>
type Field = keyof Draft | 'logoFileId'

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
      <Text className='form-page-section'>名片</Text>
      <View className='card form-page-card'>
        <View className='cs-logo-row'>
          <ImagePicker
            mode='thumb'
            uploads={logo}
            url={logoUrl}
            label='标志'
            shape='square'
            boxClassName='cs-logo'
            invalid={Boolean(errors.logoFileId)}
            emptyHint='点击上传，建议正方形'
            doneHint='标志已上传，保存后生效'
          />
          {logoUrl && !uploaded ? (
            <Text className='cs-logo-remove text-error' onClick={() => setLogoRemoved(true)}>
              移除标志
            </Text>
          ) : null}
          {errors.logoFileId ? <Text className='form-field-error text-meta'>{errors.logoFileId}</Text> : null}
        </View>
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
      </View>

      <Text className='form-page-section'>群规</Text>
      <View className='card form-page-card'>
        <TextAreaField
          label='群规'
          error={errors.rules}
          hint={`成员在动态页可以查看，最多 ${COMMUNITY_RULES_MAX} 字`}
          layout='column'
          name='cs-rules'
          value={draft.rules}
          maxlength={COMMUNITY_RULES_MAX}
          placeholder='如：一、友善交流；二、不发广告；三、打卡照片请用自己拍的'
          onValue={(value) => set('rules', value)}
        />
      </View>

      <Text className='form-page-section'>欢迎语</Text>
      <View className='card form-page-card'>
        <TextAreaField
          label='欢迎语'
          error={errors.welcome}
          hint={`新成员加入时收到，最多 ${COMMUNITY_WELCOME_MAX} 字；微信通知只显示第一行的前 20 字`}
          layout='column'
          name='cs-welcome'
          value={draft.welcome}
          maxlength={COMMUNITY_WELCOME_MAX}
          placeholder={`留空则为：欢迎加入${draft.name || '社群'}`}
          onValue={(value) => set('welcome', value)}
        />
      </View>

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
