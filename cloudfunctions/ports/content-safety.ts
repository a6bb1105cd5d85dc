// Text and images pass a content check before anyone else sees them. WeChat
// checks text synchronously and images asynchronously (a result arrives later
// by message push), so an image check may answer "pending".

export type TextVerdict = { ok: true } | { ok: false; reason: string }

export type ImageVerdict =
  | { status: 'pass' }
  | { status: 'reject'; reason: string }
  /** Results arrive later, one per trace id (see resolveMediaCheck). */
  | { status: 'pending'; traces: Array<{ fileId: string; traceId: string }> }

export interface ContentSafety {
  checkText(text: string, openid: string): Promise<TextVerdict>
  checkImages(fileIds: string[], openid: string): Promise<ImageVerdict>
}

/** What a member sees when their text is refused. */
export const REJECTED_TEXT_MESSAGE = '内容包含不适宜发布的信息，请修改后再试'
