export default definePageConfig({
  navigationBarTitleText: '成长与商城',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
