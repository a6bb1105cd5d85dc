import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { toApiCallError } from '../../../services/api-error'
import { COMMUNITY_NAME_MAX, updateCommunity, useCommunity } from '../../../services/community'

/** The host names the community: shown on invite posters and in share text instead of "社群". */
export default function CommunityNameRow() {
  const { data } = useCommunity()
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  const value = draft ?? data?.name ?? ''
  const changed = draft !== null && draft.trim() !== (data?.name ?? '')

  const save = async () => {
    if (!changed || saving) return
    setSaving(true)
    setError('')
    try {
      await updateCommunity({ name: value })
      setDraft(null)
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
    } catch (err) {
      setError(toApiCallError(err).message || '保存失败，请重试')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='card host-community'>
      <Text className='host-community-label'>社群名称</Text>
      <View className='host-community-row'>
        <Input
          className='host-community-input'
          value={value}
          maxlength={COMMUNITY_NAME_MAX}
          placeholder='如：林教练燃脂俱乐部'
          placeholderClass='host-community-placeholder'
          onInput={(e) => {
            setDraft(e.detail.value)
            setError('')
          }}
        />
        <View
          className={`btn btn-primary btn-small host-community-save ${changed && !saving ? '' : 'btn-disabled'}`}
          onClick={() => {
            void save()
          }}>
          {saving ? '保存中…' : '保存'}
        </View>
      </View>
      {error ? <Text className='host-community-error'>{error}</Text> : <Text className='host-community-hint'>邀请海报和分享语会用这个名称</Text>}
    </View>
  )
}
