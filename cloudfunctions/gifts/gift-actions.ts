// 送 gifts: two-sided invites (the invitee's welcome gift, granted on the invite-join path in member.me) and gift
// memberships (礼品卡): domain/plays/gift.
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/plays/gift/schemas'
import { buyGiftCard, claimGiftCard, getGiftCard, giftPlans, myGiftCards } from '../domain/plays/gift/cards'
import { giftLogs, hostGiftView, hostGifts, measuresOf } from '../domain/plays/gift/host'
import { myWelcomeGift, setWelcomeGift } from '../domain/plays/gift/welcome'

type GiftActionName = 'hostGifts' | 'setWelcomeGift' | 'giftLogs' | 'giftPlans' | 'buyGiftCard' | 'myGiftCards' | 'giftCard' | 'claimGiftCard' | 'myWelcomeGift'

export const giftActions: Pick<ActionMap<'gifts'>, GiftActionName> = {
  hostGifts: { role: 'admin', input: s.emptyInput, example: {}, handle: (_input, { runtime }) => hostGifts(runtime) },
  setWelcomeGift: {
    role: 'admin',
    input: s.setWelcomeGiftInput,
    example: { welcome: { type: 'makeupCard', count: 1 } },
    handle: async (input, { runtime, caller, now }) => {
      const settings = await setWelcomeGift(runtime, caller, input, now)
      return hostGiftView(settings, await measuresOf(runtime, settings))
    }
  },
  giftLogs: { role: 'admin', input: s.giftLogsInput, example: { source: 'welcomes' }, handle: (input, { runtime }) => giftLogs(runtime, input) },
  giftPlans: { role: 'member', input: s.emptyInput, example: {}, handle: (_input, { runtime }) => giftPlans(runtime) },
  buyGiftCard: {
    role: 'member',
    input: s.buyGiftCardInput,
    example: { circleId: 'c1', planId: 'p1', message: '一起来打卡' },
    handle: (input, { runtime, caller, now }) => buyGiftCard(runtime, caller, input, now)
  },
  myGiftCards: { role: 'member', input: s.giftPageInput, example: {}, handle: (input, { runtime, caller, now }) => myGiftCards(runtime, caller, input, now) },
  giftCard: { role: 'member', input: s.giftCardIdInput, example: { cardId: 'g1' }, handle: (input, { runtime, caller, now }) => getGiftCard(runtime, caller, input.cardId, now) },
  claimGiftCard: { role: 'member', input: s.giftCardIdInput, example: { cardId: 'g1' }, handle: (input, { runtime, caller, now }) => claimGiftCard(runtime, caller, input.cardId, now) },
  myWelcomeGift: { role: 'member', input: s.emptyInput, example: {}, handle: (_input, { runtime, caller }) => myWelcomeGift(runtime, caller) }
}
