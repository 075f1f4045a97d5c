/**
 * The trainee's small preferences (theme, vi keys, screen reader mode), remembered in localStorage. Storage that is
 * missing or refuses (private mode, quota) only means the choice lasts for this page.
 */
const PREFIX = 'registry-workshop:'

export function readPreference(name: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + name) ?? null
  } catch {
    return null
  }
}

export function writePreference(name: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + name, value)
  } catch {
    // not remembered
  }
}
