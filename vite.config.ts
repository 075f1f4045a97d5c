/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// https://vite.dev/config/
export default defineConfig({
  // relative asset URLs: the built site works from any static host and any base path
  base: './',
  plugins: [svelte()],
  resolve: {
    // without this, svelte resolves to its server build under vitest (stack.md pitfall 8)
    ...(process.env.VITEST ? { conditions: ['browser'] } : {}),
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['simulator/**/*.test.ts', 'src/**/*.test.ts', 'labs/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
})
