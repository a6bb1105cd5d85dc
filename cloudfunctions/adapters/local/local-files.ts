// Files on disk under the data folder, served by the dev host at /files/<name>.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UploadedDocument, UploadedFile } from '../../../types/files'
import { MAX_DOCUMENT_BYTES, type DocumentType, type Files, type ImageType } from '../../ports/files'
import type { Store } from '../../ports/store'
import type { Clock } from '../../ports/clock'
import { COLLECTIONS } from '../../platform/collections'

const EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }
const PREFIX = 'local://'

export interface FileDoc {
  _id: string // the file name
  ownerOpenid: string
  contentType: ImageType | DocumentType
  size: number
  /** A document's original name (PDFs for circle posts). */
  name?: string
  createdAt: number
}

export class LocalFiles implements Files {
  constructor(
    readonly directory: string,
    private readonly store: Store,
    private readonly clock: Clock
  ) {
    mkdirSync(directory, { recursive: true })
  }

  async save(ownerOpenid: string, bytes: Buffer, contentType: ImageType): Promise<UploadedFile> {
    const name = `${randomBytes(12).toString('hex')}.${EXTENSIONS[contentType]}`
    writeFileSync(join(this.directory, name), bytes)
    await this.store.collection<FileDoc>(COLLECTIONS.files.name).insert({
      _id: name,
      ownerOpenid,
      contentType,
      size: bytes.length,
      createdAt: this.clock.now()
    })
    const fileId = PREFIX + name
    return { fileId, url: this.urlFor(fileId), contentType, size: bytes.length }
  }

  async isUsableBy(fileId: string, openid: string): Promise<boolean> {
    if (!fileId.startsWith(PREFIX)) return false
    const record = await this.store.collection<FileDoc>(COLLECTIONS.files.name).get(fileId.slice(PREFIX.length))
    return record?.ownerOpenid === openid
  }

  async allUsableBy(fileIds: string[], openid: string): Promise<boolean> {
    if (fileIds.length === 0) return true
    if (!fileIds.every((id) => id.startsWith(PREFIX))) return false
    const names = [...new Set(fileIds.map((id) => id.slice(PREFIX.length)))]
    const found = await this.store.collection<FileDoc>(COLLECTIONS.files.name).find({ _id: { $in: names } }, { limit: names.length })
    return found.items.length === names.length && found.items.every((record) => record.ownerOpenid === openid)
  }

  urlFor(fileId: string): string {
    return fileId.startsWith(PREFIX) ? `/files/${fileId.slice(PREFIX.length)}` : fileId
  }

  async read(fileId: string): Promise<Buffer | null> {
    const name = fileId.startsWith(PREFIX) ? fileId.slice(PREFIX.length) : ''
    if (!/^[\w.-]+$/.test(name)) return null
    const path = join(this.directory, name)
    return existsSync(path) ? readFileSync(path) : null
  }

  /** exports/<name> under the files folder: the dev host serves it at /files/exports/<name>. */
  async saveExport(name: string, bytes: Buffer): Promise<string> {
    if (!/^[\w.-]+\.csv$/.test(name)) throw new Error(`export file name ${name} is not a plain .csv name`)
    mkdirSync(join(this.directory, 'exports'), { recursive: true })
    writeFileSync(join(this.directory, 'exports', name), bytes)
    return `${PREFIX}exports/${name}`
  }

  async saveDocument(ownerOpenid: string, bytes: Buffer, contentType: DocumentType, name: string): Promise<UploadedDocument> {
    const stored = `${randomBytes(12).toString('hex')}.pdf`
    writeFileSync(join(this.directory, stored), bytes)
    await this.store.collection<FileDoc>(COLLECTIONS.files.name).insert({ _id: stored, ownerOpenid, contentType, size: bytes.length, name, createdAt: this.clock.now() })
    const fileId = PREFIX + stored
    return { fileId, name, url: this.urlFor(fileId), contentType, size: bytes.length }
  }

  async documentsInfo(fileIds: string[], openid: string): Promise<Array<{ contentType: DocumentType; size: number } | null>> {
    const names = [...new Set(fileIds.filter((id) => id.startsWith(PREFIX)).map((id) => id.slice(PREFIX.length)))]
    const found = names.length === 0 ? [] : (await this.store.collection<FileDoc>(COLLECTIONS.files.name).find({ _id: { $in: names } }, { limit: names.length })).items
    const byName = new Map(found.map((record) => [record._id, record]))
    return fileIds.map((id) => {
      const record = id.startsWith(PREFIX) ? byName.get(id.slice(PREFIX.length)) : undefined
      if (!record || record.ownerOpenid !== openid || record.contentType !== 'application/pdf' || record.size > MAX_DOCUMENT_BYTES) return null
      return { contentType: record.contentType, size: record.size }
    })
  }

  async downloadUrls(fileIds: string[]): Promise<string[]> {
    return fileIds.map((id) => (id.startsWith(PREFIX) && existsSync(join(this.directory, id.slice(PREFIX.length))) ? this.urlFor(id) : ''))
  }
}
