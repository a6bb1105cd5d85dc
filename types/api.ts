// The contract of every cloud function action: what the client sends, what it gets back.
// Both src/ (the typed client) and cloudfunctions/ (the action registry) are checked against it.
import type { MeInput, MemberProfile, UpdateProfileInput } from './member'
import type { CronRunInput, CronRunReport } from './cron'

export interface ApiContract {
  member: {
    me: { input: MeInput; output: MemberProfile }
    updateProfile: { input: UpdateProfileInput; output: MemberProfile }
  }
  cron: {
    run: { input: CronRunInput; output: CronRunReport }
  }
}

export type FunctionName = keyof ApiContract
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> =
  ApiContract[F][A] extends { input: infer I } ? I : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> =
  ApiContract[F][A] extends { output: infer O } ? O : never

/** The event a function receives: the action name beside the action's own fields. */
export type ActionEvent<F extends FunctionName, A extends ActionName<F>> = { action: A } & ActionInput<F, A>
