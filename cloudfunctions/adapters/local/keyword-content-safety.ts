// Local content check: a configurable keyword list (CONTENT_BLOCKLIST, comma
// separated) for text; images pass at once, or stay pending when
// LOCAL_IMAGE_CHECK=pending so the pending path can be tried by hand.
import { randomUUID } from 'node:crypto'
import type { ContentSafety, ImageVerdict, TextVerdict } from '../../ports/content-safety'

export const DEFAULT_BLOCKLIST = ['赌博', '博彩', '代开发票', '色情', '诈骗']

export class KeywordContentSafety implements ContentSafety {
  private readonly keywords: string[]

  constructor(
    keywords: string[] = DEFAULT_BLOCKLIST,
    private readonly imageMode: 'pass' | 'pending' = 'pass'
  ) {
    this.keywords = keywords.map((k) => k.trim().toLowerCase()).filter(Boolean)
  }

  static fromEnv(env: NodeJS.ProcessEnv): KeywordContentSafety {
    const list = env.CONTENT_BLOCKLIST ? env.CONTENT_BLOCKLIST.split(',') : DEFAULT_BLOCKLIST
    return new KeywordContentSafety(list, env.LOCAL_IMAGE_CHECK === 'pending' ? 'pending' : 'pass')
  }

  async checkText(text: string): Promise<TextVerdict> {
    const lower = text.toLowerCase()
    const hit = this.keywords.find((keyword) => lower.includes(keyword))
    return hit ? { ok: false, reason: `包含不适宜的词语「${hit}」` } : { ok: true }
  }

  async checkImages(fileIds: string[]): Promise<ImageVerdict> {
    if (this.imageMode === 'pass' || fileIds.length === 0) return { status: 'pass' }
    return { status: 'pending', traces: fileIds.map((fileId) => ({ fileId, traceId: `local-${randomUUID()}` })) }
  }
}
