export default definePageConfig({
  navigationBarTitleText: '群规',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
