import type { Page, PageInput } from '../../types/page'
import type { GetCheckinInput } from '../../types/analytics'
import type {
  Challenge,
  ChallengeDetail,
  ChallengePhase,
  CheckinView,
  FeedScope,
  ListChallengesInput,
  AddCommentInput,
  ChallengeIdInput,
  ChallengeInput,
  ChallengeProgress,
  CommentIdInput,
  CommentView,
  FeatureInput,
  HideCheckinInput,
  ReviewCheckinInput,
  ListCommentsInput,
  MakeupCheckinInput,
  PostCheckinInput,
  PostCheckinResult,
  ReportInput,
  ReportView,
  ResolveReportInput,
  UpdateChallengeInput
} from '../../types/checkin'
import { callFunction } from './api'
import { patchListItems, prependListItem, refetchLists, usePagedList } from './checkin-paged'
import { setQueryData, useQuery } from './use-query'
import { showError } from './show-error'
import { hasSession } from './session'

// Check-in calls and cache keys shared by the tab pages (动态, 挑战) and the
// challenge/host subpackages. Ships in the main package, so it stays small.

export const FEED_PREFIX = 'checkin.feed.'
export const CHALLENGES_PREFIX = 'checkin.challenges.'

export const feedKey = (scope: FeedScope, challengeId?: string) => `${FEED_PREFIX}${scope}${challengeId ? '.' + challengeId : ''}`
export const challengeKey = (challengeId: string) => `checkin.challenge.${challengeId}`
export const checkinKey = (checkinId: string) => `checkin.one.${checkinId}`

// H5 on first open has no dev session yet and app.ts is already sending the
// member to pick a persona: a call now would only answer UNAUTHENTICATED and
// send them there a second time (two login pages stacked). The tab pages wait;
// logging in clears the cache and they fetch then.
const EMPTY_PAGE = { items: [], next: null }
const awaitingLogin = () => process.env.TARO_ENV === 'h5' && !hasSession()

/** The testimonial feed: 20 a page, newest first. */
export function useFeed(scope: FeedScope, challengeId?: string) {
  return usePagedList<CheckinView>(feedKey(scope, challengeId), async (after) =>
    awaitingLogin() ? EMPTY_PAGE : callFunction('checkin', 'feed', { scope, ...(challengeId ? { challengeId } : {}), after })
  )
}

export function useChallenges(phase: ChallengePhase | 'all', includeArchived = false) {
  return usePagedList<Challenge>(`${CHALLENGES_PREFIX}${phase}${includeArchived ? '.archived' : ''}`, async (after) =>
    awaitingLogin() ? EMPTY_PAGE : callFunction('checkin', 'listChallenges', { phase, ...(includeArchived ? { includeArchived } : {}), after })
  )
}

export function useChallenge(challengeId: string) {
  return useQuery<ChallengeDetail>(challengeKey(challengeId), () => callFunction('checkin', 'getChallenge', { challengeId }))
}

/** A changed check-in (liked, featured, hidden, commented) shown everywhere it appears. */
export function putCheckin(checkin: CheckinView): void {
  patchListItems<CheckinView>(FEED_PREFIX, checkin.id, (old) => ({ ...old, ...checkin }))
  setQueryData(checkinKey(checkin.id), checkin)
}

/** Changes a few fields of a check-in in every list on screen (and its detail, when given). */
export function patchCheckin(id: string, change: Partial<CheckinView>, detail?: CheckinView): void {
  patchListItems<CheckinView>(FEED_PREFIX, id, (old) => ({ ...old, ...change }))
  if (detail) setQueryData(checkinKey(id), { ...detail, ...change })
}

/** A new check-in: on top of the lists that show it, then a refresh behind it. */
export function checkinPosted(checkin: CheckinView): void {
  prependListItem(feedKey('all'), checkin)
  prependListItem(feedKey('challenge', checkin.challengeId), checkin)
  setQueryData(checkinKey(checkin.id), checkin)
  // One waiting for its image check comes back pinned to its author (审核中).
  void refetchLists(FEED_PREFIX)
  void refetchLists(CHALLENGES_PREFIX)
}

export function challengeChanged(challenge: Challenge): void {
  patchListItems<Challenge>(CHALLENGES_PREFIX, challenge.id, (old) => ({ ...old, ...challenge }))
}

export function refetchChallenges(): Promise<void> {
  return refetchLists(CHALLENGES_PREFIX)
}

const liking = new Set<string>()

/**
 * Likes or unlikes at once (optimistic), then settles on the server's count;
 * on failure the old state comes back and the error is shown.
 */
export async function toggleLikeOptimistic(checkin: CheckinView, detail?: CheckinView): Promise<void> {
  if (liking.has(checkin.id)) return
  liking.add(checkin.id)
  const before = { likedByMe: checkin.likedByMe, likeCount: checkin.likeCount }
  const after = { likedByMe: !checkin.likedByMe, likeCount: Math.max(0, checkin.likeCount + (checkin.likedByMe ? -1 : 1)) }
  patchCheckin(checkin.id, after, detail)
  try {
    const result = await callFunction('checkin', 'toggleLike', { checkinId: checkin.id })
    patchCheckin(checkin.id, { likedByMe: result.liked, likeCount: result.likeCount }, detail && { ...detail, ...after })
  } catch (err) {
    patchCheckin(checkin.id, before, detail && { ...detail, ...after })
    showError(err)
  } finally {
    liking.delete(checkin.id)
  }
}

// Server calls (checkin): the pages call these, never callFunction.

export function fetchChallenges(input: ListChallengesInput): Promise<Page<Challenge>> {
  return callFunction('checkin', 'listChallenges', input)
}

export function joinChallenge(input: ChallengeIdInput): Promise<ChallengeProgress> {
  return callFunction('checkin', 'joinChallenge', input)
}

export function postCheckin(input: PostCheckinInput): Promise<PostCheckinResult> {
  return callFunction('checkin', 'postCheckin', input)
}

export function makeupCheckin(input: MakeupCheckinInput): Promise<PostCheckinResult> {
  return callFunction('checkin', 'makeupCheckin', input)
}

export function fetchCheckin(input: GetCheckinInput): Promise<CheckinView> {
  return callFunction('checkin', 'getCheckin', input)
}

export function addComment(input: AddCommentInput): Promise<CommentView> {
  return callFunction('checkin', 'addComment', input)
}

export function deleteComment(input: CommentIdInput): Promise<{ deleted: true }> {
  return callFunction('checkin', 'deleteComment', input)
}

export function fetchComments(input: ListCommentsInput): Promise<Page<CommentView>> {
  return callFunction('checkin', 'listComments', input)
}

export function reportContent(input: ReportInput): Promise<{ reported: true }> {
  return callFunction('checkin', 'report', input)
}

export function createChallenge(input: ChallengeInput): Promise<Challenge> {
  return callFunction('challenges', 'createChallenge', input)
}

export function updateChallenge(input: UpdateChallengeInput): Promise<Challenge> {
  return callFunction('challenges', 'updateChallenge', input)
}

export function archiveChallenge(input: ChallengeIdInput): Promise<Challenge> {
  return callFunction('challenges', 'archiveChallenge', input)
}

export function featureCheckin(input: FeatureInput): Promise<CheckinView> {
  return callFunction('challenges', 'featureCheckin', input)
}

export function hideCheckin(input: HideCheckinInput): Promise<CheckinView> {
  return callFunction('challenges', 'hideCheckin', input)
}

/** 点评 (challenges with host review): 优秀 / 合格 / 不合格 and a comment. */
export function reviewCheckin(input: ReviewCheckinInput): Promise<CheckinView> {
  return callFunction('challenges', 'reviewCheckin', input)
}

export function hideComment(input: CommentIdInput): Promise<{ hidden: true }> {
  return callFunction('challenges', 'hideComment', input)
}

export function fetchModerationQueue(input: PageInput): Promise<Page<ReportView>> {
  return callFunction('challenges', 'moderationQueue', input)
}

export function resolveReport(input: ResolveReportInput): Promise<ReportView> {
  return callFunction('challenges', 'resolveReport', input)
}
