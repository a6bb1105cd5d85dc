import * as z from 'zod/mini'
import { COMMUNITY_INTRO_MAX, COMMUNITY_NAME_MAX, COMMUNITY_RULES_MAX, COMMUNITY_WELCOME_MAX, type UpdateCommunityInput } from '../../../types/community'
import { fileIdSchema } from '../members/schemas'

// Control characters, line separators, zero-width spaces and direction overrides make a name that looks
// empty or reads backwards; a lone surrogate is not text. (The joiner U+200D stays: emoji sequences use it.)
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export const communityNameSchema = z.string({ error: '社群名称必须是文字' }).check(
  z.maxLength(200, { error: `社群名称最多 ${COMMUNITY_NAME_MAX} 个字` }),
  z.trim(),
  z.refine((s) => [...s].length >= 1, { error: '请填写社群名称' }),
  z.refine((s) => [...s].length <= COMMUNITY_NAME_MAX, { error: `社群名称最多 ${COMMUNITY_NAME_MAX} 个字` }),
  z.refine((s) => !UNSHOWABLE.test(s), { error: '社群名称不能包含不可见字符' })
)

// The same, with line breaks allowed (rules and the welcome are paragraphs).
const UNSHOWABLE_IN_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Optional text of at most `max` characters after trimming ('' clears it); `multiline` allows line breaks. */
function textSchema(label: string, max: number, multiline: boolean) {
  const unshowable = multiline ? UNSHOWABLE_IN_TEXT : UNSHOWABLE
  return z.string({ error: `${label}必须是文字` }).check(
    z.maxLength(max * 4, { error: `${label}最多 ${max} 个字` }),
    z.trim(),
    z.refine((s) => [...s].length <= max, { error: `${label}最多 ${max} 个字` }),
    z.refine((s) => !unshowable.test(s), { error: multiline ? `${label}不能包含不可见字符` : `${label}只能是一行，不能包含不可见字符` })
  )
}

export const communityInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))

export const updateCommunityInput: z.ZodMiniType<UpdateCommunityInput> = z.lazy(() =>
  z.strictObject({
    name: communityNameSchema,
    logoFileId: z.optional(fileIdSchema),
    intro: z.optional(textSchema('简介', COMMUNITY_INTRO_MAX, false)),
    rules: z.optional(textSchema('群规', COMMUNITY_RULES_MAX, true)),
    welcome: z.optional(textSchema('欢迎语', COMMUNITY_WELCOME_MAX, true))
  })
)
