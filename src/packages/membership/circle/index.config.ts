export default definePageConfig({
  navigationBarTitleText: '圈子详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
