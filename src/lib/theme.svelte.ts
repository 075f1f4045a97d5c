/** Light and dark themes: follows prefers-color-scheme until the trainee picks one, which is remembered. */
export type Theme = 'light' | 'dark'

const KEY = 'registry-workshop:theme'

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : null
  } catch {
    return null
  }
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
    try {
      localStorage.setItem(KEY, this.current)
    } catch {
      // not remembered
    }
    this.apply()
  }

  private apply(): void {
    document.documentElement.dataset.theme = this.current
  }
}

export const theme = new ThemeState()
