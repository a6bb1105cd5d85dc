import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import ProgressBar from '../../../components/progress-bar'
import { CardsSkeleton } from '../../../components/skeleton'
import { EXPORTS_KEY, fetchExports, startExport } from '../../../services/exports'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { chinaTime } from '../../../utils/china-time'
import { EXPORT_KINDS, EXPORT_LABELS, type ExportJobView, type ExportKind } from '../../../../types/exports'
import './index.css'

// 数据导出: four CSV exports written in the background (a few minutes for a
// large community), the jobs with their progress, and the file once done.

const HINTS: Record<ExportKind, string> = {
  members: '昵称、角色、等级、加入时间',
  checkins: '内容、照片链接、点赞与评论',
  orders: '每笔订单与退款',
  points: '每条积分发放与扣减'
}

/** While a job runs the list is asked again this often. */
const POLL_MS = 5000

const running = (job: ExportJobView) => job.status === 'queued' || job.status === 'running'

export default function HostExportsPage() {
  const list = usePagedQuery<ExportJobView>(EXPORTS_KEY, (after) => fetchExports({ after }))
  const [starting, setStarting] = useState<ExportKind | null>(null)
  const anyRunning = list.items.some(running)

  // Polling while something runs; stops by itself when all are done.
  useEffect(() => {
    if (!anyRunning) return
    const timer = setInterval(() => {
      void list.refetch()
    }, POLL_MS)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `list` is new every render; the timer only needs to exist while anything runs
  }, [anyRunning])

  const start = async (kind: ExportKind) => {
    if (starting) return
    setStarting(kind)
    try {
      await startExport({ kind })
      void Taro.showToast({ title: '已开始导出，完成后可下载', icon: 'none' })
      await list.refetch()
    } catch (error) {
      showError(error)
    } finally {
      setStarting(null)
    }
  }

  const buttons = (
    <View className='card hex-kinds'>
      <Text className='hex-note text-meta'>导出在后台进行，数据多时需要几分钟；完成后在下方下载 CSV（Excel 可直接打开）。</Text>
      {EXPORT_KINDS.map((kind) => (
        <View
          key={kind}
          className={`hex-kind row divided hex-export-${kind} ${starting === kind ? 'is-busy' : ''}`}
          onClick={() => {
            void start(kind)
          }}>
          <View className='hex-kind-text col'>
            <Text className='hex-kind-title text-name'>{EXPORT_LABELS[kind]}</Text>
            <Text className='hex-kind-hint muted'>{HINTS[kind]}</Text>
          </View>
          <Text className='btn btn-small hex-kind-button'>{starting === kind ? '开始中…' : '导出'}</Text>
        </View>
      ))}
    </View>
  )

  return (
    <PagedList
      list={list}
      className='hex-page'
      header={
        <>
          {buttons}
          <Text className='hex-section section-title'>导出记录</Text>
        </>
      }
      skeleton={<CardsSkeleton page='hex-page' count={1} lines={[['100%', 320]]} />}
      empty={<EmptyState glyph='导' title='还没有导出' description='点上面的按钮导出第一份表格' />}>
      {(items) => (
        <View className='card hex-jobs'>
          {items.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </View>
      )}
    </PagedList>
  )
}

function JobRow({ job }: { job: ExportJobView }) {
  const percent = job.estimatedTotal > 0 ? (job.rowsDone / job.estimatedTotal) * 100 : job.status === 'done' ? 100 : 0
  return (
    <View className={`hex-job col divided hex-job-${job.status}`} data-kind={job.kind}>
      <View className='hex-job-head'>
        <Text className='hex-job-title text-name'>{job.label}</Text>
        <Text className='hex-job-time muted'>{chinaTime(job.createdAt).format('M月D日 HH:mm')}</Text>
      </View>
      {running(job) ? (
        <>
          <ProgressBar percent={percent} />
          <Text className='hex-job-progress muted'>
            {job.status === 'queued' ? '排队中' : '导出中'} · 已写 {job.rowsDone} / 约 {job.estimatedTotal} 行
          </Text>
        </>
      ) : null}
      {job.status === 'failed' ? <Text className='hex-job-error text-error'>{job.error ?? '导出失败，请重试'}</Text> : null}
      {job.status === 'done' ? (
        <View className='hex-job-done row-between'>
          <Text className='hex-job-progress muted'>共 {job.rowsDone} 行</Text>
          {job.url ? <DownloadLink url={job.url} fileName={job.fileName} /> : <Text className='muted'>文件已过期，请重新导出</Text>}
        </View>
      ) : null}
    </View>
  )
}

/**
 * H5: a plain download link. WeChat: the file is downloaded and sent to a chat
 * (openDocument does not open CSV files), or its link copied to open on a computer.
 */
function DownloadLink({ url, fileName }: { url: string; fileName: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='hex-download btn btn-small' href={url} download={fileName}>
        下载
      </a>
    )
  }
  const copy = async () => {
    await Taro.setClipboardData({ data: url })
    void Taro.showToast({ title: '已复制下载链接，可在电脑浏览器打开', icon: 'none', duration: 2500 })
  }
  const send = async () => {
    try {
      const res = await Taro.downloadFile({ url, filePath: `${Taro.env.USER_DATA_PATH}/${fileName}` })
      await Taro.shareFileMessage({ filePath: res.filePath ?? res.tempFilePath, fileName })
    } catch (err) {
      const message = (err as { errMsg?: string } | undefined)?.errMsg ?? ''
      if (!message.includes('cancel')) await copy()
    }
  }
  return (
    <View className='hex-download-actions'>
      <Text
        className='hex-download btn btn-small'
        onClick={() => {
          void send()
        }}>
        发送到聊天
      </Text>
      <Text
        className='hex-copy btn btn-small btn-ghost'
        onClick={() => {
          void copy()
        }}>
        复制链接
      </Text>
    </View>
  )
}
