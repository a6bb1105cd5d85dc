export default definePageConfig({
  navigationBarTitleText: '我的成长',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
