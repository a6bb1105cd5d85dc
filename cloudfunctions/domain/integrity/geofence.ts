// A challenge with a place: a check-in must carry the member's shared position
// within the challenge's radius of it (great-circle distance, haversine).
import type { Geofence } from '../../../types/checkin'
import { AppError } from '../../platform/app-error'

const EARTH_RADIUS_M = 6_371_008.8

/** Metres between two points given in degrees. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The position to keep on the check-in (geofenced challenges), or refuses one missing or outside the radius. */
export function checkGeofence(geofence: Geofence | null | undefined, coords: { lat: number; lng: number } | undefined): { lat: number; lng: number } | null {
  if (!geofence) return null
  if (!coords) throw new AppError('INVALID_INPUT', `这个挑战需要在「${geofence.name}」打卡，请允许获取你的位置后再提交`, 'coords')
  const distance = distanceMetres(geofence, coords)
  if (distance > geofence.radiusM) {
    const away = distance >= 1000 ? `${(distance / 1000).toFixed(1)} 公里` : `${Math.round(distance)} 米`
    throw new AppError('OUT_OF_AREA', `你不在「${geofence.name}」附近（距离约 ${away}，需在 ${geofence.radiusM} 米内），到达后再打卡吧`, 'coords')
  }
  return { lat: Math.round(coords.lat * 1e5) / 1e5, lng: Math.round(coords.lng * 1e5) / 1e5 }
}
