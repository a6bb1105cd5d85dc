export default definePageConfig({
  navigationBarTitleText: '发起挑战'
})
