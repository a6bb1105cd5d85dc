export default definePageConfig({
  navigationBarTitleText: '优惠券活动',
  enablePullDownRefresh: true
})
