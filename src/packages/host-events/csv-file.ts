import Taro from '@tarojs/taro'

// Getting the attendee CSV out of the phone. H5: a download through a Blob link.
// WeChat: the file is written to the mini-program's user folder first; WeChat
// only lets shareFileMessage run from a tap, so sending it is a second tap on
// a button the page shows once the file is ready. (openDocument does not open
// CSV files, hence no "open" fallback.)

export interface SavedCsv {
  filePath: string
  fileName: string
  csv: string
}

/** Keeps Chinese and ordinary punctuation; drops what a file system or chat would choke on. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)
  return cleaned.endsWith('.csv') ? cleaned : `${cleaned || '报名名单'}.csv`
}

/** H5: downloads the file at once and returns null. WeChat: writes it and returns where it is. */
export function saveCsv(filename: string, csv: string): SavedCsv | null {
  const fileName = safeFileName(filename)
  if (process.env.TARO_ENV === 'h5') {
    // The server's CSV starts with a BOM, so spreadsheet apps read the UTF-8 Chinese correctly.
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return null
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
  return { filePath, fileName, csv }
}

/** WeChat, from a tap: send the saved file to a chat (to open it on a computer). */
export async function shareCsv(saved: SavedCsv): Promise<void> {
  try {
    await Taro.shareFileMessage({ filePath: saved.filePath, fileName: saved.fileName })
  } catch (err) {
    const message = (err as { errMsg?: string } | undefined)?.errMsg ?? ''
    if (message.includes('cancel')) return
    // Older WeChat without shareFileMessage: the text still gets out through the clipboard.
    await Taro.setClipboardData({ data: saved.csv })
    void Taro.showToast({ title: '已复制名单内容，可粘贴到表格', icon: 'none', duration: 2500 })
  }
}
