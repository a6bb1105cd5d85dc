import type { Challenge, ChallengeInput, ForfeitTo } from '../../../../types/checkin'

// The form keeps numbers as typed text (a half-typed "1" or an empty box are
// normal while editing) and turns them into a ChallengeInput on save.

export interface BonusRow {
  key: number
  day: string
  points: string
}

export interface FormState {
  title: string
  description: string
  coverFileId: string
  coverUrl: string
  startDate: string
  days: string
  windowStart: string
  windowEnd: string
  minTextLength: string
  minPhotos: number
  maxPhotos: number
  pointsPerCheckin: string
  bonuses: BonusRow[]
  makeupCardsPerMember: number
  /** 完成条件: days needed as typed ('': all of them), and whether make-up days count. */
  completionDays: string
  makeupsCount: boolean
  /** 打卡地点 (geofence): on or off, the place's name, its position as typed and the radius in metres. */
  geofenceOn: boolean
  placeName: string
  placeLat: string
  placeLng: string
  placeRadius: string
  /** 主理人点评: the host grades each check-in. */
  hostReview: boolean
  minTierLevel: number
  /** 押金 in whole yuan as typed ('0': none), and where forfeits go. */
  depositYuan: string
  forfeitTo: ForfeitTo
}

export type FieldName = keyof ChallengeInput
export type FieldErrors = Partial<Record<FieldName, string>>

export const TITLE_MAX = 40
export const DESCRIPTION_MAX = 2000

let bonusKey = 0
export const newBonus = (day = '', points = ''): BonusRow => ({ key: ++bonusKey, day, points })

export function emptyForm(today: string): FormState {
  return {
    title: '',
    description: '',
    coverFileId: '',
    coverUrl: '',
    startDate: today,
    days: '21',
    // All day by default: hosts who want an early-bird window narrow it.
    windowStart: '00:00',
    windowEnd: '23:59',
    minTextLength: '5',
    minPhotos: 0,
    maxPhotos: 9,
    pointsPerCheckin: '10',
    bonuses: [newBonus('7', '50'), newBonus('21', '200')],
    makeupCardsPerMember: 2,
    completionDays: '',
    makeupsCount: true,
    geofenceOn: false,
    placeName: '',
    placeLat: '',
    placeLng: '',
    placeRadius: '500',
    hostReview: false,
    minTierLevel: 1,
    depositYuan: '0',
    forfeitTo: 'completers'
  }
}

export function formOf(challenge: Challenge): FormState {
  return {
    title: challenge.title,
    description: challenge.description,
    coverFileId: challenge.coverFileId,
    coverUrl: challenge.coverUrl,
    startDate: challenge.startDate,
    days: String(challenge.days),
    windowStart: challenge.windowStart,
    windowEnd: challenge.windowEnd,
    minTextLength: String(challenge.minTextLength),
    minPhotos: challenge.minPhotos,
    maxPhotos: challenge.maxPhotos,
    pointsPerCheckin: String(challenge.pointsPerCheckin),
    bonuses: challenge.streakBonuses.map((b) => newBonus(String(b.day), String(b.points))),
    makeupCardsPerMember: challenge.makeupCardsPerMember,
    completionDays: challenge.completionDays >= challenge.days ? '' : String(challenge.completionDays),
    makeupsCount: challenge.makeupsCount,
    geofenceOn: Boolean(challenge.geofence),
    placeName: challenge.geofence?.name ?? '',
    placeLat: challenge.geofence ? String(challenge.geofence.lat) : '',
    placeLng: challenge.geofence ? String(challenge.geofence.lng) : '',
    placeRadius: String(challenge.geofence?.radiusM ?? 500),
    hostReview: challenge.hostReview ?? false,
    minTierLevel: challenge.minTierLevel,
    depositYuan: String(Math.floor((challenge.depositFen ?? 0) / 100)),
    forfeitTo: challenge.forfeitTo ?? 'completers'
  }
}

function int(text: string): number | null {
  const trimmed = text.trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null
}

/** The input to send, or the fields to fix (same wording as the server's rules). */
export function toInput(form: FormState): { input: ChallengeInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写挑战标题'
  else if ([...title].length > TITLE_MAX) errors.title = `标题最多 ${TITLE_MAX} 个字`
  if ([...form.description].length > DESCRIPTION_MAX) errors.description = `介绍最多 ${DESCRIPTION_MAX} 个字`
  const days = int(form.days)
  if (days === null || days < 1 || days > 365) errors.days = '天数需在 1–365 之间'
  if (form.windowStart >= form.windowEnd) errors.windowStart = '每日打卡开始时间需早于结束时间'
  const minTextLength = int(form.minTextLength)
  if (minTextLength === null || minTextLength > 500) errors.minTextLength = '最少字数需在 0–500 之间'
  if (form.minPhotos > form.maxPhotos) errors.minPhotos = '最少图片数不能大于最多图片数'
  const points = int(form.pointsPerCheckin)
  if (points === null || points > 1000) errors.pointsPerCheckin = '打卡积分需在 0–1000 之间'
  const streakBonuses = form.bonuses.map((row) => ({ day: int(row.day), points: int(row.points) }))
  if (streakBonuses.some((b) => b.day === null || b.day < 2 || b.points === null || b.points < 1 || b.points > 10000)) {
    errors.streakBonuses = '每档奖励需填写连续天数（≥2）和奖励积分（1–10000）'
  } else if (new Set(streakBonuses.map((b) => b.day)).size !== streakBonuses.length) {
    errors.streakBonuses = '连续打卡奖励的天数不能重复'
  } else if (days !== null && streakBonuses.some((b) => (b.day ?? 0) > days)) {
    errors.streakBonuses = '连续打卡奖励的天数不能超过挑战天数'
  }
  const completionDays = form.completionDays.trim() === '' ? days : int(form.completionDays)
  if (completionDays === null || completionDays < 1 || (days !== null && completionDays > days)) errors.completionDays = `完成所需天数需在 1–${days ?? 365} 之间`
  const depositYuan = int(form.depositYuan || '0')
  if (depositYuan === null || depositYuan > 1000) errors.depositFen = '押金需在 0–1000 元之间'
  if (form.geofenceOn) {
    const lat = Number(form.placeLat)
    const lng = Number(form.placeLng)
    const radius = int(form.placeRadius)
    if (!form.placeName.trim()) errors.geofence = '请填写打卡地点的名称'
    else if (form.placeLat.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90 || form.placeLng.trim() === '' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
      errors.geofence = '请填写正确的经纬度，或点「用我现在的位置」'
    } else if (radius === null || radius < 50 || radius > 5000) errors.geofence = '打卡范围需在 50–5000 米之间'
  }
  if (Object.keys(errors).length > 0) return { errors }
  return {
    input: {
      title,
      description: form.description.trim(),
      coverFileId: form.coverFileId,
      startDate: form.startDate,
      days: days!,
      windowStart: form.windowStart,
      windowEnd: form.windowEnd,
      minTextLength: minTextLength!,
      minPhotos: form.minPhotos,
      maxPhotos: form.maxPhotos,
      pointsPerCheckin: points!,
      streakBonuses: streakBonuses.map((b) => ({ day: b.day!, points: b.points! })).sort((a, b) => a.day - b.day),
      makeupCardsPerMember: form.makeupCardsPerMember,
      completionDays: completionDays!,
      makeupsCount: form.makeupsCount,
      // Circles are not built yet: every challenge is open to everyone who meets the tier.
      circleId: null,
      geofence: form.geofenceOn ? { name: form.placeName.trim(), lat: Number(form.placeLat), lng: Number(form.placeLng), radiusM: Number(form.placeRadius) } : null,
      hostReview: form.hostReview,
      minTierLevel: form.minTierLevel,
      depositFen: depositYuan! * 100,
      forfeitTo: form.forfeitTo
    }
  }
}

/** Only what changed, for updateChallenge (an unchanged start date must not trip the "already has check-ins" rule). */
export function changesOf(before: Challenge, after: ChallengeInput): Partial<ChallengeInput> {
  const changes: Partial<ChallengeInput> = {}
  // Challenges stored before deposits existed read as none, shared by completers.
  const was: Partial<ChallengeInput> = { ...before, depositFen: before.depositFen ?? 0, forfeitTo: before.forfeitTo ?? 'completers' }
  for (const key of Object.keys(after) as FieldName[]) {
    if (key === 'circleId') continue
    if (JSON.stringify(after[key]) !== JSON.stringify(was[key])) (changes as Record<string, unknown>)[key] = after[key]
  }
  return changes
}

/** Server field paths like "streakBonuses.0.day" → the form field that shows the message. */
export function fieldOf(path: string | undefined): FieldName | null {
  if (!path) return null
  const head = path.split('.')[0] as FieldName
  return [
    'title',
    'description',
    'coverFileId',
    'startDate',
    'days',
    'windowStart',
    'windowEnd',
    'minTextLength',
    'minPhotos',
    'maxPhotos',
    'pointsPerCheckin',
    'streakBonuses',
    'makeupCardsPerMember',
    'completionDays',
    'makeupsCount',
    'geofence',
    'hostReview',
    'minTierLevel',
    'depositFen',
    'forfeitTo'
  ].includes(head)
    ? head
    : null
}
