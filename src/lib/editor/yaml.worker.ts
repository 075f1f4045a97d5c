// The YAML language worker, through a local module so Vite pre-bundles its CommonJS dependencies in dev
// (stack.md pitfall 6).
import 'monaco-yaml/yaml.worker.js'
