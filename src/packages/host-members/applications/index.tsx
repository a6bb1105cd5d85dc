import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Popup from '../../../components/popup'
import { usePagedQuery } from '../../../services/use-paged-query'
import { APPLICATION_STATUS_LABEL, applicationsKey, fetchJoinApplications, reviewJoin } from '../../../services/crm'
import { useSubmit } from '../../../services/use-submit'
import type { JoinApplicationStatus, JoinApplicationView } from '../../../../types/crm'
import RowsSkeleton from '../skeleton'
import { formatChineseDateTime } from '../../../utils/format'
import '../styles.css'
import './index.css'

const STATUSES: JoinApplicationStatus[] = ['pending', 'approved', 'rejected']

export default function JoinApplicationsPage() {
  const [status, setStatus] = useState<JoinApplicationStatus>('pending')
  return (
    <View className='page ja-page'>
      <View className='ja-tabs'>
        {STATUSES.map((s) => (
          <Text key={s} className={`hm-chip text-small ja-tab ja-tab-${s} ${s === status ? 'hm-chip-on' : ''}`} onClick={() => setStatus(s)}>
            {APPLICATION_STATUS_LABEL[s]}
          </Text>
        ))}
      </View>
      <Applications key={status} status={status} />
    </View>
  )
}

function Applications({ status }: { status: JoinApplicationStatus }) {
  const list = usePagedQuery<JoinApplicationView>(applicationsKey(status), (after) => fetchJoinApplications({ status, after }))
  const [rejecting, setRejecting] = useState<JoinApplicationView | null>(null)
  const [reason, setReason] = useState('')
  const { busy, run } = useSubmit()
  const decide = async (app: JoinApplicationView, decision: 'approve' | 'reject', why?: string) => {
    if (busy) return
    await run(async () => {
      await reviewJoin({ applicationId: app.id, decision, ...(why ? { reason: why } : {}) })
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已拒绝', icon: 'success' })
      setRejecting(null)
      setReason('')
      await list.refetch()
    })
  }
  return (
    <>
      <PagedList
        list={list}
        skeleton={<RowsSkeleton rows={4} />}
        empty={
          <EmptyState glyph='审' title={status === 'pending' ? '没有待审核的申请' : `没有${APPLICATION_STATUS_LABEL[status]}的申请`} description='开启「加入需审核」的免费圈子，成员申请会出现在这里' />
        }>
        {(items) => (
          <View>
            {items.map((app) => (
              <View key={app.id} className='card ja-card' data-id={app.id}>
                <View className='ja-head row'>
                  <Avatar url={app.avatarUrl} nickname={app.nickname} size={64} />
                  <View className='hm-row-main fill-col'>
                    <Text className='hm-row-name text-value'>{app.nickname}</Text>
                    <Text className='hm-row-meta text-meta'>
                      申请加入「{app.circleName}」· {formatChineseDateTime(app.createdAt)}
                    </Text>
                  </View>
                </View>
                {app.questions.map((q, i) => (
                  <View key={i} className='ja-qa col'>
                    <Text className='ja-q text-meta'>{q}</Text>
                    <Text className='ja-a text-value'>{app.answers[i] || '（未回答）'}</Text>
                  </View>
                ))}
                {app.reason ? <Text className='hm-muted text-meta'>拒绝理由：{app.reason}</Text> : null}
                {app.status === 'pending' ? (
                  <View className='hm-actions'>
                    <View className='btn btn-primary ja-approve' onClick={() => void decide(app, 'approve')}>
                      通过
                    </View>
                    <View className='btn ja-reject' onClick={() => setRejecting(app)}>
                      拒绝
                    </View>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </PagedList>
      <Popup open={rejecting !== null} position='bottom' onClose={() => setRejecting(null)}>
        <View className='ja-sheet'>
          <Text className='hm-section-title text-value'>拒绝理由（会告知申请人）</Text>
          <TextInput className='ja-reason' value={reason} maxlength={60} placeholder='例如：名额已满' onValue={(value) => setReason(value)} />
          <View className={`btn btn-primary ja-reject-confirm ${busy ? 'btn-disabled' : ''}`} onClick={() => rejecting && void decide(rejecting, 'reject', reason.trim() || undefined)}>
            确认拒绝
          </View>
        </View>
      </Popup>
    </>
  )
}
