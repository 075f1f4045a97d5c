// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'

/** a fresh copy of the module (it keeps page-wide state: one boot terminal per page load) */
async function load() {
  vi.resetModules()
  return import('./boot-terminal')
}

const press = (key: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'metaKey'>> = {}) =>
  document.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true, ...mods }))

afterEach(() => {
  document.body.replaceChildren()
})

describe('keyToData', () => {
  it('sends what xterm would: text, Enter as CR, Backspace as DEL, arrows as escape sequences, Ctrl+C as ETX', async () => {
    const { keyToData } = await load()
    const k = (key: string, mods = {}) => keyToData({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods })
    expect(k('a')).toBe('a')
    expect(k('$')).toBe('$')
    expect(k('Enter')).toBe('\r')
    expect(k('Backspace')).toBe('\x7f')
    expect(k('ArrowUp')).toBe('\x1b[A')
    expect(k('c', { ctrlKey: true })).toBe('\x03')
    expect(k('L', { ctrlKey: true })).toBe('\x0c')
    // left to the browser: Ctrl+R, Ctrl+T, Alt and Meta chords, Shift alone, function keys
    for (const [key, mods] of [['r', { ctrlKey: true }], ['t', { ctrlKey: true }], ['x', { altKey: true }], ['v', { metaKey: true }], ['Shift', {}], ['F5', {}]] as const) {
      expect(k(key, mods)).toBeUndefined()
    }
  })
})

describe('echoLines', () => {
  it('shows typed text with Backspace applied, a new line per Enter, ^C for Ctrl+C, and no escape sequences', async () => {
    const { echoLines } = await load()
    expect(echoLines('oc get podx\x7fs\r')).toEqual(['oc get pods', ''])
    expect(echoLines('ls\x03pwd')).toEqual(['ls^C', 'pwd'])
    expect(echoLines('a\x1b[Db\x1b[3~c')).toEqual(['abc'])
  })
})

describe('the boot terminal', () => {
  it('paints the scrollback and prompt, echoes keys, and hands every keystroke to the terminal that takes over', async () => {
    const m = await load()
    m.showBootTerminal({ scrollback: ['earlier output'], prompt: '[you@bastion tmp]$ ' })
    const el = document.querySelector('[data-boot-prompt]')!
    expect(el.textContent).toContain('earlier output\n[you@bastion tmp]$ ')
    for (const key of ['l', 's', 'x', 'Backspace', 'Enter']) press(key)
    expect(el.textContent).toContain('[you@bastion tmp]$ ls\n')
    const handover = m.takeBootTerminal()
    expect(handover.input).toBe('lsx\x7f\r')
    // from now on keys belong to the real terminal
    press('z')
    expect(m.takeBootTerminal().input).toBe('')
    expect(document.querySelector('[data-boot-prompt]')).not.toBeNull()
    handover.remove()
    expect(document.querySelector('[data-boot-prompt]')).toBeNull()
    // a late paint (the app was faster than the saved record) does not cover the terminal
    m.showBootTerminal({ scrollback: [], prompt: '$ ' })
    expect(document.querySelector('[data-boot-prompt]')).toBeNull()
  })

  it('leaves when the page shows a notice instead, and drops what was typed', async () => {
    const m = await load()
    m.showBootTerminal({ scrollback: [], prompt: '$ ' })
    press('o')
    press('Enter')
    m.dismissBootTerminal()
    expect(document.querySelector('[data-boot-prompt]')).toBeNull()
    expect(m.takeBootTerminal().input).toBe('')
  })

  it('takes pasted text with its line breaks as Enter', async () => {
    const m = await load()
    m.showBootTerminal({ scrollback: [], prompt: '$ ' })
    const paste = new Event('paste', { cancelable: true, bubbles: true }) as ClipboardEvent
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'oc get nodes\noc get co\n' } })
    document.dispatchEvent(paste)
    expect(m.takeBootTerminal().input).toBe('oc get nodes\roc get co\r')
  })
})
