// The one CSV encoding: a BOM, CRLF lines, formulas neutralised, quoting.
import { BOM, csvCell, csvDocument, csvLine } from '../../cloudfunctions/domain/exports/csv'
import { parseCsv } from './parse-csv'

test('the document starts with a UTF-8 BOM and ends each line with CRLF', () => {
  const csv = csvDocument(['昵称', '积分'], [['小美', 30]])
  expect(csv.startsWith(BOM)).toBe(true)
  expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  expect(csv).toBe('\ufeff昵称,积分\r\n小美,30\r\n')
})

test('cells a spreadsheet would run as formulas stay text', () => {
  for (const risky of ['=HYPERLINK("http://x","点我")', '+1+2', '-3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(csvCell(risky).replace(/^"/, '').startsWith(`'`)).toBe(true)
  expect(csvCell('=1+1')).toBe(`'=1+1`)
  expect(csvCell('-5')).toBe(`'-5`)
  expect(csvCell('@x')).toBe(`'@x`)
  // A formula with a quote is neutralised and then quoted.
  expect(csvCell('=A1&"x"')).toBe(`"'=A1&""x"""`)
  // A carriage return at the start is neutralised and the cell quoted.
  expect(csvCell('\r=1')).toBe(`"'\r=1"`)
  // Harmless text and numbers are left alone (negative numbers from the server are formatted text: neutralised too, harmlessly).
  expect(csvCell('普通文字')).toBe('普通文字')
  expect(csvCell(12)).toBe('12')
})

test('Chinese text, commas, quotes and line breaks survive a round trip', () => {
  const line = csvLine(['北京,海淀', '他说"好"', '第一行\n第二行', '中文🙂', null, undefined, true])
  expect(line).toBe('"北京,海淀","他说""好""","第一行\n第二行",中文🙂,,,true\r\n')
  expect(parseCsv(line)).toEqual([['北京,海淀', '他说"好"', '第一行\n第二行', '中文🙂', '', '', 'true']])
})
