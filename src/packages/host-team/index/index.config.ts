export default definePageConfig({
  navigationBarTitleText: '团队',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
