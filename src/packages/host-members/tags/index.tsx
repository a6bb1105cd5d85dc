import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import Tag from '../../../components/tag'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import { TAGS_KEY, TAG_COLOR_LABEL, TAG_TONE, createTag, deleteTag, fetchTags, updateTag } from '../../../services/crm'
import { showError } from '../../../services/show-error'
import { useSubmit } from '../../../services/use-submit'
import { TAG_COLORS, type CrmTag, type TagColor } from '../../../../types/crm'
import RowsSkeleton from '../skeleton'
import '../styles.css'
import './index.css'

export default function HostTagsPage() {
  const tags = useQuery(TAGS_KEY, fetchTags)
  usePullDownRefetch(tags.refetch)
  const [editing, setEditing] = useState<CrmTag | null>(null)
  const [name, setName] = useState('')
  const [color, setColor] = useState<TagColor>('green')
  const { busy, run } = useSubmit()

  const reset = () => {
    setEditing(null)
    setName('')
    setColor('green')
  }
  const save = async () => {
    if (busy || !name.trim()) return
    await run(async () => {
      if (editing) await updateTag({ tagId: editing.id, name: name.trim(), color })
      else await createTag({ name: name.trim(), color })
      reset()
      await tags.refetch()
    })
  }
  const remove = async (tag: CrmTag) => {
    const { confirm } = await Taro.showModal({ title: `删除标签「${tag.name}」？`, content: '成员身上的这个标签会一起消失' })
    if (!confirm) return
    try {
      await deleteTag(tag.id)
      await tags.refetch()
    } catch (err) {
      showError(err)
    }
  }

  return (
    <View className='page ht-page'>
      <View className='card ht-form'>
        <Text className='hm-section-title text-value'>{editing ? `修改「${editing.name}」` : '新建标签'}</Text>
        <TextInput className='ht-name' value={name} maxlength={12} placeholder='标签名称，最多 12 个字' onValue={(value) => setName(value)} />
        <View className='ht-colors'>
          {TAG_COLORS.map((c) => (
            <View key={c} className={`ht-color ${color === c ? 'ht-color-on' : ''}`} onClick={() => setColor(c)}>
              <Tag tone={TAG_TONE[c]}>{TAG_COLOR_LABEL[c]}</Tag>
            </View>
          ))}
        </View>
        <View className='hm-actions'>
          <View className={`btn btn-primary ht-save ${busy || !name.trim() ? 'btn-disabled' : ''}`} onClick={() => void save()}>
            {busy ? '保存中…' : editing ? '保存' : '创建标签'}
          </View>
          {editing ? (
            <View className='btn ht-cancel' onClick={reset}>
              取消
            </View>
          ) : null}
        </View>
      </View>
      {tags.loading ? <RowsSkeleton rows={3} /> : null}
      {tags.error ? <ErrorCard error={tags.error} onRetry={tags.refetch} /> : null}
      {tags.data && tags.data.length === 0 ? <EmptyState glyph='签' title='还没有标签' description='创建标签后，可以在成员列表里批量打标签' /> : null}
      {tags.data && tags.data.length > 0 ? (
        <View className='card'>
          {tags.data.map((t) => (
            <View key={t.id} className='hm-line text-soft ht-row'>
              <Tag tone={TAG_TONE[t.color]}>{t.name}</Tag>
              <View className='ht-row-actions'>
                <Text
                  className='ht-edit'
                  onClick={() => {
                    setEditing(t)
                    setName(t.name)
                    setColor(t.color)
                  }}>
                  修改
                </Text>
                <Text className='ht-delete' onClick={() => void remove(t)}>
                  删除
                </Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
