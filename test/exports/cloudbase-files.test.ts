// The CloudBase files adapter's exports: uploadFile to exports/<name> and
// getTempFileURL for the links, in the node-sdk's request shapes; the answers
// are fixtures in the shape the node-sdk documents (fileList with code,
// fileID, tempFileURL; a missing file answers code STORAGE_FILE_NONEXIST).
import { CloudbaseFiles, EXPORT_LINK_SECONDS, type CloudStorage } from '../../cloudfunctions/adapters/cloudbase/cloudbase-files'

const FILE = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/exports/9b1c.csv'
const GONE = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/exports/gone.csv'

function fakeStorage() {
  const sent: Array<{ op: string; body: unknown }> = []
  const storage: CloudStorage = {
    async uploadFile(options) {
      sent.push({ op: 'uploadFile', body: { cloudPath: options.cloudPath, bytes: options.fileContent.length } })
      return { fileID: `cloud://prod-1a2b.7072-prod-1a2b-1300000000/${options.cloudPath}`, requestId: 'req-1' }
    },
    async getTempFileURL(options) {
      sent.push({ op: 'getTempFileURL', body: options })
      return {
        requestId: 'req-2',
        fileList: options.fileList.map(({ fileID }) =>
          fileID === GONE
            ? { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' }
            : { code: 'SUCCESS', fileID, tempFileURL: `https://7072-prod-1a2b-1300000000.tcb.qcloud.la/exports/9b1c.csv?sign=abc&t=1700000000` }
        )
      }
    }
  }
  return { storage, sent }
}

test('saveExport uploads under exports/ and answers the cloud file id', async () => {
  const { storage, sent } = fakeStorage()
  const files = new CloudbaseFiles('prod-1a2b', storage)
  expect(await files.saveExport('9b1c.csv', Buffer.from('\ufeffa,b\r\n'))).toBe(FILE)
  expect(sent).toEqual([{ op: 'uploadFile', body: { cloudPath: 'exports/9b1c.csv', bytes: 8 } }])
  await expect(files.saveExport('../etc/passwd', Buffer.from(''))).rejects.toThrow(/plain \.csv/)
})

test('downloadUrls asks for every link in one getTempFileURL request with a max age; a missing file gives an empty link', async () => {
  const { storage, sent } = fakeStorage()
  const files = new CloudbaseFiles('prod-1a2b', storage)
  expect(await files.downloadUrls([FILE, GONE])).toEqual(['https://7072-prod-1a2b-1300000000.tcb.qcloud.la/exports/9b1c.csv?sign=abc&t=1700000000', ''])
  expect(sent).toEqual([
    {
      op: 'getTempFileURL',
      body: {
        fileList: [
          { fileID: FILE, maxAge: EXPORT_LINK_SECONDS },
          { fileID: GONE, maxAge: EXPORT_LINK_SECONDS }
        ]
      }
    }
  ])
  expect(await files.downloadUrls([])).toEqual([])
  expect(sent).toHaveLength(1)
})
