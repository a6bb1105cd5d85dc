// The main package holds only the tab pages members open daily; everything else
// lives in subpackages so the first download stays small (WeChat caps it at 2 MB).
const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: ['pages/feed/index', 'pages/challenges/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/account',
      // dev-login only makes sense against the dev host: in WeChat the caller's
      // identity comes from the cloud context, so the page is not even built there.
      pages: isH5 ? ['profile-edit/index', 'dev-login/index'] : ['profile-edit/index']
    }
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '社群',
    navigationBarTextStyle: 'black'
  },
  // Text-only tab bar: WeChat accepts items without iconPath, and it costs no image bytes.
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#16a36a',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/feed/index', text: '动态' },
      { pagePath: 'pages/challenges/index', text: '挑战' },
      { pagePath: 'pages/me/index', text: '我的' }
    ]
  }
})
