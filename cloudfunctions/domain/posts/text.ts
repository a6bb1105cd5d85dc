// Text rules for posts: the teaser a locked post shows, topics, and the
// normalised text keyword search matches.

const TEASER_LENGTH = 40

/** The title, else the text's first non-empty line, cut to 40 characters. */
export function teaserOf(title: string, text: string): string {
  const line = title.trim() || (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim()
  const chars = [...line]
  return chars.length > TEASER_LENGTH ? `${chars.slice(0, TEASER_LENGTH).join('')}…` : line
}

/** Topics as stored: trimmed, a leading # dropped, duplicates removed, in the order given. */
export function normaliseTopics(topics: string[]): string[] {
  return [
    ...new Set(
      topics
        .map((t) =>
          t
            .trim()
            .replace(/^#+|#+$/g, '')
            .trim()
        )
        .filter((t) => t.length > 0)
    )
  ]
}

/** Full-width to half-width, one case, one kind of whitespace: what search compares. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The words of a query: every one must appear in a post (Chinese needs no spaces: 一个词 is matched as a substring). */
export function queryWords(q: string): string[] {
  return [
    ...new Set(
      normaliseForSearch(q)
        .split(' ')
        .filter((w) => w.length > 0)
    )
  ].slice(0, 5)
}
