export default definePageConfig({
  navigationBarTitleText: '秒杀',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  enableShareAppMessage: true
})
