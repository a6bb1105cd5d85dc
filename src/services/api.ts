// The gateway's public face: pages and services import from here. The call
// itself lives in call-function.ts so that upload.ts (which asks member.me for
// the caller's folder) can use it without importing this file back.
export { callFunction, callAction } from './call-function'
export { ApiCallError } from './api-error'
export { uploadImage } from './upload'
