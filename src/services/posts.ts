import Taro from '@tarojs/taro'
import type { Page } from '../../types/page'
import type { ApiResult } from '../../types/result'
import type { UploadedDocument } from '../../types/files'
import type { AddPostCommentInput, AnnouncementReads, CircleContentView, FeaturePostInput, PostCommentView, PostFileUrls, PostInput, PostTab, PostView, UpdatePostInput } from '../../types/posts'
import { callFunction } from './api'
import { ApiCallError, NETWORK_MESSAGE } from './api-error'
import { usePagedList, patchListItems, refetchLists } from './checkin-paged'
import { setQueryData, useQuery } from './use-query'
import { getToken } from './session'
import { uploadFileToCloud, type UploadProgress } from './upload'

// A circle's content (posts, pinned announcements, 精华, 话题) and the calls
// behind the circle page's content tabs, the post page and the composer.

export const POSTS_PREFIX = 'circle.posts.'
export const circleContentKey = (circleId: string) => `circle.content.${circleId}`
export const postsKey = (circleId: string, tab: PostTab | `topic:${string}` | `search:${string}`) => `${POSTS_PREFIX}${circleId}.${tab}`
export const postKey = (postId: string) => `circle.post.${postId}`
export const postCommentsKey = (postId: string) => `circle.postComments.${postId}`

export function useCircleContent(circleId: string) {
  return useQuery<CircleContentView>(circleContentKey(circleId), () => callFunction('circle', 'circleContent', { circleId }))
}

/** One tab of the circle's content: 全部 / 精华 / 公告, a 话题, or a search. */
export function usePosts(circleId: string, tab: PostTab | { topic: string } | { q: string }) {
  const key = typeof tab === 'string' ? postsKey(circleId, tab) : 'topic' in tab ? postsKey(circleId, `topic:${tab.topic}`) : postsKey(circleId, `search:${tab.q}`)
  return usePagedList<PostView>(key, (after) => {
    if (typeof tab === 'string') return callFunction('circle', 'listPosts', { circleId, tab, after })
    if ('topic' in tab) return callFunction('circle', 'listPosts', { circleId, topic: tab.topic, after })
    return callFunction('circle', 'searchPosts', { circleId, q: tab.q, after })
  })
}

export function usePost(postId: string) {
  return useQuery<PostView>(postKey(postId), () => callFunction('circle', 'getPost', { postId }))
}

export function usePostComments(postId: string) {
  return usePagedList<PostCommentView>(postCommentsKey(postId), (after) => callFunction('circle', 'listPostComments', { postId, after }))
}

/** A changed post wherever it shows: its page, every list, the pinned row. */
export function putPost(post: PostView): void {
  setQueryData(postKey(post.id), post)
  patchListItems<PostView>(POSTS_PREFIX, post.id, () => post)
}

export async function createPost(input: PostInput): Promise<PostView> {
  const post = await callFunction('circle', 'createPost', input)
  void refetchLists(`${POSTS_PREFIX}${input.circleId}.`)
  return post
}

export async function updatePost(input: UpdatePostInput): Promise<PostView> {
  const post = await callFunction('circle', 'updatePost', input)
  putPost(post)
  return post
}

export async function deletePost(post: PostView): Promise<void> {
  await callFunction('circle', 'deletePost', { postId: post.id })
  patchListItems<PostView>(POSTS_PREFIX, post.id, () => null)
}

export async function featurePost(input: FeaturePostInput): Promise<PostView> {
  const post = await callFunction('circle', 'featurePost', input)
  putPost(post)
  void refetchLists(`${POSTS_PREFIX}${post.circleId}.featured`)
  return post
}

export async function togglePostLike(post: PostView): Promise<PostView> {
  const { liked, likeCount } = await callFunction('circle', 'togglePostLike', { postId: post.id })
  const next = { ...post, likedByMe: liked, likeCount }
  putPost(next)
  return next
}

export async function markAnnouncementRead(post: PostView): Promise<PostView> {
  await callFunction('circle', 'markAnnouncementRead', { postId: post.id })
  const next = { ...post, readByMe: true }
  putPost(next)
  return next
}

export const addPostComment = (input: AddPostCommentInput) => callFunction('circle', 'addPostComment', input)
export const deletePostComment = (commentId: string) => callFunction('circle', 'deletePostComment', { commentId })
export const postFileUrls = (postId: string): Promise<PostFileUrls> => callFunction('circle', 'postFileUrls', { postId })

export function useAnnouncementReads(postId: string, enabled: boolean) {
  return useQuery<AnnouncementReads | null>(`circle.reads.${postId}.${enabled ? 1 : 0}`, () => (enabled ? callFunction('circle', 'announcementReads', { postId }) : Promise.resolve(null)))
}

export async function moreAnnouncementReaders(postId: string, after: string): Promise<Page<AnnouncementReads['readers'][number]>> {
  const page = await callFunction('circle', 'announcementReads', { postId, after })
  return { items: page.readers, next: page.next }
}

/** 12.3 KB, 4.5 MB: what a file's size says beside its name. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A document picked and uploaded for a post. */
export type PickedDocument = Pick<UploadedDocument, 'fileId' | 'name' | 'size'>

/**
 * Picks one PDF and uploads it, with progress. WeChat: the chat-file picker
 * (wx.chooseMessageFile) straight into cloud storage, the server then reads its
 * bytes; H5: the browser's file picker, sent to the dev host, which checks the bytes.
 * Resolves null when the member cancels.
 */
export async function pickAndUploadDocument(onPicked: (name: string, size: number) => void, onProgress: UploadProgress): Promise<PickedDocument | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await pickBrowserFile()
    if (!file) return null
    onPicked(file.name, file.size)
    return uploadBrowserFile(file, onProgress)
  }
  let picked: { path: string; name: string; size: number }
  try {
    picked = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })).tempFiles[0]
  } catch {
    return null // cancelled
  }
  if (!/\.pdf$/i.test(picked.name)) throw new ApiCallError('UNSUPPORTED_MEDIA', '目前只支持 PDF 文件')
  if (picked.size > MAX_DOCUMENT_BYTES) throw new ApiCallError('PAYLOAD_TOO_LARGE', '文件超过 20MB，请压缩后再传')
  onPicked(picked.name, picked.size)
  const { fileId } = await uploadFileToCloud(picked.path, 'pdf', onProgress)
  return { fileId, name: picked.name, size: picked.size }
}

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

function pickBrowserFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'application/pdf,.pdf'
    input.className = 'post-file-input'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

function uploadBrowserFile(file: File, onProgress: UploadProgress): Promise<PickedDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/upload/document')
    xhr.setRequestHeader('authorization', 'Bearer ' + getToken())
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiCallError('NETWORK', NETWORK_MESSAGE))
    xhr.onload = () => {
      let body: ApiResult<UploadedDocument>
      try {
        body = JSON.parse(xhr.responseText) as ApiResult<UploadedDocument>
      } catch {
        return reject(new ApiCallError('NETWORK', NETWORK_MESSAGE))
      }
      if (!body.ok) return reject(ApiCallError.from(body.error))
      onProgress(100)
      resolve({ fileId: body.data.fileId, name: body.data.name, size: body.data.size })
    }
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}

/** Opens a post's file: WeChat downloads it and opens the document viewer; H5 opens the link. */
export async function openPostFile(postId: string, fileId: string): Promise<void> {
  const { files } = await postFileUrls(postId)
  const file = files.find((f) => f.fileId === fileId)
  if (!file?.url) throw new ApiCallError('NOT_FOUND', '文件已不存在')
  if (process.env.TARO_ENV === 'h5') {
    window.open(file.url, '_blank')
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url: file.url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
}
