// The invite's share text names the community: the words WeChat's share sheet
// gets (useShareAppMessage has no H5 counterpart for the browser journey to read).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inviteShareTitle } from '../../src/services/leaderboard'

// The service's calls go through Taro; the share title needs none of them.
jest.mock('../../src/services/api', () => ({}))

const source = (path: string) => readFileSync(join(__dirname, '../../src', path), 'utf8')

test("the share title says the community's name", () => {
  expect(inviteShareTitle('林教练燃脂俱乐部')).toBe('邀请你加入林教练燃脂俱乐部，一起打卡')
})

test('the invite page shares and prints the cached community name, never a fixed "社群"', () => {
  const page = source('packages/leaderboard/invite/index.tsx')
  expect(page).toContain('useCommunityName()')
  expect(page).toMatch(/title: inviteShareTitle\(communityName/)
  expect(page).toContain("<Text className='iv-poster-community'>{communityName}</Text>")
  for (const text of [page, source('services/leaderboard.ts')]) expect(text).not.toMatch(/加入社群|['"`>]社群['"`<]/)
})
