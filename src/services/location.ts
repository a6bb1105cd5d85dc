// The member's position for challenges with a place (geofence). In WeChat:
// Taro.getLocation (GCJ-02, scope.userLocation declared in app.config's
// permission and requiredPrivateInfos); in H5: the browser's geolocation.
import Taro from '@tarojs/taro'
import { ApiCallError } from './api-error'

const DENIED = '需要你的位置才能在这个挑战打卡，请允许获取位置后再试'
const FAILED = '获取位置失败，请到开阔处稍后再试'

export async function currentPosition(): Promise<{ lat: number; lng: number }> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) => {
      if (typeof navigator === 'undefined' || !navigator.geolocation) return reject(new ApiCallError('INVALID_INPUT', '当前浏览器无法获取位置', 'coords'))
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
        (e) => reject(new ApiCallError('INVALID_INPUT', e.code === 1 ? DENIED : FAILED, 'coords')),
        { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 }
      )
    })
  }
  try {
    const r = await Taro.getLocation({ type: 'gcj02' })
    return { lat: r.latitude, lng: r.longitude }
  } catch (err) {
    const message = String((err as { errMsg?: string })?.errMsg ?? '')
    throw new ApiCallError('INVALID_INPUT', /auth|deny|permission/i.test(message) ? DENIED : FAILED, 'coords')
  }
}
