import Taro from '@tarojs/taro'
import type { DepositSettlementView, DepositStatusView, MyDepositView, PayDepositResult } from '../../types/deposits'
import type { ForfeitTo } from '../../types/checkin'
import { callFunction } from './api'
import { setQueryData, useQuery } from './use-query'
import { challengeKey } from './checkin'
import type { ChallengeDetail } from '../../types/checkin'
import { formatFen } from '../utils/format'

// Deposit challenges (押金) in the client: paying the deposit (through the
// orders path: the sandbox page on the dev host, WeChat's pay sheet in the
// mini-program), the member's deposit and the pool, and the host's settlement
// report. Used by the challenge detail page and the host's report.

export const depositKey = (challengeId: string) => `checkin.deposit.${challengeId}`
export const settlementKey = (challengeId: string) => `deposits.depositSettlement.${challengeId}`

/** The deposit, the rule, the pool so far and the member's outcome (only for a challenge with a deposit). */
export function useDepositStatus(challengeId: string, enabled: boolean) {
  return useQuery<DepositStatusView | null>(depositKey(challengeId), () => (enabled ? callFunction('deposits', 'depositStatus', { challengeId }) : Promise.resolve(null)))
}

export function useDepositSettlement(challengeId: string) {
  return useQuery<DepositSettlementView>(settlementKey(challengeId), () => callFunction('deposits', 'depositSettlement', { challengeId }))
}

/** 交押金并加入: the deposit order (the open one again when there is one). */
export function payDeposit(challengeId: string): Promise<PayDepositResult> {
  return callFunction('deposits', 'payDeposit', { challengeId })
}

/** After WeChat's pay sheet: the notify makes the member a participant; the challenge is read again (up to 5 times, a second apart) until it has. */
export async function waitUntilJoined(challengeId: string): Promise<boolean> {
  for (let tries = 0; tries < 5; tries++) {
    const detail: ChallengeDetail = await callFunction('checkin', 'getChallenge', { challengeId })
    setQueryData(challengeKey(challengeId), detail)
    if (detail.progress.joined) {
      setQueryData(depositKey(challengeId), await callFunction('deposits', 'depositStatus', { challengeId }))
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return false
}

export const FORFEIT_LABEL: Record<ForfeitTo, string> = {
  completers: '未完成者的押金由完成者平分',
  host: '未完成者的押金归主理人'
}

/** The member's outcome in one line: 押金已退 ¥x，分得 ¥y / 押金未退 / … */
export function outcomeLine(mine: MyDepositView): string {
  if (mine.outcome === 'held') return `已交押金 ${formatFen(mine.amountFen)}`
  if (mine.outcome === 'withdrawn') return `押金已退 ${formatFen(mine.refundedFen)}，已退出挑战`
  if (mine.outcome === 'failed') return '未完成挑战，押金未退'
  const refund = mine.refundedFen >= mine.amountFen ? `押金已退 ${formatFen(mine.refundedFen)}` : `押金 ${formatFen(mine.amountFen)} 退款中`
  if (mine.shareFen <= 0) return refund
  const share = { none: '', sending: '（发放中）', waitConfirm: '（待领取）', paid: '', failed: '（发放失败，主理人会联系你）' }[mine.shareStatus]
  return `${refund}，分得 ${formatFen(mine.shareFen)}${share}`
}

/**
 * 领取: a share waiting for the member's confirmation opens WeChat's
 * confirmation page (wx.requestMerchantTransfer, mini-program only).
 */
export function confirmShare(mine: MyDepositView): Promise<boolean> {
  const confirm = mine.shareConfirm
  const wxApi = (globalThis as unknown as { wx?: { requestMerchantTransfer?: (options: object) => void } }).wx
  if (process.env.TARO_ENV !== 'weapp' || !confirm) return Promise.resolve(false)
  if (!wxApi?.requestMerchantTransfer) {
    void Taro.showToast({ title: '请升级微信后领取', icon: 'none' })
    return Promise.resolve(false)
  }
  return new Promise((resolve) => wxApi.requestMerchantTransfer!({ ...confirm, success: () => resolve(true), fail: () => resolve(false) }))
}
