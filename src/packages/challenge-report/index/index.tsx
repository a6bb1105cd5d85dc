import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import ErrorState, { ErrorCard } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { ApiCallError } from '../../../services/api'
import { completionReportKey, completionRuleText, fetchCompletionReport, invitePath, reportShareTitle } from '../../../services/completion'
import { challengeDetailUrl, routeParam } from '../../../services/routes'
import { useSubmit } from '../../../services/use-submit'
import { useQuery, usePullDownRefetch } from '../../../services/use-query'
import { formatChineseDate } from '../../../utils/format'
import type { CompletionReport } from '../../../../types/completion'
import DaysGrid from '../days-grid'
import { POSTER_CANVAS_ID, downloadPoster, openAlbumSettings, renderPoster, savePosterToAlbum, type RenderedPoster } from '../poster-render'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'
const dots = (date: string) => date.replace(/-/g, '.')

export default function CompletionReportPage() {
  const id = routeParam(useRouter().params.id)
  const report = useQuery<CompletionReport>(completionReportKey(id), () => fetchCompletionReport(id))
  usePullDownRefetch(report.refetch)
  const data = report.data

  // WeChat's share card: the achievement, opening the community with the member's invite code.
  useShareAppMessage(() => ({
    title: data ? reportShareTitle(data) : '我完成了一个打卡挑战，一起来吧',
    path: invitePath(data?.inviteCode ?? '')
  }))

  if (report.loading) return <ReportSkeleton />
  if (!data) {
    const refused = report.error instanceof ApiCallError && report.error.code === 'FORBIDDEN'
    return (
      <View className='page'>
        {refused ? (
          <EmptyState
            glyph='证'
            title='还没有完成报告'
            description={(report.error as ApiCallError).message}
            action={<EmptyAction label='回到挑战' onClick={() => Taro.redirectTo({ url: challengeDetailUrl(id) })} />}
          />
        ) : (
          <ErrorCard error={report.error} onRetry={report.refetch} />
        )}
      </View>
    )
  }
  return <Report report={data} />
}

function Report({ report }: { report: CompletionReport }) {
  return (
    <View className='page cr-page'>
      <View className='cr-cert col'>
        <Text className='cr-cert-community'>{report.communityName}</Text>
        <Text className='cr-cert-heading'>挑战完成</Text>
        <Text className='cr-cert-name'>{report.member.nickname}</Text>
        <Text className='cr-cert-title'>完成了「{report.challengeTitle}」</Text>
        <Text className='cr-cert-dates'>
          {dots(report.startDate)} – {dots(report.endDate)} · 共 {report.days} 天
        </Text>
        <View className='cr-cert-rule'>
          <Tag tone='gold'>{completionRuleText(report)}</Tag>
        </View>
        {report.completedAt ? <Text className='cr-cert-at'>{formatChineseDate(report.completedAt)} 达成</Text> : null}
      </View>

      <View className='card cr-stats'>
        <Stat className='cr-stat-done' value={report.daysDone} unit='天' label='打卡天数' />
        <Stat className='cr-stat-counted' value={report.daysCounted} unit={`/${report.completionDays}`} label='计入完成' />
        <Stat className='cr-stat-longest' value={report.longestStreak} unit='天' label='最长连续' />
        <Stat className='cr-stat-current' value={report.currentStreak} unit='天' label={report.challengeEnded ? '结束时连续' : '当前连续'} />
        <Stat className='cr-stat-makeup' value={report.makeupDays} unit='天' label='补卡' />
      </View>

      <Text className='cr-section section-title'>打卡日历</Text>
      <View className='card'>
        <DaysGrid startDate={report.startDate} days={report.days} doneDays={report.doneDays} />
      </View>

      <Text className='cr-section section-title'>前后对比</Text>
      <View className='card cr-compare'>
        {report.before ? (
          <View className='cr-compare-row'>
            <Photo url={report.before.url} label={report.after ? `开始 · 第 ${report.before.dayNumber} 天` : `第 ${report.before.dayNumber} 天`} />
            {report.after ? <Photo url={report.after.url} label={`完成 · 第 ${report.after.dayNumber} 天`} /> : null}
          </View>
        ) : (
          <Text className='cr-muted text-desc'>这次挑战没有带图片的打卡，下次记得拍下开始和完成的样子</Text>
        )}
      </View>

      <Text className='cr-section section-title'>主理人点评</Text>
      <View className='card cr-reviews'>
        {report.reviews.length === 0 ? <Text className='cr-muted text-desc'>主理人还没有点评你的打卡</Text> : null}
        {report.reviews.map((review) => (
          <View key={review.checkinId} className='cr-review'>
            <View className='cr-review-head row'>
              <Text className='cr-review-date text-meta'>{dots(review.date)}</Text>
              {review.grade ? (
                <Tag tone={review.grade === '不合格' ? 'red' : review.grade === '优秀' ? 'gold' : 'green'} className='cr-review-grade'>
                  {review.grade}
                </Tag>
              ) : null}
            </View>
            {review.comment ? <Text className='cr-review-comment text-body'>{review.comment}</Text> : null}
          </View>
        ))}
      </View>

      <Text className='cr-section section-title'>分享海报</Text>
      <PosterCard report={report} />
    </View>
  )
}

function PosterCard({ report }: { report: CompletionReport }) {
  const [poster, setPoster] = useState<RenderedPoster | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const { busy: saving, run } = useSubmit()
  const [albumDenied, setAlbumDenied] = useState(false)

  const draw = useCallback(() => {
    setFailed(null)
    // After the page has painted: WeChat's canvas node exists only then.
    setTimeout(() => {
      renderPoster(report).then(setPoster, (err: unknown) => {
        console.error('[completion poster]', err)
        setFailed(err)
      })
    }, 50)
  }, [report])
  useEffect(() => {
    setPoster(null)
    draw()
  }, [draw])

  const save = async () => {
    if (!poster || saving) return
    if (!isWeapp) {
      downloadPoster(poster, `${report.challengeTitle}-完成海报`)
      return
    }
    await run(async () => {
      const outcome = await savePosterToAlbum(poster)
      if (outcome === 'saved') {
        setAlbumDenied(false)
        void Taro.showToast({ title: '已保存到相册', icon: 'success' })
      } else if (outcome === 'denied') {
        setAlbumDenied(true)
        if (await openAlbumSettings()) {
          setAlbumDenied(false)
          if ((await savePosterToAlbum(poster)) === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' })
        }
      }
    })
  }

  return (
    <View className='card cr-poster'>
      {isWeapp ? <Canvas type='2d' id={POSTER_CANVAS_ID} className='cr-canvas' /> : null}
      {poster ? (
        <Image
          className='cr-poster-image'
          src={poster.src}
          mode='widthFix'
          showMenuByLongpress
          onClick={() => {
            if (isWeapp) void Taro.previewImage({ urls: [poster.src] })
          }}
        />
      ) : failed ? (
        <ErrorState error={failed} onRetry={draw} />
      ) : (
        <View className='cr-poster-drawing col' aria-busy>
          <Skeleton width='100%' height={640} />
          <Text className='cr-muted text-desc cr-poster-hint'>海报生成中…</Text>
        </View>
      )}
      <Text className='cr-poster-note text-note'>海报上有你的邀请码{report.qrImage ? '和二维码' : ''}，好友扫码加入后你会获得邀请奖励</Text>
      <View className='cr-actions'>
        <View
          className={`btn btn-primary cr-save ${poster && !saving ? '' : 'btn-disabled'}`}
          onClick={() => {
            void save()
          }}>
          {isWeapp ? (saving ? '保存中…' : '保存到相册') : '下载海报'}
        </View>
        {isWeapp ? (
          <Button className='reset-button btn btn-ghost cr-share' openType='share'>
            分享给好友
          </Button>
        ) : null}
      </View>
      {isWeapp && albumDenied ? (
        // WeChat opens its settings only from a tap: this button is the way back after a refusal.
        <Button className='reset-button cr-settings' openType='openSetting' onOpenSetting={(e) => setAlbumDenied(e.detail.authSetting['scope.writePhotosAlbum'] !== true)}>
          未允许保存到相册，点此去设置打开
        </Button>
      ) : null}
    </View>
  )
}

function Stat({ value, unit, label, className }: { value: number; unit: string; label: string; className: string }) {
  return (
    <View className={`cr-stat col ${className}`}>
      <Text className='cr-stat-value text-score'>
        {value}
        <Text className='cr-stat-unit text-meta'>{unit}</Text>
      </Text>
      <Text className='cr-stat-label text-note'>{label}</Text>
    </View>
  )
}

function Photo({ url, label }: { url: string; label: string }) {
  return (
    <View className='cr-photo col'>
      <Image
        className='cr-photo-image'
        src={url}
        mode='aspectFill'
        onClick={() => {
          void Taro.previewImage({ urls: [url] })
        }}
      />
      <Text className='cr-photo-label text-soft'>{label}</Text>
    </View>
  )
}

function ReportSkeleton() {
  return (
    <View className='page cr-page' aria-busy>
      <Skeleton width='100%' height={380} className='cr-skeleton-gap' />
      <Skeleton width='100%' height={160} className='cr-skeleton-gap' />
      <Skeleton width='100%' height={300} className='cr-skeleton-gap' />
      <Skeleton width='100%' height={360} />
    </View>
  )
}
