import { amount, characterString, formatData, formatField, phrase, subscribeMessage, thing, time } from '../../cloudfunctions/domain/notifications/format'

const NOON_UTC_NEW_YEAR_EVE = Date.parse('2026-12-31T16:30:00Z') // 2027-01-01 00:30 in China

test('thing: at most 20 characters, cut with …, counted in code points', () => {
  expect(thing('晨跑打卡')).toBe('晨跑打卡')
  expect(thing('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(20)
  const long = thing('二十一天早睡早起挑战·第二季·坚持就是胜利！')
  expect([...long]).toHaveLength(20)
  expect(long.endsWith('…')).toBe(true)
  expect([...thing('😀'.repeat(30))]).toHaveLength(20)
  expect(thing('  换行\n和\t制表  ')).toBe('换行 和 制表')
  expect(thing('')).toBe('—')
})

test('time: a full date-time with the year, in China time whatever the server zone', () => {
  expect(time(NOON_UTC_NEW_YEAR_EVE)).toBe('2027年01月01日 00:30')
  expect(time('2026年11月23日 10:00')).toBe('2026年11月23日 10:00')
  expect(() => time('11月23日 10:00')).toThrow()
  expect(formatField('date3', NOON_UTC_NEW_YEAR_EVE)).toBe('2027年01月01日')
})

test('phrase: Chinese only, at most 5', () => {
  expect(phrase('已取消')).toBe('已取消')
  expect(phrase('报名成功啦朋友们')).toBe('报名成功啦')
  expect(phrase('OK 成功!')).toBe('成功')
})

test('number, amount and character_string', () => {
  expect(formatField('number2', 7)).toBe('7')
  expect(() => formatField('number2', '七')).toThrow()
  expect(amount(12345)).toBe('¥123.45')
  expect(formatField('amount4', 5000)).toBe('¥50.00')
  expect(characterString('ORD-20261123-汉字001')).toBe('ORD-20261123-001')
})

test('formatData types each key by its name; unknown types are refused', () => {
  expect(formatData({ thing1: '很长很长很长很长很长很长很长很长很长很长很长', time2: NOON_UTC_NEW_YEAR_EVE })).toEqual({
    thing1: '很长很长很长很长很长很长很长很长很长很…',
    time2: '2027年01月01日 00:30'
  })
  expect(() => formatData({ color1: 'red' })).toThrow(/unknown subscribe message field type/)
  // Formatting twice changes nothing (the outbox formats whatever it is given).
  const once = formatData({ thing1: '二十一天早睡早起挑战·第二季·坚持就是胜利！', time2: NOON_UTC_NEW_YEAR_EVE })
  expect(formatData(once)).toEqual(once)
})

test('subscribeMessage refuses a template we do not know', () => {
  expect(() => subscribeMessage({ openid: 'o', template: 'nope' as never, data: {} })).toThrow(/unknown subscribe template/)
  expect(subscribeMessage({ openid: 'o', template: 'welcome', page: 'pages/me/index', data: { thing1: '欢迎', time2: 0 } })).toEqual({
    openid: 'o',
    template: 'welcome',
    page: 'pages/me/index',
    data: { thing1: '欢迎', time2: '1970年01月01日 08:00' }
  })
})
