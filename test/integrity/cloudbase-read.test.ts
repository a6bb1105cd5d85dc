// The CloudBase files adapter's read(fileId), through node-sdk's own
// downloadFile: its real request code asks the gateway for a temporary link
// (storage.batchGetDownloadUrl, signed) and then GETs the link. A local HTTP
// server stands in for both, at the serviceUrl tcb.init accepts; its answers
// are fixtures in the shapes node-sdk parses (download_list with code, fileID,
// tempFileURL; a missing file answers code STORAGE_FILE_NONEXIST).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import tcb from '@cloudbase/node-sdk'
import { CloudbaseFiles, type CloudStorage } from '../../cloudfunctions/adapters/cloudbase/cloudbase-files'
import { jpeg, scene } from './images'

const ENV = 'prod-1a2b'
const FILE = `cloud://${ENV}.7072-${ENV}-1300000000/uploads/oMember0000000000000000001/run.jpg`
const GONE = `cloud://${ENV}.7072-${ENV}-1300000000/uploads/oMember0000000000000000001/gone.jpg`
const PHOTO = jpeg(scene(4, 160, 120), 80)

let server: Server
let base: string
const seen: Array<{ method: string; path: string; body: unknown }> = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const body = text ? JSON.parse(text) : null
      seen.push({ method: req.method!, path: req.url!.split('?')[0], body })
      if (req.url!.startsWith('/admin')) {
        const list = (body.file_list as Array<{ fileid: string; max_age: number }>).map(({ fileid }) =>
          fileid === GONE ? { code: 'STORAGE_FILE_NONEXIST', fileID: fileid, tempFileURL: '' } : { code: 'SUCCESS', fileID: fileid, tempFileURL: `${base}/cos/uploads/run.jpg?sign=abc&t=1700000000` }
        )
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ requestId: 'req-1', data: { download_list: list } }))
      } else if (req.url!.startsWith('/cos/uploads/run.jpg')) {
        res.setHeader('content-type', 'image/jpeg')
        res.end(PHOTO)
      } else {
        res.statusCode = 404
        res.end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function app(): CloudStorage {
  return tcb.init({ env: ENV, secretId: 'AKIDtest', secretKey: 'test-key', serviceUrl: `${base}/admin`, timeout: 5000 }) as unknown as CloudStorage
}

test('read asks for a temporary link for the file id, then downloads its bytes', async () => {
  seen.length = 0
  const files = new CloudbaseFiles(ENV, app())
  const bytes = await files.read(FILE)
  expect(bytes && Buffer.compare(bytes, PHOTO)).toBe(0)
  expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /admin', 'GET /cos/uploads/run.jpg'])
  expect(seen[0].body).toMatchObject({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: FILE, max_age: 600 }] })
})

test('a file that is gone reads as null', async () => {
  const files = new CloudbaseFiles(ENV, app())
  expect(await files.read(GONE)).toBeNull()
})
