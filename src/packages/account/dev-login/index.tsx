import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import InputBar from '../../../components/input-bar'
import Avatar from '../../../components/avatar'
import Skeleton from '../../../components/skeleton'
import ErrorState from '../../../components/error-state'
import { listPersonas, loginAs, PERSONA_PATTERN, type DevPersona } from '../../../services/session'
import { clearQueryCache, useQuery } from '../../../services/use-query'
import { showError } from '../../../services/show-error'
import { goAfterDevLogin } from '../../../services/dev-login-redirect'
import { deliverInvite } from '../../../services/member'
import { ROLE_LABELS } from '../../../../types/roles'
import './index.css'

// H5 against the dev host only: stands in for WeChat telling the function who calls.
export default function DevLoginPage() {
  const { params } = useRouter()
  const personas = useQuery<DevPersona[]>('dev.personas', listPersonas)
  const [custom, setCustom] = useState('')
  const [busy, setBusy] = useState<string | null>(null)

  const login = async (persona: string) => {
    if (busy) return
    setBusy(persona)
    try {
      await loginAs(persona)
      // A different member now: nothing cached for the previous one may show.
      clearQueryCache()
      // An invite code the link carried counts only on a first login: hand it over now, whatever page comes next.
      await deliverInvite().catch(() => {})
      // Back to the page a link (or a lost session) was opened on, else 我的.
      await goAfterDevLogin(params)
    } catch (err) {
      showError(err)
    } finally {
      setBusy(null)
    }
  }

  const customName = custom.trim()
  const customValid = PERSONA_PATTERN.test(customName)
  const enter = () => {
    if (customValid) void login(customName)
  }

  return (
    <View className='page dev-login'>
      <View className='page-intro'>
        <Text className='page-title'>本地开发登录</Text>
        <Text className='page-desc'>选择一个身份进入。在微信里由云开发识别用户，不会出现这一页。</Text>
      </View>

      <View className='card dev-login-list'>
        {personas.loading ? <PersonaSkeleton /> : null}
        {!personas.loading && !personas.data ? <ErrorState error={personas.error} onRetry={personas.refetch} /> : null}
        {personas.data?.map((p) => (
          <View
            key={p.persona}
            className='dev-login-persona row divided'
            data-persona={p.persona}
            onClick={() => {
              void login(p.persona)
            }}>
            <Avatar url='' nickname={p.nickname} size={80} />
            <View className='dev-login-persona-text fill-col'>
              <Text className='dev-login-nickname'>{p.nickname}</Text>
              <Text className='dev-login-id text-faint'>{p.persona}</Text>
            </View>
            <Text className={`dev-login-role dev-login-role-${p.role}`}>{busy === p.persona ? '登录中…' : ROLE_LABELS[p.role]}</Text>
          </View>
        ))}
      </View>

      <Text className='dev-login-section text-meta'>或输入任意身份名（新成员）</Text>
      <InputBar className='card dev-login-custom' inputClass='dev-login-input' value={custom} maxlength={32} placeholder='字母、数字、_ 或 -' onValue={setCustom} onSubmit={enter}>
        <View className={`btn btn-primary btn-small dev-login-go ${customValid && !busy ? '' : 'btn-disabled'}`} onClick={enter}>
          进入
        </View>
      </InputBar>
    </View>
  )
}

function PersonaSkeleton() {
  return (
    <View>
      {[0, 1, 2].map((i) => (
        <View key={i} className='dev-login-persona row divided'>
          <Skeleton width={80} height={80} round />
          <View className='dev-login-persona-text fill-col'>
            <Skeleton width={200} height={32} />
          </View>
        </View>
      ))}
    </View>
  )
}
