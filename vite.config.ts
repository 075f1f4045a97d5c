/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * The boot script (src/boot.ts) is an entry of its own, loaded before the app's: a few KB that paint a prompt to
 * type at (the boot terminal) without waiting for Svelte, the app or xterm. Its script tag goes first in the head.
 */
function bootEntry(): Plugin {
  return {
    name: 'boot-entry',
    config: (_config, env) =>
      env.command === 'build' ? { build: { rollupOptions: { input: { index: 'index.html', boot: 'src/boot.ts' } } } } : {},
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot')
        const src = ctx.bundle ? (chunk ? `./${chunk.fileName}` : null) : '/src/boot.ts'
        if (!src) return html
        // right before the app's own script (after the Content Security Policy, which covers what follows it)
        const at = html.lastIndexOf('<script type="module"')
        const tag = `<script type="module" crossorigin src="${src}"></script>\n    `
        return at < 0 ? html.replace('</head>', `${tag}</head>`) : html.slice(0, at) + tag + html.slice(at)
      },
    },
  }
}

// https://vite.dev/config/
export default defineConfig({
  // relative asset URLs: the built site works from any static host and any base path
  base: './',
  plugins: [
    svelte(),
    bootEntry(),
    // offline after the first visit: every built file (Monaco chunks, workers and font included) is precached
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: {
        name: 'Registry workshop',
        short_name: 'Registry workshop',
        description: 'In-browser training environment for the OpenShift 4 Image Registry Operator',
        theme_color: '#14161b',
        background_color: '#14161b',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,ttf,woff,woff2,png,ico,json,webmanifest}'],
        // the Monaco chunk is ~3-4 MB, above workbox's 2 MiB default
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // a new version takes over at once, and the first visit is controlled without a reload
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  resolve: {
    alias: [
      // monaco >=0.56 exports map: 'monaco-editor/esm/vs/X' would resolve to esm/vs/esm/vs/X. monaco-yaml's
      // monaco-worker-manager and monaco-vim still use the old deep paths (stack.md pitfall 4)
      { find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: 'monaco-editor/$1' },
      // monaco-vim's "browser" export is a UMD build with its own copy of monaco internals: use its ES module
      { find: /^monaco-vim$/, replacement: fileURLToPath(new URL('./node_modules/monaco-vim/dist/index.mjs', import.meta.url)) },
    ],
    // without this, svelte resolves to its server build under vitest (stack.md pitfall 8)
    ...(process.env.VITEST ? { conditions: ['browser'] } : {}),
  },
  // dev server: pre-bundle the YAML worker's CommonJS dependencies (stack.md pitfall 6)
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 5000 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['simulator/**/*.test.ts', 'src/**/*.test.ts', 'labs/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['simulator/fuzz/seed.test-setup.ts'],
  },
})
