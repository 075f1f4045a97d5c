// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { blockExternalLinks, isExternalUrl, renderInlineMarkdown, renderMarkdown } from './markdown'

/** renders into a detached element and returns it, so the DOM (not the string) is inspected */
function render(md: string, inline = false): HTMLElement {
  const div = document.createElement('div')
  div.innerHTML = inline ? renderInlineMarkdown(md) : renderMarkdown(md)
  return div
}

/** every attribute of every element, `tag[attr=value]` */
function attributes(root: HTMLElement): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.tagName.toLowerCase()}[${a.name}=${a.value}]`))
}

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=1;alert(1)</script>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href=" javascript:alert(1)">leading space</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '[x](javascript:alert(1))',
  '[y](javascript&#58;alert(1))',
  '<svg onload=alert(1)><circle r=5 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<div onclick="alert(1)" onmouseover="alert(1)">events</div>',
  '<p style="width: expression(alert(1)); background: url(https://evil.example/x.png)">css</p>',
  '<style>@import "https://evil.example/x.css"; p { background: url(javascript:alert(1)) }</style>',
  '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>x</details>',
  '<body onload=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<img src="https://evil.example/track.png" alt="tracker">',
  '<img srcset="https://evil.example/a.png 1x" src="data:image/png;base64,iVBORw0KGgo=">',
  '<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video>',
  '<a href="https://example.com" ping="https://evil.example/ping">ping</a>',
  '<img name="getElementById" id="location">',
  '<form id="document"></form><img name="cookie">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '`<img src=x onerror=alert(1)>`',
  '```html\n<script>alert(1)</script>\n```',
]

describe('lab markdown is sanitised', () => {
  afterEach(() => {
    delete (window as { __xss?: unknown }).__xss
  })

  it.each(PAYLOADS)('%s', (payload) => {
    for (const inline of [false, true]) {
      const root = render(`Before\n\n${payload}\n\nAfter`, inline)
      expect(root.querySelectorAll('script, style, iframe, frame, object, embed, svg, math, form, input, button, meta, base, link, template, noscript, video, source')).toHaveLength(0)
      for (const a of attributes(root)) {
        // no event handlers, inline styles, script URLs or anything that loads from elsewhere
        expect(a).not.toMatch(/^\w+\[on\w+=/)
        expect(a).not.toMatch(/\[(style|srcset|ping|poster|action|formaction)=/)
        expect(a).not.toMatch(/=\s*(javascript|vbscript|data:text)/i)
        expect(a).not.toMatch(/^img\[src=https?:/)
        // named properties cannot clobber the document's
        expect(a).not.toMatch(/\[(id|name)=(?!user-content-)/)
      }
      expect((window as { __xss?: unknown }).__xss).toBeUndefined()
    }
  })

  it('HTML in code spans and code blocks is shown as text', () => {
    const span = render('Run `<img src=x onerror=alert(1)>` now')
    expect(span.querySelector('code')?.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(span.querySelector('img')).toBeNull()
    const block = render('```html\n<script>alert(1)</script>\n```')
    expect(block.querySelector('pre code')?.textContent).toBe('<script>alert(1)</script>\n')
    expect(block.querySelector('script')).toBeNull()
  })

  it('a markdown javascript: link keeps its text but loses its address', () => {
    const root = render('[x](javascript:alert(1))')
    const a = root.querySelector('a')
    expect(root.textContent).toContain('x')
    expect(a?.getAttribute('href') ?? null).toBeNull()
  })

  it('external links are marked, open nothing and keep their address readable', () => {
    const root = render('See [the docs](https://docs.openshift.com/container-platform/4.18/registry/) and <a href="http://evil.example" target="_top" rel="opener">this</a>.')
    const links = [...root.querySelectorAll('a')]
    expect(links).toHaveLength(2)
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer')
      expect(a.getAttribute('target')).toBe('_blank')
      expect(a.hasAttribute('data-external')).toBe(true)
      expect(a.getAttribute('title')).toMatch(/not opened: the workshop runs offline/)
    }
    document.body.append(root)
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    links[0].dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
    root.remove()
  })

  it('links inside the workshop stay as they are', () => {
    const root = render('[the sandbox](#/sandbox) and [a lab](#/lab/baremetal-storage) and [relative](./docs/x.html)')
    const links = [...root.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/sandbox', '#/lab/baremetal-storage', './docs/x.html'])
    for (const a of links) {
      expect(a.hasAttribute('data-external')).toBe(false)
      expect(a.hasAttribute('target')).toBe(false)
    }
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    document.body.append(root)
    links[0].dispatchEvent(click)
    expect(click.defaultPrevented).toBe(false)
    root.remove()
  })

  it('ordinary instructions render unchanged: headings, lists, code, tables, emphasis', () => {
    const root = render('# Title\n\nSome *text* and **bold**.\n\n- one\n- two\n\n```sh\noc get pods\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    expect(root.querySelector('h1')?.textContent).toBe('Title')
    expect(root.querySelectorAll('li')).toHaveLength(2)
    expect(root.querySelector('pre code.language-sh')?.textContent).toBe('oc get pods\n')
    expect(root.querySelector('table td')?.textContent).toBe('1')
    expect(root.querySelector('em')?.textContent).toBe('text')
  })

  it('inline markdown has no wrapping paragraph', () => {
    expect(renderInlineMarkdown('Run `oc get pods` **now**')).toBe('Run <code>oc get pods</code> <strong>now</strong>')
  })

  it('data: images are kept, images of other sites are dropped', () => {
    const root = render('![ok](data:image/png;base64,iVBORw0KGgo=) ![no](https://evil.example/x.png) ![local](./img/a.png)')
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('alt'))).toEqual(['ok', 'local'])
  })

  it('classifies URLs', () => {
    expect(isExternalUrl('https://example.com/')).toBe(true)
    expect(isExternalUrl('//example.com/')).toBe(true)
    expect(isExternalUrl('mailto:a@b.c')).toBe(true)
    expect(isExternalUrl('#/sandbox')).toBe(false)
    expect(isExternalUrl('./x')).toBe(false)
    expect(isExternalUrl('')).toBe(false)
  })

  it('the click guard can be removed', () => {
    const el = document.createElement('div')
    el.innerHTML = '<a href="https://x.example" data-external>x</a>'
    const off = blockExternalLinks(el)
    off()
    // only the document-wide guard remains; on a detached element nothing cancels the click
    let prevented: boolean | null = null
    el.addEventListener('click', (e) => {
      prevented = e.defaultPrevented
      e.preventDefault() // jsdom would try to navigate
    })
    el.querySelector('a')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(prevented).toBe(false)
  })
})
