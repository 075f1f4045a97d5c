/** Light and dark themes: follows prefers-color-scheme until the trainee picks one, which is remembered. */
import { readPreference, writePreference } from './preferences'

export type Theme = 'light' | 'dark'

function stored(): Theme | null {
  const v = readPreference('theme')
  return v === 'light' || v === 'dark' ? v : null
}

function preferred(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark'
}

class ThemeState {
  current = $state<Theme>('dark')

  constructor() {
    if (typeof document === 'undefined') return
    this.current = stored() ?? preferred()
    this.apply()
    if (typeof matchMedia === 'function') {
      matchMedia('(prefers-color-scheme: light)').addEventListener?.('change', () => {
        if (!stored()) {
          this.current = preferred()
          this.apply()
        }
      })
    }
  }

  toggle(): void {
    this.current = this.current === 'dark' ? 'light' : 'dark'
    writePreference('theme', this.current)
    this.apply()
  }

  private apply(): void {
    document.documentElement.dataset.theme = this.current
  }
}

export const theme = new ThemeState()
