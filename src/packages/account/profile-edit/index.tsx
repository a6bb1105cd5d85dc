import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import Skeleton from '../../../components/skeleton'
import { ErrorPage } from '../../../components/error-state'
import { updateProfile, useMe } from '../../../services/member'
import { ApiCallError } from '../../../services/api'
import { showError } from '../../../services/show-error'
import { ME_PAGE } from '../../../services/routes'
import type { UpdateProfileInput } from '../../../../types/member'
import AvatarPicker from '../../../components/profile-fields/avatar-picker'
import { nicknameError } from '../../../components/profile-fields/nickname'
import NicknameField from '../../../components/profile-fields/nickname-field'
import { useAvatarUpload } from '../../../components/profile-fields/use-avatar-upload'
import './index.css'

export default function ProfileEditPage() {
  const { data: me, error, loading, refetch } = useMe()
  // null until the member types: the field then follows the loaded profile.
  const [typed, setTyped] = useState<string | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const { upload, uploading, start } = useAvatarUpload()

  if (loading) return <EditSkeleton />
  if (!me) return <ErrorPage error={error} onRetry={refetch} />

  const nickname = typed ?? me.nickname
  const localError = typed === null ? null : nicknameError(nickname)
  const changed = nickname.trim() !== me.nickname || upload?.fileId !== undefined
  const canSave = changed && !localError && !uploading && !saving

  const onNickname = (value: string) => {
    setTyped(value)
    setServerError(null)
  }

  const save = async () => {
    if (!canSave) return
    const input: UpdateProfileInput = { nickname: nickname.trim() }
    if (upload?.fileId) input.avatarFileId = upload.fileId
    setSaving(true)
    try {
      await updateProfile(input)
      await Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
      setTimeout(goBack, 800)
    } catch (err) {
      if (err instanceof ApiCallError && err.field === 'nickname') setServerError(err.message)
      showError(err)
      setSaving(false)
    }
  }

  return (
    <View className='page profile-edit'>
      <AvatarPicker
        currentUrl={me.avatarUrl}
        nickname={nickname.trim() || me.nickname}
        upload={upload}
        onPicked={(path) => {
          void start(path)
        }}
      />

      <NicknameField className='card profile-edit-field' value={nickname} onChange={onNickname} error={localError ?? serverError} />

      <View
        className={`btn btn-primary profile-edit-save ${canSave ? '' : 'btn-disabled'}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : uploading ? '头像上传中…' : '保存'}
      </View>
    </View>
  )
}

function goBack() {
  // Opened directly (a shared link, a reload in H5) there is nothing to go back to.
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: ME_PAGE })
}

function EditSkeleton() {
  return (
    <View className='page profile-edit'>
      <View className='avatar-picker'>
        <Skeleton width={176} height={176} round />
      </View>
      <View className='card profile-edit-field'>
        <Skeleton width='100%' height={44} />
      </View>
    </View>
  )
}
