export default definePageConfig({
  navigationBarTitleText: '圈子内容',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
