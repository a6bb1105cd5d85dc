export default definePageConfig({
  navigationBarTitleText: '团队',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The share button on an invite link sends it as a card (useShareAppMessage).
  enableShareAppMessage: true
})
