// Files on CloudBase storage. The app uploads straight to storage with
// Taro.cloud.uploadFile under uploads/<openid>/, so the server only checks that
// a file id points into the caller's own folder of this environment.
import type { UploadedFile } from '../../../types/files'
import type { Files, ImageType } from '../../ports/files'

export class CloudbaseFiles implements Files {
  constructor(private readonly envId: string) {}

  async save(_owner: string, _bytes: Buffer, _type: ImageType): Promise<UploadedFile> {
    throw new Error('on CloudBase the app uploads files to cloud storage directly')
  }

  async isUsableBy(fileId: string, openid: string): Promise<boolean> {
    // cloud://<env>.<bucket>/uploads/<openid>/<name>
    const match = /^cloud:\/\/([^./]+)\.[^/]+\/uploads\/([^/]+)\/[\w.-]+$/.exec(fileId)
    return match !== null && (this.envId === '' || match[1] === this.envId) && match[2] === openid
  }

  async allUsableBy(fileIds: string[], openid: string): Promise<boolean> {
    for (const fileId of fileIds) if (!(await this.isUsableBy(fileId, openid))) return false
    return true
  }

  urlFor(fileId: string): string {
    // The mini-program's <Image> renders cloud:// ids directly.
    return fileId
  }
}
