/** Step instructions: markdown rendered with `marked`, then sanitised with DOMPurify. */
import { marked } from 'marked'
import DOMPurify from 'dompurify'

export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true }) as string
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } })
}

/** languages whose code blocks get a "Run in terminal" button */
const RUNNABLE = new Set(['sh', 'bash', 'shell', 'console', 'terminal'])

export function isRunnable(code: HTMLElement): boolean {
  const lang = [...code.classList].find((c) => c.startsWith('language-'))?.slice('language-'.length)
  return lang !== undefined && RUNNABLE.has(lang)
}
