// Dev personas: any name signs in as a member with a stable openid; the seeded
// ones come with a nickname so a newcomer meets a living community.

export const PERSONA_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

export interface SeedPersona {
  persona: string
  nickname: string
}

export const SEED_PERSONAS: SeedPersona[] = [
  { persona: 'host', nickname: '主理人·林教练' },
  { persona: 'xiaomei', nickname: '小美' },
  { persona: 'dawei', nickname: '大伟' },
  { persona: 'ajie', nickname: '阿杰' },
  { persona: 'lily', nickname: 'Lily' }
]

export function personaOpenid(persona: string): string {
  return `dev_${persona}`
}

/** HOST_OPENIDS entries may be persona names (host) or openids (dev_host, o…). */
export function hostOpenidsFrom(value: string | undefined): Set<string> {
  const entries = (value ?? 'host')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return new Set(entries.flatMap((entry) => [entry, personaOpenid(entry)]))
}
