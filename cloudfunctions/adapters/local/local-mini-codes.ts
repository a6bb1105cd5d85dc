import QRCode from 'qrcode'
import { INVITE_PAGE, type MiniCodes } from '../../ports/mini-codes'

export class LocalMiniCodes implements MiniCodes {
  /** The dev host sets this to its real address once it listens (unless PUBLIC_URL is set). */
  constructor(public publicUrl: string) {}

  shareUrl(code: string): string {
    return `${this.publicUrl}/#/${INVITE_PAGE}?invite=${encodeURIComponent(code)}`
  }

  async inviteImage(code: string): Promise<string> {
    const svg = await QRCode.toString(this.shareUrl(code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  }
}
