export default definePageConfig({
  navigationBarTitleText: '完成报告',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  enableShareAppMessage: true
})
