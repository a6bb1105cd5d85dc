import * as z from 'zod/mini'

/** The dashboard takes nothing. */
export const dashboardInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))
