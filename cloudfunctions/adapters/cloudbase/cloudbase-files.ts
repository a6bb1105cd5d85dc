// Files on CloudBase storage. The app uploads straight to storage with
// Taro.cloud.uploadFile under uploads/<openid>/, so the server only checks that
// a file id points into the caller's own folder of this environment. Exports
// the server writes go to exports/ through the node-sdk's uploadFile, and are
// downloaded through temporary links (getTempFileURL).
import type { UploadedFile } from '../../../types/files'
import type { Files, ImageType } from '../../ports/files'

/** The part of the node-sdk app (tcb.init) the exports use. */
export interface CloudStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; requestId?: string; code?: string; message?: string }>
  getTempFileURL(options: {
    fileList: Array<{ fileID: string; maxAge?: number }>
  }): Promise<{ fileList: Array<{ code: string; fileID: string; tempFileURL: string }>; requestId?: string; code?: string; message?: string }>
}

/** How long a download link lasts (seconds): the job list asks for fresh ones each time it is shown. */
export const EXPORT_LINK_SECONDS = 2 * 3600

export class CloudbaseFiles implements Files {
  constructor(
    private readonly envId: string,
    private readonly storage: CloudStorage | null = null
  ) {}

  private cloud(): CloudStorage {
    if (!this.storage) throw new Error('cloud storage is not configured')
    return this.storage
  }

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

  async saveExport(name: string, bytes: Buffer): Promise<string> {
    if (!/^[\w.-]+\.csv$/.test(name)) throw new Error(`export file name ${name} is not a plain .csv name`)
    const res = await this.cloud().uploadFile({ cloudPath: `exports/${name}`, fileContent: bytes })
    if (!res.fileID) throw new Error(`uploadFile failed: ${res.code ?? ''} ${res.message ?? ''}`.trim())
    return res.fileID
  }

  async downloadUrls(fileIds: string[]): Promise<string[]> {
    if (fileIds.length === 0) return []
    const res = await this.cloud().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: EXPORT_LINK_SECONDS })) })
    const byId = new Map((res.fileList ?? []).filter((f) => f.code === 'SUCCESS' && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
    return fileIds.map((id) => byId.get(id) ?? '')
  }
}
