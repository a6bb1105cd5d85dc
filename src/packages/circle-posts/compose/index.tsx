import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import { ErrorPage } from '../../../components/error-state'
import FormField from '../../../components/form-field'
import ImagePicker, { useImageUploads } from '../../../components/image-picker'
import ProgressBar from '../../../components/progress-bar'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { useMe } from '../../../services/member'
import { createPost, formatFileSize, pickAndUploadDocument, updatePost, usePost, type PickedDocument } from '../../../services/posts'
import { postUrl, routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { isManager } from '../../../../types/roles'
import type { PostKind, PostView } from '../../../../types/posts'
import './index.css'

const TEXT_MAX = 5000
const TIERS = [
  { value: '0', label: '全部成员' },
  { value: '2', label: 'Lv2+' },
  { value: '3', label: 'Lv3+' },
  { value: '4', label: 'Lv4' }
] as const

/** A document in the composer: uploading (with progress), failed, or up. */
interface FileSlot {
  key: string
  name: string
  size: number
  percent: number
  fileId?: string
  error?: string
}

export default function ComposePostPage() {
  const { params } = useRouter()
  const circleId = routeParam(params.circleId)
  const postId = routeParam(params.postId)
  if (postId) return <EditLoader circleId={circleId} postId={postId} />
  return <Composer circleId={circleId} />
}

function EditLoader({ circleId, postId }: { circleId: string; postId: string }) {
  const post = usePost(postId)
  if (post.loading)
    return (
      <View className='page'>
        <View className='card'>
          <Skeleton width='100%' height={200} />
        </View>
      </View>
    )
  if (!post.data) return <ErrorPage error={post.error} onRetry={post.refetch} />
  return <Composer circleId={circleId} editing={post.data} />
}

function Composer({ circleId, editing }: { circleId: string; editing?: PostView }) {
  const { data: me } = useMe()
  const manager = isManager(me?.role)
  const [kind, setKind] = useState<PostKind>(editing?.kind ?? 'post')
  const [title, setTitle] = useState(editing?.title ?? '')
  const [text, setText] = useState(editing?.text ?? '')
  const [topics, setTopics] = useState(editing ? editing.topics.join(' ') : '')
  const [linkUrl, setLinkUrl] = useState(editing?.link?.url ?? '')
  const [linkTitle, setLinkTitle] = useState(editing?.link?.title ?? '')
  const [tier, setTier] = useState(String(editing?.minTierLevel ?? 0))
  const photos = useImageUploads(9)
  const [files, setFiles] = useState<FileSlot[]>([])
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [sending, setSending] = useState(false)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '编辑内容' : '发布内容' })
  }, [editing])

  const updateFile = (key: string, change: Partial<FileSlot>) => setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)))

  const addFile = async () => {
    if (files.length >= 9) return
    const key = `f${Date.now()}`
    try {
      const done: PickedDocument | null = await pickAndUploadDocument(
        (name, size) => setFiles((all) => [...all, { key, name, size, percent: 0 }]),
        (percent) => updateFile(key, { percent })
      )
      if (done) updateFile(key, { fileId: done.fileId, name: done.name, size: done.size, percent: 100 })
    } catch (err) {
      const message = err instanceof ApiCallError ? err.message : '上传失败，请重试'
      setFiles((all) => (all.some((f) => f.key === key) ? all.map((f) => (f.key === key ? { ...f, error: message } : f)) : all))
      if (!files.some((f) => f.key === key)) showError(err)
    }
  }

  const topicList = topics
    .split(/[\s,，#]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
  const busy = sending || photos.uploading || files.some((f) => !f.fileId && !f.error)

  const submit = async () => {
    if (busy) return
    const found: Record<string, string> = {}
    if (!title.trim() && !text.trim() && photos.fileIds.length === 0 && files.length === 0 && !editing) found.text = '请填写内容'
    if ([...text].length > TEXT_MAX) found.text = `正文最多 ${TEXT_MAX} 个字`
    if (topicList.length > 3) found.topics = '最多 3 个话题'
    if (linkUrl.trim() && !/^https?:\/\//i.test(linkUrl.trim())) found.link = '链接需以 http:// 或 https:// 开头'
    if (linkUrl.trim() && !linkTitle.trim()) found.link = '请填写链接标题'
    if (photos.failed || files.some((f) => f.error)) found.files = '有图片或文件上传失败，请删除后重试'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setSending(true)
    const link = linkUrl.trim() ? { url: linkUrl.trim(), title: linkTitle.trim() } : null
    const minTierLevel = tier === '0' ? null : Number(tier)
    try {
      const saved = editing
        ? await updatePost({ postId: editing.id, title: title.trim(), text, topics: topicList, link, minTierLevel })
        : await createPost({
            circleId,
            kind,
            title: title.trim(),
            text,
            photoFileIds: photos.fileIds,
            files: files.flatMap((f) => (f.fileId ? [{ fileId: f.fileId, name: f.name }] : [])),
            link,
            topics: topicList,
            minTierLevel
          })
      void Taro.showToast({ title: editing ? '已保存' : '已发布', icon: 'success', duration: 1200 })
      if (editing) void Taro.navigateBack()
      else void Taro.redirectTo({ url: postUrl(saved.id) })
    } catch (err) {
      if (err instanceof ApiCallError && err.field) setErrors({ [err.field.split('.')[0]]: err.message })
      showError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='page compose-post'>
      <View className='card compose-post-card'>
        {manager && !editing ? (
          <Segmented
            className='compose-post-kind'
            options={[
              { value: 'post', label: '帖子' },
              { value: 'announcement', label: '置顶公告' }
            ]}
            value={kind}
            onChange={setKind}
          />
        ) : null}
        <FormField label='标题' layout='column' hint='选填；不写则以正文第一行作为标题'>
          <TextInput
            className='form-field-input compose-post-title'
            value={title}
            maxlength={60}
            placeholder={kind === 'announcement' ? '公告标题' : '一句话说清主题'}
            onValue={(value) => setTitle(value)}
          />
        </FormField>
        <FormField label='正文' layout='column' error={errors.text} hint={`${[...text].length}/${TEXT_MAX}`}>
          <TextArea className='form-field-textarea compose-post-text' value={text} maxlength={TEXT_MAX} autoHeight placeholder='分享干货、计划或通知…' onValue={(value) => setText(value)} />
        </FormField>
        {editing ? (
          <Text className='compose-post-note text-meta'>图片和文件保持不变</Text>
        ) : (
          <>
            <FormField label='图片' layout='column' hint='最多 9 张'>
              <ImagePicker mode='grid' uploads={photos} />
            </FormField>
            <FormField label='文件' layout='column' error={errors.files} hint='PDF，20MB 以内，最多 9 个'>
              <View className='compose-post-files col'>
                {files.map((f) => (
                  <View key={f.key} className='compose-post-file row'>
                    <Text className='compose-post-file-badge'>PDF</Text>
                    <View className='compose-post-file-main fill-col'>
                      <Text className='compose-post-file-name text-value ellipsis'>{f.name}</Text>
                      <Text className={`compose-post-file-size text-note ${f.error ? 'compose-post-file-error' : ''}`}>{f.error ?? (f.fileId ? formatFileSize(f.size) : `上传中 ${f.percent}%`)}</Text>
                      {!f.fileId && !f.error ? <ProgressBar percent={f.percent} /> : null}
                    </View>
                    <Text className='compose-post-file-remove text-error' onClick={() => setFiles((all) => all.filter((x) => x.key !== f.key))}>
                      删除
                    </Text>
                  </View>
                ))}
                {files.length < 9 ? (
                  <View
                    className='btn btn-ghost btn-small compose-post-add-file'
                    onClick={() => {
                      void addFile()
                    }}>
                    添加文件
                  </View>
                ) : null}
              </View>
            </FormField>
          </>
        )}
        <FormField label='链接' layout='column' error={errors.link} hint='选填'>
          <View className='fill-col compose-post-link'>
            <TextInput className='form-field-input' placeholderClass='form-field-placeholder' value={linkUrl} maxlength={500} placeholder='https://' onValue={(value) => setLinkUrl(value)} />
            <TextInput
              className='form-field-input compose-post-link-title'
              placeholderClass='form-field-placeholder'
              value={linkTitle}
              maxlength={60}
              placeholder='链接标题'
              onValue={(value) => setLinkTitle(value)}
            />
          </View>
        </FormField>
        <FormField label='话题' layout='column' error={errors.topics} hint='最多 3 个，用空格分开，如：训练 饮食'>
          <TextInput className='form-field-input' value={topics} maxlength={40} placeholder='#话题#' onValue={(value) => setTopics(value)} />
        </FormField>
        <FormField label='谁能看' layout='column' hint='等级不够的成员会看到「达到 LvN 解锁」'>
          <Segmented options={TIERS} value={tier as (typeof TIERS)[number]['value']} onChange={setTier} />
        </FormField>
      </View>
      <View
        className={`btn btn-primary compose-post-submit ${busy ? 'btn-disabled' : ''}`}
        onClick={() => {
          void submit()
        }}>
        {sending ? '发布中…' : editing ? '保存' : kind === 'announcement' ? '发布公告' : '发布'}
      </View>
    </View>
  )
}
