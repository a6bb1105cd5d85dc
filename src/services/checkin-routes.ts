// Pages of the check-in and host subpackages, in one place so a moved page breaks one line.
export const FEED_PAGE = '/pages/feed/index'
export const CHALLENGES_PAGE = '/pages/challenges/index'
export const CHALLENGE_DETAIL_PAGE = '/packages/challenge/detail/index'
export const COMPOSE_PAGE = '/packages/challenge/compose/index'
export const CHECKIN_DETAIL_PAGE = '/packages/challenge/checkin/index'
export const HOST_HOME_PAGE = '/packages/host/index/index'
export const HOST_CHALLENGES_PAGE = '/packages/host/challenges/index'
export const CHALLENGE_FORM_PAGE = '/packages/host/challenge-form/index'
export const MODERATION_PAGE = '/packages/host/moderation/index'
export const HOST_GROWTH_PAGE = '/packages/host-growth/index/index'

export const challengeDetailUrl = (challengeId: string) => `${CHALLENGE_DETAIL_PAGE}?id=${encodeURIComponent(challengeId)}`
export const checkinDetailUrl = (checkinId: string, focusComment = false) =>
  `${CHECKIN_DETAIL_PAGE}?id=${encodeURIComponent(checkinId)}${focusComment ? '&comment=1' : ''}`
export const composeUrl = (challengeId: string, makeupDate?: string) =>
  `${COMPOSE_PAGE}?challengeId=${encodeURIComponent(challengeId)}${makeupDate ? `&date=${makeupDate}` : ''}`
export const challengeFormUrl = (challengeId?: string) => (challengeId ? `${CHALLENGE_FORM_PAGE}?id=${encodeURIComponent(challengeId)}` : CHALLENGE_FORM_PAGE)

/** A page's query value as sent: WeChat hands query values over still encoded, and so does Taro's H5 router. */
export function routeParam(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
