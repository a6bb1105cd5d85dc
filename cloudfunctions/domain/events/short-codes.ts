// A ticket's short code: 6 characters a host can type at the door instead of
// the signed token. The alphabet leaves out what reads alike (0/O, 1/I/L), so
// 31^6 ≈ 887 million codes. Unique per event: a code is claimed by inserting
// the document `${eventId}:${code}` outside any transaction (a duplicate id is a
// conflict, and a failed insert inside a transaction would abort it), then
// bound to the signup by a conditional update, so two first views at once end
// with one code.
import { randomInt } from 'node:crypto'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { isConflict } from '../../ports/store'
import { SIGNUPS, type SignupDoc } from './event'

export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const SHORT_CODE_LENGTH = 6
export const TICKET_CODES = COLLECTIONS.ticketCodes.name

export interface TicketCodeDoc {
  _id: string // `${eventId}:${code}`
  eventId: string
  signupId: string
  code: string
  createdAt: number
}

export function ticketCodeId(eventId: string, code: string): string {
  return `${eventId}:${code}`
}

export function randomShortCode(): string {
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]
  return code
}

/** As typed at the door: any case, with spaces or a dash between the halves. */
export function normalizeShortCode(typed: string): string {
  return typed.replace(/[\s\-·]/g, '').toUpperCase()
}

/** Refuses what cannot be a short code, saying why. */
export function assertShortCodeShape(code: string): void {
  if (code.length !== SHORT_CODE_LENGTH) throw new AppError('INVALID_INPUT', '请输入 6 位票码，或扫描二维码', 'ticketCode')
  if (/[0O1IL]/.test(code)) throw new AppError('INVALID_INPUT', '票码不含 0、O、1、I、L，请核对后再输入', 'ticketCode')
  if (![...code].every((c) => SHORT_CODE_ALPHABET.includes(c))) throw new AppError('INVALID_INPUT', '票码只有字母和数字，请核对后再输入', 'ticketCode')
}

/**
 * The signup's short code, drawn and claimed on first need (a confirmed or
 * attended signup's first view). Two requests the first time, none after.
 */
export async function ensureShortCode(runtime: Runtime, signup: SignupDoc, draw: () => string = randomShortCode): Promise<string> {
  if (signup.shortCode) return signup.shortCode
  const codes = runtime.store.collection<TicketCodeDoc>(TICKET_CODES)
  const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = draw()
    const id = ticketCodeId(signup.eventId, code)
    try {
      await codes.insert({ _id: id, eventId: signup.eventId, signupId: signup._id, code, createdAt: runtime.clock.now() })
    } catch (error) {
      if (isConflict(error)) continue // taken in this event: draw again
      throw error
    }
    if (await signups.updateIf(signup._id, { shortCode: { $exists: false } }, { set: { shortCode: code } })) return code
    // Another view bound a code first: give this one back and show theirs.
    await codes.remove(id)
    return (await signups.get(signup._id))?.shortCode ?? ''
  }
  throw new AppError('BUSY', '票码生成失败，请稍后再试')
}

/** The signup a short code was given to in this event, or null. */
export async function signupIdForShortCode(runtime: Runtime, eventId: string, code: string): Promise<string | null> {
  return (await runtime.store.collection<TicketCodeDoc>(TICKET_CODES).get(ticketCodeId(eventId, code)))?.signupId ?? null
}
