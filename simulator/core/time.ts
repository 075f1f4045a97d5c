/** RFC 3339 timestamps (second precision, UTC) as the API server writes them. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** Parses an RFC 3339 timestamp to epoch milliseconds (NaN when invalid). */
export function parseTime(s: string | undefined): number {
  return s ? Date.parse(s) : NaN
}
