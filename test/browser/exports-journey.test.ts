// Browser journey: the host exports the members as CSV from 数据导出 in the H5
// build: tap the export, cron writes it, the job row shows 下载, and the file
// behind the link has a BOM, the header once and a row per member.
import { describeJourney } from './journey'
import { HOST_EXPORTS_PAGE } from '../../src/services/routes'
import { parseCsv } from '../exports/parse-csv'

describeJourney('数据导出 in the H5 build', { prefix: 'exports' }, ({ harness, shot }) => {
  it('exports the members and downloads the CSV', async () => {
    const page = harness.page
    await harness.loginAs('host')
    await harness.open(HOST_EXPORTS_PAGE)
    await harness.tap('.hex-export-members')
    const row = page.locator('.hex-job[data-kind="members"]').first()
    await row.waitFor({ timeout: 15_000 })
    await shot('01-queued')
    // Cron writes it (one run is plenty for the seeded community); the page polls and shows the link.
    await harness.cron()
    const link = row.locator('.hex-download')
    await link.waitFor({ timeout: 20_000 })
    await shot('02-done')
    const href = await link.getAttribute('href')
    expect(href).toMatch(/^\/files\/exports\/[\w-]+\.csv$/)
    await expect(link.getAttribute('download')).resolves.toMatch(/^成员名单-\d{8}-\d{4}\.csv$/)
    const res = await fetch(`${harness.url}${href}`)
    expect(res.ok).toBe(true)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const rows = parseCsv(bytes.toString('utf8').slice(1))
    expect(rows[0]).toEqual(['成员ID', '昵称', '角色', '等级', '加入时间', '来源'])
    expect(rows.filter((r) => r[0] === '成员ID')).toHaveLength(1)
    expect(rows.length).toBeGreaterThan(2)
    expect(rows.map((r) => r[1])).toContain('小美')
  }, 120_000)
})
