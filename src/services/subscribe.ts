// Subscribe messages (订阅消息): WeChat sends a member one message per template
// for each time they accepted it in requestSubscribeMessage, and that dialog
// only opens from a tap (or a payment callback). So:
//   1. a page prefetches the template ids when it shows (prefetchSubscribeTemplates),
//   2. its tap handler calls requestSubscribe(keys) FIRST, before any await —
//      Taro.requestSubscribeMessage is then invoked synchronously inside the tap —
//      and may await the answer before its main call,
//   3. the accepted keys are recorded on the server (member.recordSubscribeGrants),
//      which spends one per message it sends.
// On the dev host (H5) there is no WeChat and no requestSubscribeMessage (Taro's H5
// build only logs "not supported"): the server says mode 'simulated' and this module
// records an "accept" for every key, so the local flow (reminders, outbox) is walkable.
// Asking never blocks or fails the member's action: any error here is swallowed.
import Taro from '@tarojs/taro'
import type { SubscribeTemplateKey, SubscribeTemplates } from '../../types/notifications'
import { callFunction } from './api'
import { newRequestId } from './request-id'

/** WeChat's limit per requestSubscribeMessage call (types/notifications MAX_TEMPLATES_PER_REQUEST; types/ is type-only for the app build). */
const MAX_TEMPLATES_PER_REQUEST = 3

let templates: SubscribeTemplates | null = null
let loading: Promise<SubscribeTemplates | null> | null = null

/** Loads the template ids once per app session (call it when a page that asks shows). */
export function prefetchSubscribeTemplates(): Promise<SubscribeTemplates | null> {
  if (templates) return Promise.resolve(templates)
  loading ??= callFunction('member', 'subscribeTemplates', {})
    .then((loaded) => (templates = loaded))
    .catch(() => null)
    .finally(() => {
      loading = null
    })
  return loading
}

const isH5 = process.env.TARO_ENV === 'h5'

/** What the dialog answered, per template id ('accept' | 'reject' | 'ban' | 'filter'). */
type Answer = Record<string, unknown>

function askWeChat(ids: string[]): Promise<Answer> {
  // Must run synchronously in the tap: no await may come before this call.
  return Taro.requestSubscribeMessage({ tmplIds: ids } as Parameters<typeof Taro.requestSubscribeMessage>[0]) as unknown as Promise<Answer>
}

/**
 * Asks the member for up to 3 templates and records what they accepted. Call it
 * first thing in a tap handler; await it (or not) afterwards. Resolves to the
 * accepted keys ([] when nothing was asked or accepted).
 */
export function requestSubscribe(keys: readonly SubscribeTemplateKey[]): Promise<SubscribeTemplateKey[]> {
  const wanted = [...new Set(keys)].slice(0, MAX_TEMPLATES_PER_REQUEST)
  const known = templates
  if (!known) {
    // Not loaded yet (first tap right after the page opened): load for next time, ask nothing now.
    void prefetchSubscribeTemplates()
    return Promise.resolve([])
  }
  const asked = wanted.filter((key) => known.templates[key])
  if (asked.length === 0) return Promise.resolve([])
  let answer: Promise<SubscribeTemplateKey[]>
  if (isH5 || known.mode === 'simulated') {
    // The dev host: no WeChat dialog exists; the member "accepts" every template asked for.
    answer = Promise.resolve(asked)
  } else {
    const byId = new Map(asked.map((key) => [known.templates[key]!, key]))
    answer = askWeChat([...byId.keys()]).then((result) => [...byId].filter(([id]) => result[id] === 'accept').map(([, key]) => key))
  }
  return answer
    .then(async (accepted) => {
      if (accepted.length === 0) return []
      const recorded = await callFunction('member', 'recordSubscribeGrants', { requestId: newRequestId('sub'), accepted })
      templates = { ...known, grants: recorded.grants }
      return accepted
    })
    .catch(() => [] as SubscribeTemplateKey[])
}

/** The keys each tap that leads to messages asks for (at most 3 each). */
export const SUBSCRIBE_FOR = {
  membership: ['membershipActive', 'renewalReminder', 'membershipExpired'],
  trial: ['renewalReminder', 'membershipExpired'],
  eventSignup: ['eventReminder', 'waitlistPromoted', 'eventCancelled'],
  contest: ['prizeWon'],
  refund: ['refundResult'],
  challengeJoin: ['checkinReminder', 'streakReminder', 'tierUp'],
  reminders: ['checkinReminder', 'streakReminder'],
  /** Claiming a gift in 消息: later community notices (recall, automations) may also come as a WeChat message. */
  inbox: ['communityNotice']
} as const satisfies Record<string, readonly SubscribeTemplateKey[]>

/**
 * Each grant brings one message, so a daily reminder needs a fresh grant each
 * day: the check-in tap asks again for the challenges whose reminders the
 * member turned on (remembered here from the reminder toggles, this session).
 */
const remindersOn = new Map<string, boolean>()

export function noteReminderOptIn(challengeId: string, on: boolean): void {
  remindersOn.set(challengeId, on)
}

export function wantsReminders(challengeId: string): boolean {
  return remindersOn.get(challengeId) === true
}
