// No pull-to-refresh: this is a form, and a pull while typing would reload it.
export default definePageConfig({
  navigationBarTitleText: '社群设置'
})
