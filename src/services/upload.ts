import Taro from '@tarojs/taro'
import type { ApiResult } from '../../types/result'
import type { UploadedFile } from '../../types/files'
import { ApiCallError, NETWORK_MESSAGE } from './api-error'
import { getToken } from './session'
import { callFunction } from './call-function'

export type UploadProgress = (percent: number) => void

/** What the app needs after an upload: the id to save and a URL to show. */
export type UploadResult = Pick<UploadedFile, 'fileId' | 'url'>

/**
 * Uploads one local image. WeChat: straight into cloud storage (the file id is
 * also a displayable src). H5: multipart to the dev host, which checks type and size.
 */
export function uploadImage(filePath: string, onProgress?: UploadProgress): Promise<UploadResult> {
  return process.env.TARO_ENV === 'h5' ? uploadToDevHost(filePath, onProgress) : uploadToCloud(filePath, onProgress)
}

function uploadToCloud(filePath: string, onProgress?: UploadProgress): Promise<UploadResult> {
  return uploadFileToCloud(filePath, extensionOf(filePath), onProgress)
}

/** Any file (a picture, a PDF) into the caller's own folder of cloud storage, with progress (weapp). */
export async function uploadFileToCloud(filePath: string, extension: string, onProgress?: UploadProgress): Promise<UploadResult> {
  // The functions accept a cloud:// id only under the caller's own folder.
  const openid = await callerOpenid()
  return new Promise((resolve, reject) => {
    // With callbacks wx.cloud.uploadFile returns its task, the only way to get progress.
    const task = Taro.cloud.uploadFile({
      cloudPath: `uploads/${openid}/${randomName()}.${extension}`,
      filePath,
      success: (res) => resolve({ fileId: res.fileID, url: res.fileID }),
      fail: () => reject(new ApiCallError('NETWORK', '上传失败，请检查网络后重试'))
    })
    task.onProgressUpdate((p) => onProgress?.(p.progress))
  })
}

async function uploadToDevHost(filePath: string, onProgress?: UploadProgress): Promise<UploadResult> {
  const task = Taro.uploadFile({
    url: '/upload',
    filePath,
    name: 'file',
    header: { authorization: 'Bearer ' + getToken() }
  })
  task.onProgressUpdate((p) => onProgress?.(p.progress))
  let body: ApiResult<UploadedFile>
  try {
    const res = await task
    body = JSON.parse(res.data) as ApiResult<UploadedFile>
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  if (!body.ok) throw ApiCallError.from(body.error)
  return { fileId: body.data.fileId, url: body.data.url }
}

// The caller's openid never changes within a launch of the mini-program: ask
// member.me once (a call the app makes anyway) and keep the answer.
let openidOnce: Promise<string> | null = null

function callerOpenid(): Promise<string> {
  openidOnce ??= callFunction('member', 'me', {}).then(
    (me) => me.openid,
    (err: unknown) => {
      openidOnce = null // let the next upload try again
      throw err
    }
  )
  return openidOnce
}

// The file name itself is random: the folder already says whose it is.
function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

function extensionOf(filePath: string): string {
  const match = /\.(jpe?g|png|webp)$/i.exec(filePath)
  return match ? match[1].toLowerCase() : 'jpg'
}
