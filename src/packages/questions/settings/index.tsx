import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import FormLoader from '../../../components/form-loader'
import Tag from '../../../components/tag'
import { fetchQuestionSettings, questionSettingsKey, updateQuestionSettings } from '../../../services/questions'
import { routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { setQueryData, useQuery } from '../../../services/use-query'
import type { QuestionSettingsView } from '../../../../types/questions'
import { Face } from '../components/question-card'
import '../components/question.css'
import './index.css'

interface Row {
  openid: string
  nickname: string
  avatarUrl: string
  roleLabel: string
  /** Yuan as typed ('' or 0 = free). */
  price: string
  days: string
}

const toRows = (view: QuestionSettingsView): Row[] => view.answerers.map((a) => ({ ...a, price: a.priceFen > 0 ? String(a.priceFen / 100) : '0', days: String(a.refundDays) }))

/** 10 → 1000, 9.9 → 990; '' → 0; anything else → null. */
function yuanToFen(text: string): number | null {
  if (text.trim() === '') return 0
  const match = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(text.trim())
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null
}

/** The host names who answers in this circle (主理人, 管理员, 嘉宾) and sets each one's price and refund days. */
export default function QuestionSettingsPage() {
  const circleId = routeParam(useRouter().params.id)
  const settings = useQuery(questionSettingsKey(circleId), () => fetchQuestionSettings(circleId))
  return <FormLoader query={settings}>{(data) => <SettingsForm view={data} />}</FormLoader>
}

function SettingsForm({ view }: { view: QuestionSettingsView }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(view))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  useEffect(() => setRows(toRows(view)), [view])
  const named = new Set(rows.map((r) => r.openid))
  const change = (openid: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.openid === openid ? { ...r, ...patch } : r)))

  const save = async () => {
    if (saving) return
    const answerers = []
    for (const row of rows) {
      const priceFen = yuanToFen(row.price)
      const refundDays = Number(row.days)
      if (priceFen === null) return setError(`${row.nickname} 的价格格式不正确`)
      if (!Number.isInteger(refundDays) || refundDays < 1 || refundDays > 30) return setError(`${row.nickname} 的退款天数应为 1–30 天`)
      answerers.push({ openid: row.openid, priceFen, refundDays })
    }
    setError('')
    setSaving(true)
    try {
      const next = await updateQuestionSettings({ circleId: view.circleId, answerers })
      setQueryData(questionSettingsKey(view.circleId), next)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      showError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='page form-page qs-page'>
      <View className='page-intro'>
        <Text className='page-title'>{view.circleName} · 答疑</Text>
        <Text className='page-desc'>成员可以向这里的回答者提问；付费提问超过退款天数未回答，自动全额退款</Text>
      </View>
      <Text className='form-page-section'>回答者</Text>
      {rows.length === 0 ? (
        <View className='card form-page-card'>
          <Text className='muted'>还没有回答者，从下方添加</Text>
        </View>
      ) : null}
      {rows.map((row) => (
        <View key={row.openid} className='card form-page-card qs-row' data-openid={row.openid}>
          <View className='qa-card-head row'>
            <Face url={row.avatarUrl} name={row.nickname} />
            <Text className='qa-card-who text-desc qa-card-answerer'>{row.nickname}</Text>
            {row.roleLabel ? <Tag tone={row.roleLabel === '嘉宾' ? 'purple' : 'green'}>{row.roleLabel}</Tag> : null}
            <Text className='qs-remove' onClick={() => setRows((all) => all.filter((r) => r.openid !== row.openid))}>
              移除
            </Text>
          </View>
          <View className='qs-fields'>
            <View className='qs-field row'>
              <Text className='qs-label text-label'>每次提问 ¥</Text>
              <TextInput className='qs-input text-body qs-price' type='digit' value={row.price} placeholder='0 为免费' onValue={(value) => change(row.openid, { price: value })} />
            </View>
            <View className='qs-field row'>
              <Text className='qs-label text-label'>未回答退款</Text>
              <TextInput className='qs-input text-body qs-days' type='number' value={row.days} onValue={(value) => change(row.openid, { days: value })} />
              <Text className='qs-label text-label'>天</Text>
            </View>
          </View>
        </View>
      ))}
      <Text className='form-page-section'>可添加（主理人、管理员、嘉宾）</Text>
      <View className='card form-page-card qs-candidates'>
        {view.candidates.filter((c) => !named.has(c.openid)).length === 0 ? <Text className='muted'>没有更多可添加的人；在「团队与设置」里邀请嘉宾</Text> : null}
        {view.candidates
          .filter((c) => !named.has(c.openid))
          .map((c) => (
            <View key={c.openid} className='qs-candidate text-link row' data-openid={c.openid} onClick={() => setRows((all) => [...all, { ...c, price: '0', days: '7' }])}>
              <Text>+ {c.nickname}</Text>
              {c.roleLabel ? <Text className='qs-candidate-role text-note'>{c.roleLabel}</Text> : null}
            </View>
          ))}
      </View>
      {error ? <Text className='form-field-error text-meta qs-error'>{error}</Text> : null}
      <View className={`btn btn-primary qs-save ${saving ? 'btn-disabled' : ''}`} onClick={() => void save()}>
        {saving ? '保存中…' : '保存'}
      </View>
    </View>
  )
}
