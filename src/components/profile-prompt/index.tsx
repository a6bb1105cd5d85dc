import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberProfile, UpdateProfileInput } from '../../../types/member'
import { ApiCallError } from '../../services/api'
import { skipProfilePrompt, updateProfile, useMe } from '../../services/member'
import AvatarPicker from '../profile-fields/avatar-picker'
import { nicknameError } from '../profile-fields/nickname'
import NicknameField from '../profile-fields/nickname-field'
import { useAvatarUpload } from '../profile-fields/use-avatar-upload'
import './index.css'

/**
 * What the interrupted action awaits before it carries on: saves the profile
 * (through updateProfile) or records the skip. It throws when saving failed;
 * the sheet then stays open with the reason.
 */
export type ProfileStep = () => Promise<void>

/** The interrupted action: step is given when the sheet was shown. */
export type ProfileGuarded = (step?: ProfileStep) => void

/**
 * Asks a member who is still 成员xxxx with a letter avatar (member.me says
 * askProfile) for a nickname and avatar, once, right before the first thing
 * others will know them by: a check-in, a comment. guard(go) calls go() at once
 * when there is nothing to ask; otherwise it shows the sheet, whose 保存 and
 * 跳过 call go(step) within the same tap (WeChat grants some requests, such as
 * subscribe messages, only there); go awaits step, then posts.
 *
 * @param purpose the action, as the sheet names it: 打卡, 补卡, 评论.
 */
export function useProfilePrompt(purpose: string) {
  const { data: me } = useMe()
  const [waiting, setWaiting] = useState<{ go: ProfileGuarded } | null>(null)

  const guard = (go: ProfileGuarded) => {
    if (me?.askProfile) setWaiting({ go })
    else go()
  }

  const sheet =
    waiting && me ? (
      <ProfilePromptSheet
        me={me}
        purpose={purpose}
        onCancel={() => setWaiting(null)}
        onContinue={(step) =>
          waiting.go(async () => {
            await step()
            setWaiting(null)
          })
        }
      />
    ) : null

  return { guard, sheet }
}

interface SheetProps {
  me: MemberProfile
  purpose: string
  /** Mask tapped: nothing is posted, the draft stays. */
  onCancel: () => void
  onContinue: (step: ProfileStep) => void
}

function ProfilePromptSheet({ me, purpose, onCancel, onContinue }: SheetProps) {
  const [typed, setTyped] = useState('')
  const [serverError, setServerError] = useState<string | null>(null)
  const [working, setWorking] = useState<'save' | 'skip' | null>(null)
  const { upload, uploading, start } = useAvatarUpload()

  const nickname = typed.trim()
  const localError = typed === '' ? null : nicknameError(typed)
  const canSave = (nickname !== '' || upload?.fileId !== undefined) && !localError && !uploading && !working

  const onNickname = (value: string) => {
    setTyped(value)
    setServerError(null)
  }

  const save = () => {
    if (!canSave) return
    const input: UpdateProfileInput = {}
    if (nickname) input.nickname = nickname
    if (upload?.fileId) input.avatarFileId = upload.fileId
    onContinue(async () => {
      setWorking('save')
      setServerError(null)
      try {
        await updateProfile(input)
      } catch (err) {
        setServerError(err instanceof ApiCallError ? err.message : '保存失败，请重试')
        setWorking(null)
        throw err
      }
    })
  }

  const skip = () => {
    if (working) return
    onContinue(async () => {
      setWorking('skip')
      await skipProfilePrompt(me)
    })
  }

  const saveLabel = working === 'save' ? '保存中…' : uploading ? '头像上传中…' : `保存并${purpose}`

  return (
    <View className='profile-prompt fixed-fill'>
      {/* catchMove: dragging the mask must not scroll the page under it in WeChat. */}
      <View
        className='profile-prompt-mask abs-fill'
        catchMove
        onClick={() => {
          if (!working) onCancel()
        }}
      />
      <View className='profile-prompt-sheet col'>
        <Text className='profile-prompt-title text-bold'>设置头像和昵称</Text>
        <Text className='profile-prompt-desc text-desc'>
          你的{purpose}会带着头像和昵称出现在动态里，现在显示为「{me.nickname}」。换一个，让大家认识你。
        </Text>

        <AvatarPicker
          currentUrl={me.avatarUrl}
          nickname={nickname || me.nickname}
          upload={upload}
          onPicked={(path) => {
            void start(path)
          }}
        />

        <NicknameField className='profile-prompt-field' value={typed} onChange={onNickname} error={localError ?? serverError} />

        <View className={`btn btn-primary profile-prompt-save ${canSave ? '' : 'btn-disabled'}`} onClick={save}>
          {saveLabel}
        </View>
        <View className='profile-prompt-skip text-prose row' onClick={skip}>
          <Text>{working === 'skip' ? '请稍候…' : `跳过，直接${purpose}`}</Text>
        </View>
        <Text className='profile-prompt-later text-faint'>以后也可以在「我的 › 编辑资料」里修改</Text>
      </View>
    </View>
  )
}
