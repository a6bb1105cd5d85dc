// Files on CloudBase storage. The app uploads straight to storage with
// Taro.cloud.uploadFile under uploads/<openid>/, so the server only checks that
// a file id points into the caller's own folder of this environment. Exports
// the server writes go to exports/ through the node-sdk's uploadFile, and are
// downloaded through temporary links (getTempFileURL).
import type { UploadedDocument, UploadedFile } from '../../../types/files'
import { MAX_DOCUMENT_BYTES, sniffDocumentType, type DocumentType, type Files, type ImageType } from '../../ports/files'

/** The part of the node-sdk app (tcb.init) the exports use. */
export interface CloudStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; requestId?: string; code?: string; message?: string }>
  getTempFileURL(options: {
    fileList: Array<{ fileID: string; maxAge?: number }>
  }): Promise<{ fileList: Array<{ code: string; fileID: string; tempFileURL: string }>; requestId?: string; code?: string; message?: string }>
  /** Reads a stored file's bytes (a post's document is sniffed once, when it is attached). */
  downloadFile?(options: { fileID: string }): Promise<{ fileContent: Buffer; requestId?: string; code?: string; message?: string }>
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

  /** node-sdk downloadFile: a temporary link (storage.batchGetDownloadUrl), then a GET of it; a file that is gone answers null. */
  async read(fileId: string): Promise<Buffer | null> {
    const storage = this.cloud() as { downloadFile?(options: { fileID: string }): Promise<{ fileContent?: Buffer }> }
    if (!storage.downloadFile) throw new Error('cloud storage cannot read files')
    try {
      const res = await storage.downloadFile({ fileID: fileId })
      return res.fileContent ?? null
    } catch (error) {
      if (/STORAGE_FILE_NONEXIST|NOT_EXIST|NOT_FOUND/i.test(String((error as { code?: string })?.code ?? (error as Error)?.message ?? ''))) return null
      throw error
    }
  }

  async saveExport(name: string, bytes: Buffer): Promise<string> {
    if (!/^[\w.-]+\.csv$/.test(name)) throw new Error(`export file name ${name} is not a plain .csv name`)
    const res = await this.cloud().uploadFile({ cloudPath: `exports/${name}`, fileContent: bytes })
    if (!res.fileID) throw new Error(`uploadFile failed: ${res.code ?? ''} ${res.message ?? ''}`.trim())
    return res.fileID
  }

  async saveDocument(_owner: string, _bytes: Buffer, _type: DocumentType, _name: string): Promise<UploadedDocument> {
    throw new Error('on CloudBase the app uploads files to cloud storage directly')
  }

  async documentsInfo(fileIds: string[], openid: string): Promise<Array<{ contentType: DocumentType; size: number } | null>> {
    return Promise.all(fileIds.map((fileId) => this.documentInfo(fileId, openid)))
  }

  private async documentInfo(fileId: string, openid: string): Promise<{ contentType: DocumentType; size: number } | null> {
    // The app uploads documents under its own folder as it does images; the bytes decide the type.
    if (!(await this.isUsableBy(fileId, openid))) return null
    const storage = this.cloud()
    if (!storage.downloadFile) throw new Error('cloud storage cannot read files')
    const res = await storage.downloadFile({ fileID: fileId })
    const bytes = res.fileContent
    if (!bytes || bytes.length > MAX_DOCUMENT_BYTES) return null
    const contentType = sniffDocumentType(bytes)
    return contentType ? { contentType, size: bytes.length } : null
  }

  async downloadUrls(fileIds: string[]): Promise<string[]> {
    if (fileIds.length === 0) return []
    const res = await this.cloud().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: EXPORT_LINK_SECONDS })) })
    const byId = new Map((res.fileList ?? []).filter((f) => f.code === 'SUCCESS' && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
    return fileIds.map((id) => byId.get(id) ?? '')
  }
}
