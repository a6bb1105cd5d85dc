import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import { ErrorPage } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { challengeKey, checkinPosted, useChallenge, makeupCheckin, postCheckin } from '../../../services/checkin'
import { setQueryData } from '../../../services/use-query'
import { showError } from '../../../services/show-error'
import type { PostCheckinInput } from '../../../../types/checkin'
import { dayLabel, addDays } from '../components/china-dates'
import { SUBSCRIBE_FOR, requestSubscribe, wantsReminders } from '../../../services/subscribe'
import { useProfilePrompt, type ProfileStep } from '../../../components/profile-prompt'
import type { ChallengeDetail } from '../../../../types/checkin'
import ImagePicker, { useImageUploads } from '../../../components/image-picker'
import { challengeDetailUrl, routeParam } from '../../../services/routes'
import { currentPosition } from '../../../services/location'
import './index.css'

const TEXT_MAX = 2000
const LOCATION_MAX = 50

type Field = 'text' | 'photoFileIds' | 'location' | 'date' | 'coords'

/** Characters as the server counts them: code points of the trimmed text. */
const lengthOf = (text: string) => [...text.trim()].length

export default function ComposePage() {
  const { params } = useRouter()
  const challengeId = routeParam(params.challengeId)
  const makeupDate = routeParam(params.date) || undefined
  const { data, error, loading, refetch } = useChallenge(challengeId)
  const photos = useImageUploads(data?.challenge.maxPhotos ?? 9)
  const [text, setText] = useState('')
  const [location, setLocation] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [submitting, setSubmitting] = useState(false)
  // Adding or removing a photo answers 请至少上传 N 张图片 (it is checked again on submit).
  useEffect(() => {
    setErrors((all) => (all.photoFileIds ? { ...all, photoFileIds: undefined } : all))
  }, [photos.slots.length])
  // A member still called 成员xxxx is asked for a nickname and avatar before their first post shows up in the feed.
  const profilePrompt = useProfilePrompt(makeupDate ? '补卡' : '打卡')

  if (loading) return <ComposeSkeleton />
  if (!data) return <ErrorPage error={error} onRetry={refetch} />

  const { challenge, progress } = data
  const length = lengthOf(text)
  const short = Math.max(0, challenge.minTextLength - length)
  // The member's next day done, as the server numbers the check-in (第 N 天 is the member's, not the challenge's).
  const dayNumber = progress.daysDone + 1
  const busy = submitting || photos.uploading

  const setField = (field: Field, message?: string) => setErrors((all) => ({ ...all, [field]: message }))

  const validate = (): boolean => {
    const found: Partial<Record<Field, string>> = {}
    if (short > 0) found.text = `至少写 ${challenge.minTextLength} 个字，还差 ${short} 个`
    if (photos.failed) found.photoFileIds = '有图片上传失败，请重试或删除'
    else if (photos.fileIds.length < challenge.minPhotos) found.photoFileIds = `请至少上传 ${challenge.minPhotos} 张图片`
    setErrors(found)
    return Object.keys(found).length === 0
  }

  const onSubmit = () => {
    if (busy || !validate()) return
    profilePrompt.guard((step) => {
      void submit(step)
    })
  }

  /** Called in the tap (打卡, or 保存/跳过 on the profile prompt, whose step runs first). */
  const submit = async (profileStep?: ProfileStep) => {
    // Reminders the member turned on need a fresh grant for each message: asked in this tap, before any await.
    const asked = wantsReminders(challengeId) ? requestSubscribe(SUBSCRIBE_FOR.reminders) : null
    const input: PostCheckinInput = { challengeId, text: text.trim(), photoFileIds: photos.fileIds }
    if (location.trim()) input.location = location.trim()
    setSubmitting(true)
    try {
      await asked
      if (profileStep) await profileStep()
      // A challenge with a place: the member's position goes with the check-in (the server checks the radius).
      if (challenge.geofence) input.coords = await currentPosition()
      const result = makeupDate ? await makeupCheckin({ ...input, date: makeupDate }) : await postCheckin(input)
      setQueryData<ChallengeDetail>(challengeKey(challengeId), {
        ...data,
        challenge: { ...challenge, checkinCount: challenge.checkinCount + (result.duplicate ? 0 : 1) },
        progress: result.progress
      })
      checkinPosted(result.checkin)
      if (result.duplicate) {
        await Taro.showToast({ title: makeupDate ? '这一天已经打过卡了' : '今天已经打过卡了', icon: 'none', duration: 1800 })
      } else {
        const points = challenge.pointsPerCheckin > 0 ? ` +${challenge.pointsPerCheckin} 积分` : ''
        await Taro.showToast({ title: (makeupDate ? '补卡成功' : '打卡成功') + points, icon: 'success', duration: 1500 })
      }
      setTimeout(() => goBack(challengeId), 900)
    } catch (err) {
      if (err instanceof ApiCallError && err.field && ['text', 'photoFileIds', 'location', 'date', 'coords'].includes(err.field)) {
        setField(err.field as Field, err.message)
      }
      showError(err)
      setSubmitting(false)
    }
  }

  const submitLabel = submitting ? '提交中…' : photos.uploading ? '图片上传中…' : makeupDate ? '提交补卡' : '打卡'

  return (
    <View className='page compose'>
      <View className='compose-head col'>
        <Text className='compose-challenge text-strong'>{challenge.title}</Text>
        <View className='compose-day-row row'>
          <Text className='compose-day tone-green tag'>第 {dayNumber} 天</Text>
          {makeupDate ? (
            <Text className='compose-makeup tone-blue tag'>
              补卡 · {dayLabel(makeupDate)}
              {makeupDate === addDays(progress.today, -1) ? '（昨天）' : ''}
            </Text>
          ) : null}
        </View>
        {makeupDate ? <Text className='compose-makeup-hint text-meta'>将使用 1 次补卡机会（剩 {progress.makeupCardsLeft} 次）</Text> : null}
      </View>

      <View className={`card compose-card ${errors.text ? 'compose-card-error' : ''}`}>
        <TextArea
          className='compose-textarea textarea-plain'
          value={text}
          maxlength={TEXT_MAX}
          autoHeight
          placeholder={`${makeupDate ? '那天' : '今天'}做了什么？${challenge.minTextLength > 0 ? `至少 ${challenge.minTextLength} 个字` : '说说你的收获'}`}
          placeholderClass='compose-placeholder'
          onValue={(value) => {
            setText(value)
            if (errors.text) setField('text')
          }}
        />
        <View className='compose-count-row'>
          <Text className={`compose-count text-quiet ${short > 0 ? 'compose-count-short' : 'compose-count-ok'}`}>
            {challenge.minTextLength > 0 ? (short > 0 ? `还差 ${short} 字` : '字数已达标') : ''}
          </Text>
          <Text className='compose-count text-quiet'>
            {length}
            {challenge.minTextLength > 0 ? ` / 至少 ${challenge.minTextLength}` : ''}
          </Text>
        </View>
      </View>
      {errors.text ? <Text className='compose-error text-error'>{errors.text}</Text> : null}

      {challenge.maxPhotos > 0 ? (
        <View className={`card compose-card ${errors.photoFileIds ? 'compose-card-error' : ''}`}>
          <View className='compose-label-row'>
            <Text className='compose-label text-name'>照片</Text>
            <Text className='compose-label-hint text-quiet'>
              {challenge.minPhotos > 0 ? `至少 ${challenge.minPhotos} 张，` : ''}最多 {challenge.maxPhotos} 张
            </Text>
          </View>
          <ImagePicker mode='grid' uploads={photos} />
        </View>
      ) : null}
      {errors.photoFileIds ? <Text className='compose-error text-error'>{errors.photoFileIds}</Text> : null}

      <View className={`card compose-location row ${errors.location ? 'compose-card-error' : ''}`}>
        <Text className='compose-label text-name'>位置</Text>
        <TextInput
          className='compose-location-input'
          value={location}
          maxlength={LOCATION_MAX}
          placeholder='选填，如：奥林匹克森林公园'
          placeholderClass='compose-placeholder'
          onValue={(value) => {
            setLocation(value)
            if (errors.location) setField('location')
          }}
        />
      </View>
      {errors.location ? <Text className='compose-error text-error'>{errors.location}</Text> : null}
      {challenge.geofence ? (
        <View className={`card compose-geofence ${errors.coords ? 'compose-card-error' : ''}`}>
          <Text className='compose-label text-name'>打卡地点</Text>
          <Text className='compose-geofence-text text-soft'>
            需在「{challenge.geofence.name}」{challenge.geofence.radiusM} 米内打卡，提交时会获取你的位置
          </Text>
        </View>
      ) : null}
      {errors.coords ? <Text className='compose-error text-error'>{errors.coords}</Text> : null}
      {errors.date ? <Text className='compose-error text-error'>{errors.date}</Text> : null}

      <View className={`btn btn-primary compose-submit ${busy ? 'btn-disabled' : ''}`} onClick={onSubmit}>
        {submitLabel}
      </View>
      {profilePrompt.sheet}
    </View>
  )
}

function goBack(challengeId: string) {
  // Opened directly (a shared link, a reload in H5) there is nothing to go back to.
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: challengeDetailUrl(challengeId) })
}

function ComposeSkeleton() {
  return (
    <View className='page compose' aria-busy>
      <Skeleton width={360} height={40} className='compose-skeleton-line' />
      <View className='card'>
        <Skeleton width='100%' height={240} />
      </View>
      <View className='card'>
        <Skeleton width={200} height={200} />
      </View>
    </View>
  )
}
