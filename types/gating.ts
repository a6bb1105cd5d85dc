// Content gated by a circle or a tier (challenges, events): shown locked, with
// what unlocks it, to members who cannot take part yet.

export type LockView =
  /** 加入「圈名」后可参加: the circle's join page unlocks it (lowestPriceFen: its cheapest plan; null for a free circle). */
  | { kind: 'circle'; circleId: string; circleName: string; lowestPriceFen: number | null; text: string }
  /** 达到 LvN 解锁: the growth page shows how. */
  | { kind: 'tier'; tierLevel: number; myTierLevel: number; text: string }
