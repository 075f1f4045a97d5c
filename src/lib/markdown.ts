/**
 * Step instructions, hints and check messages: markdown rendered with `marked`, then sanitised with DOMPurify.
 *
 * Lab markdown is untrusted (instructors import labs from files), so on top of DOMPurify's HTML profile:
 * - no scripts, event attributes, `javascript:`/`data:`/`vbscript:` links, forms, frames, embedded objects,
 *   `<style>` elements or `style` attributes (CSS can load URLs and, in old engines, run `expression()`);
 * - nothing loads from another origin: images, media and `srcset` pointing elsewhere are dropped (the workshop is
 *   offline and no request may leave the origin);
 * - links to other sites keep their address (readable, copyable) but get `rel="noopener noreferrer"`,
 *   `target="_blank"` and `data-external`, and a click on them is cancelled (`blockExternalLinks`), so they never
 *   load anything; links inside the workshop (`#/lab/...`, relative paths) work as usual;
 * - `id` and `name` attributes are prefixed (`user-content-`), so lab HTML cannot clobber globals of the page.
 */
import { marked } from 'marked'
import DOMPurify, { type Config } from 'dompurify'

const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form',
  'input', 'button', 'textarea', 'select', 'option', 'noscript', 'template', 'svg', 'math', 'video', 'audio',
  'source', 'track', 'picture', 'portal', 'dialog',
]
const FORBID_ATTR = ['style', 'srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'xlink:href', 'target']

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
  // http(s), mailto and relative/fragment URLs only
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
}

/** the page's origin, or a stand-in outside a browser */
function pageBase(): string {
  return typeof location !== 'undefined' && /^https?:/.test(location.href) ? location.href : 'http://workshop.invalid/'
}

/** whether `url` (as written in the markdown) points to another origin */
export function isExternalUrl(url: string): boolean {
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return false
  try {
    const base = pageBase()
    return new URL(trimmed, base).origin !== new URL(base).origin
  } catch {
    return true
  }
}

let purifier: ReturnType<typeof DOMPurify> | null = null

/** one DOMPurify instance of our own (hooks are per instance), created on first use */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier
  const p = DOMPurify(typeof window !== 'undefined' ? window : undefined)
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element
    if (el.tagName === 'A') {
      const href = el.getAttribute('href')
      if (href !== null && isExternalUrl(href)) {
        el.setAttribute('rel', 'noopener noreferrer')
        el.setAttribute('target', '_blank')
        el.setAttribute('data-external', '')
        el.setAttribute('title', `${href} (not opened: the workshop runs offline)`)
      }
    }
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src')
      // only images of the workshop itself or inline data: images
      if (src === null || (isExternalUrl(src) && !/^data:image\/(?:png|gif|jpeg|webp);/i.test(src.trim()))) el.remove()
    }
  })
  purifier = p
  return p
}

function sanitize(html: string): string {
  const p = getPurifier()
  if (!p.isSupported) return '' // no DOM to sanitise with: show nothing rather than unsanitised HTML
  return p.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string
}

/** a block of markdown (instructions) as sanitised HTML */
export function renderMarkdown(md: string): string {
  return sanitize(marked.parse(md, { async: false, gfm: true }) as string)
}

/** one line of markdown (a hint, a check's message) as sanitised inline HTML, without a wrapping paragraph */
export function renderInlineMarkdown(md: string): string {
  return sanitize(marked.parseInline(md, { async: false, gfm: true }) as string)
}

/**
 * Cancels clicks (and middle clicks) on rendered external links: they show their address but never load it.
 * Installed once for the whole document; returns the function that removes it.
 */
export function blockExternalLinks(root: Document | HTMLElement = document): () => void {
  const onClick = (e: Event) => {
    const a = (e.target as Element | null)?.closest?.('a[data-external]')
    if (a) e.preventDefault()
  }
  root.addEventListener('click', onClick, true)
  root.addEventListener('auxclick', onClick, true)
  return () => {
    root.removeEventListener('click', onClick, true)
    root.removeEventListener('auxclick', onClick, true)
  }
}

if (typeof document !== 'undefined') blockExternalLinks()

/** languages whose code blocks get a "Run in terminal" button */
const RUNNABLE = new Set(['sh', 'bash', 'shell', 'console', 'terminal'])

export function isRunnable(code: HTMLElement): boolean {
  const lang = [...code.classList].find((c) => c.startsWith('language-'))?.slice('language-'.length)
  return lang !== undefined && RUNNABLE.has(lang)
}
