import { describe, expect, it } from 'vitest'
import { LineEditor, commonPrefix, type LineEditorHost } from './line-editor'
import { formatColumns, splitKeys, toTerminalNewlines, visibleLength } from './keys'

const UP = '\x1b[A'
const DOWN = '\x1b[B'
const LEFT = '\x1b[D'
const RIGHT = '\x1b[C'
const HOME = '\x1b[H'
const END = '\x1b[F'
const DEL = '\x1b[3~'
const BS = '\x7f'
const CTRL = (c: string) => String.fromCharCode(c.toUpperCase().charCodeAt(0) - 64)

function makeHost(overrides: Partial<LineEditorHost> & { hist?: string[] } = {}): LineEditorHost & { hist: string[] } {
  const hist = overrides.hist ?? []
  return {
    hist,
    prompt: () => '$ ',
    continuationPrompt: () => '> ',
    // unfinished: odd number of single quotes, or a trailing backslash
    isComplete: (text) => (text.match(/'/g) ?? []).length % 2 === 0 && !text.endsWith('\\'),
    history: () => hist,
    complete: () => ({ candidates: [], replaceFrom: 0 }),
    columns: () => 80,
    ...overrides,
  }
}

function editor(host = makeHost()) {
  const ed = new LineEditor(host)
  ed.start()
  return ed
}

describe('splitKeys', () => {
  it('splits characters, control keys and escape sequences', () => {
    expect(splitKeys('ab\x1b[A\x7f\x1b[3~\x1bOH\x1b[1;5Dc\r')).toEqual([
      'a', 'b', '\x1b[A', '\x7f', '\x1b[3~', '\x1bOH', '\x1b[1;5D', 'c', '\r',
    ])
  })
  it('treats CRLF as one Enter and keeps surrogate pairs together', () => {
    expect(splitKeys('a\r\nb\n😀')).toEqual(['a', '\r', 'b', '\n', '😀'])
  })
})

describe('editing', () => {
  it('inserts at the cursor and moves with Left/Right/Home/End', () => {
    const ed = editor()
    ed.feed('helo')
    ed.feed(LEFT)
    ed.feed('l')
    expect(ed.buffer).toBe('hello')
    ed.feed(HOME + '> ' + END + '!')
    expect(ed.buffer).toBe('> hello!')
    ed.feed(CTRL('a') + RIGHT + RIGHT + DEL)
    expect(ed.buffer).toBe('> ello!')
    ed.feed(CTRL('e') + BS)
    expect(ed.buffer).toBe('> ello')
    expect(ed.cursor).toBe(6)
  })

  it('Ctrl+W deletes the word before the cursor', () => {
    const ed = editor()
    ed.feed('oc get pods  ')
    ed.feed(CTRL('w'))
    expect(ed.buffer).toBe('oc get ')
    ed.feed(CTRL('w'))
    expect(ed.buffer).toBe('oc ')
    ed.feed('get nodes' + LEFT.repeat(5) + CTRL('w'))
    expect(ed.buffer).toBe('oc nodes')
    expect(ed.cursor).toBe(3)
  })

  it('Ctrl+U deletes to the start of the line, Ctrl+K to the end', () => {
    const ed = editor()
    ed.feed('oc get nodes' + LEFT.repeat(5))
    ed.feed(CTRL('u'))
    expect(ed.buffer).toBe('nodes')
    expect(ed.cursor).toBe(0)
    ed.feed(RIGHT + RIGHT + CTRL('k'))
    expect(ed.buffer).toBe('no')
  })

  it('Ctrl+L clears the screen and redraws the line', () => {
    const ed = editor()
    ed.feed('abc')
    const { output } = ed.feed(CTRL('l'))
    expect(output.startsWith('\x1b[H\x1b[2J$ abc')).toBe(true)
    expect(ed.buffer).toBe('abc')
  })

  it('Ctrl+C abandons the line and prints ^C and a new prompt', () => {
    const ed = editor()
    const { output, action } = ed.feed('abc' + CTRL('c'))
    expect(action).toBeUndefined()
    expect(output).toContain('^C\r\n$ ')
    expect(ed.buffer).toBe('')
  })

  it('Ctrl+D on an empty line reports end of input, otherwise deletes under the cursor', () => {
    const ed = editor()
    expect(ed.feed(CTRL('d')).action).toEqual({ type: 'eof' })
    ed.feed('ab' + LEFT + CTRL('d'))
    expect(ed.buffer).toBe('a')
    expect(ed.feed(CTRL('d')).action).toBeUndefined()
  })

  it('Enter returns the line to execute', () => {
    const ed = editor()
    const r = ed.feed('oc whoami\r')
    expect(r.action).toEqual({ type: 'execute', text: 'oc whoami' })
    expect(r.output.endsWith('\r\n')).toBe(true)
  })
})

describe('history', () => {
  it('Up and Down walk the history and restore the line being typed', () => {
    const ed = editor(makeHost({ hist: ['one', 'two', 'three'] }))
    ed.feed('draft')
    ed.feed(UP)
    expect(ed.buffer).toBe('three')
    ed.feed(UP + UP)
    expect(ed.buffer).toBe('one')
    ed.feed(UP)
    expect(ed.buffer).toBe('one')
    ed.feed(DOWN)
    expect(ed.buffer).toBe('two')
    expect(ed.cursor).toBe(3)
    ed.feed(DOWN + DOWN)
    expect(ed.buffer).toBe('draft')
    ed.feed(DOWN)
    expect(ed.buffer).toBe('draft')
  })

  it('starts from the newest entry again after a command ran', () => {
    const host = makeHost({ hist: ['one'] })
    const ed = editor(host)
    ed.feed(UP)
    const r = ed.feed('\r')
    expect(r.action).toEqual({ type: 'execute', text: 'one' })
    host.hist.push('two')
    ed.start()
    ed.feed(UP)
    expect(ed.buffer).toBe('two')
  })

  it('does nothing on Up with empty history', () => {
    const ed = editor()
    expect(ed.feed(UP).output).toBe('')
    expect(ed.buffer).toBe('')
  })
})

describe('reverse search', () => {
  const hist = ['oc get pods', 'oc get nodes', 'oc describe node worker-0', 'echo hi']

  it('finds the newest match as the query is typed and shows it', () => {
    const ed = editor(makeHost({ hist }))
    let out = ed.feed(CTRL('r')).output
    expect(out).toContain("(reverse-i-search)`': ")
    out = ed.feed('get').output
    expect(out).toContain("(reverse-i-search)`get': oc get nodes")
    expect(ed.searching).toBe(true)
  })

  it('Ctrl+R again finds older matches; Enter runs the match', () => {
    const ed = editor(makeHost({ hist }))
    ed.feed(CTRL('r') + 'get')
    const out = ed.feed(CTRL('r')).output
    expect(out).toContain("`get': oc get pods")
    const r = ed.feed('\r')
    expect(r.action).toEqual({ type: 'execute', text: 'oc get pods' })
    expect(ed.searching).toBe(false)
  })

  it('reports a failed search and keeps the last match', () => {
    const ed = editor(makeHost({ hist }))
    const out = ed.feed(CTRL('r') + 'nodes' + 'zz').output
    expect(out).toContain("(failed reverse-i-search)`nodeszz': oc get nodes")
  })

  it('a movement key accepts the match for editing', () => {
    const ed = editor(makeHost({ hist }))
    ed.feed(CTRL('r') + 'describe' + END)
    expect(ed.searching).toBe(false)
    expect(ed.buffer).toBe('oc describe node worker-0')
    expect(ed.cursor).toBe(ed.buffer.length)
  })

  it('Ctrl+G cancels and restores the line', () => {
    const ed = editor(makeHost({ hist }))
    ed.feed('draft' + CTRL('r') + 'echo' + CTRL('g'))
    expect(ed.searching).toBe(false)
    expect(ed.buffer).toBe('draft')
  })

  it('Backspace shortens the query', () => {
    const ed = editor(makeHost({ hist }))
    const out = ed.feed(CTRL('r') + 'podsx' + BS).output
    expect(out.endsWith('')).toBe(true)
    expect(ed.feed(END).output).toBeDefined()
    expect(ed.buffer).toBe('oc get pods')
  })
})

describe('multi-line input', () => {
  it('shows the continuation prompt until the command is complete', () => {
    const ed = editor()
    let r = ed.feed("echo 'one\r")
    expect(r.action).toBeUndefined()
    expect(r.output).toContain('\r\n> ')
    expect(ed.pending).toEqual(["echo 'one"])
    r = ed.feed("two'\r")
    expect(r.action).toEqual({ type: 'execute', text: "echo 'one\ntwo'" })
    expect(ed.pending).toEqual([])
  })

  it('supports a trailing backslash', () => {
    const ed = editor()
    expect(ed.feed('oc get \\\r').action).toBeUndefined()
    expect(ed.feed('nodes\r').action).toEqual({ type: 'execute', text: 'oc get \\\nnodes' })
  })

  it('Ctrl+C drops the unfinished lines', () => {
    const ed = editor()
    ed.feed("echo 'one\r")
    const r = ed.feed(CTRL('c'))
    expect(r.output).toContain('^C\r\n$ ')
    expect(ed.pending).toEqual([])
  })

  it('Ctrl+D in a continuation line is not end of input', () => {
    const ed = editor()
    ed.feed("echo 'one\r")
    expect(ed.feed(CTRL('d')).action).toBeUndefined()
  })
})

describe('paste', () => {
  it('splits a pasted block into lines, one action at a time, and returns the rest', () => {
    const ed = editor()
    let r = ed.feed('oc project demo\noc get pods\r\npartial')
    expect(r.action).toEqual({ type: 'execute', text: 'oc project demo' })
    expect(r.rest).toBe('oc get pods\rpartial')
    ed.start()
    r = ed.feed(r.rest)
    expect(r.action).toEqual({ type: 'execute', text: 'oc get pods' })
    ed.start()
    r = ed.feed(r.rest)
    expect(r.action).toBeUndefined()
    expect(r.rest).toBe('')
    expect(ed.buffer).toBe('partial')
  })

  it('joins a pasted multi-line command into one execution', () => {
    const ed = editor()
    const r = ed.feed("cat <<< 'a\nb'\nnext\n")
    expect(r.action).toEqual({ type: 'execute', text: "cat <<< 'a\nb'" })
    expect(r.rest).toBe('next\n')
  })
})

describe('completion', () => {
  it('completes a single candidate and adds a space', () => {
    const host = makeHost({
      complete: (line, cursor) => ({ candidates: ['nodes'], replaceFrom: line.lastIndexOf(' ', cursor - 1) + 1 }),
    })
    const ed = editor(host)
    ed.feed('oc get no\t')
    expect(ed.buffer).toBe('oc get nodes ')
  })

  it('inserts the common prefix of several candidates, then lists them in columns', () => {
    const host = makeHost({
      complete: (line) => ({ candidates: ['pods', 'podtemplates'], replaceFrom: line.lastIndexOf(' ') + 1 }),
    })
    const ed = editor(host)
    ed.feed('oc get p\t')
    expect(ed.buffer).toBe('oc get pod')
    const out = ed.feed('\t').output
    expect(out).toContain('pods          podtemplates\r\n$ oc get pod')
    expect(ed.buffer).toBe('oc get pod')
  })
})

describe('rendering', () => {
  it('wraps long lines and moves the cursor back over rows', () => {
    const ed = editor(makeHost({ columns: () => 10 }))
    ed.feed('abcdefghijklmnop') // "$ " + 16 = 18 columns: two rows
    const out = ed.feed(HOME).output
    expect(out).toContain('\x1b[1A') // up one row to the cursor position
    const back = ed.feed(END).output
    expect(back.startsWith('\x1b[1A')).toBe(false)
  })

  it('measures prompts without colour codes', () => {
    expect(visibleLength('\x1b[32m[you@bastion ~]$\x1b[0m ')).toBe(17)
  })
})

describe('helpers', () => {
  it('converts newlines for the terminal', () => {
    expect(toTerminalNewlines('a\nb\r\nc')).toBe('a\r\nb\r\nc')
  })
  it('lays out words in columns', () => {
    expect(formatColumns(['a', 'bb', 'ccc', 'd'], 10)).toEqual(['a    ccc', 'bb   d'])
  })
  it('finds the common prefix', () => {
    expect(commonPrefix(['podsecurity', 'pods', 'podtemplates'])).toBe('pod')
  })
})
