export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export async function timeEach(times: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint()
    await fn(i)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return samples
}

export const round = (n: number, digits = 3) => Number(n.toFixed(digits))
