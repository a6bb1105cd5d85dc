import type { Page } from '../../types/page'

/**
 * Every page of a keyset-paged list, for pickers that must offer all of it (a
 * host's campaigns or upcoming events), up to a bound so a runaway list cannot
 * hang the form.
 */
export async function fetchAllPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>, maxPages = 10): Promise<Page<T>> {
  const items: T[] = []
  let after: string | null = null
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await fetchPage(after)
    items.push(...page.items)
    if (!page.next) return { items, next: null }
    after = page.next
  }
  return { items, next: after }
}
