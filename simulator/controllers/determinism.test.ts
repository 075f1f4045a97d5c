import { describe, expect, it } from 'vitest'
import type { Cluster } from '../cluster'
import { deploymentObject, testCluster } from './testing'

function drive(c: Cluster, from = 0): void {
  const steps: ((c: Cluster) => void)[] = [
    (c) => c.api.create('storageclasses.storage.k8s.io', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'cephfs', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'openshift-storage.cephfs.csi.ceph.com' }),
    (c) => c.api.create('persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'demo' }, spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } } } }),
    (c) => {
      const d = deploymentObject('demo', 'web', { replicas: 3, readinessDelay: 5 })
      d.spec.template.spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]
      c.api.create('deployments.apps', d)
    },
    (c) => c.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'demo' }, spec: { selector: { app: 'web' }, ports: [{ port: 8080 }] } }),
    (c) => c.advance(30_000),
    (c) => {
      const d = structuredClone(c.api.get('deployments.apps', 'demo', 'web'))
      d.spec.template.spec.containers[0].image = 'quay.io/example/web:2'
      c.api.update('deployments.apps', d)
    },
    (c) => c.advance(120_000),
  ]
  for (const s of steps.slice(from)) {
    s(c)
    c.settle()
  }
}

describe('determinism', () => {
  it('two clusters with the same seed end in the same state', () => {
    const a = testCluster({ seed: 7, namespaces: ['demo'] })
    const b = testCluster({ seed: 7, namespaces: ['demo'] })
    drive(a)
    drive(b)
    expect(b.snapshot().api.store).toEqual(a.snapshot().api.store)
    expect(a.manager.errors).toEqual([])
  })

  it('restore then replay gives the same result', () => {
    const a = testCluster({ seed: 9, namespaces: ['demo'] })
    drive(a)
    const end = a.snapshot()
    const c = testCluster({ seed: 9, namespaces: ['demo'] })
    const start = c.snapshot()
    drive(c)
    c.restore(start)
    drive(c)
    expect(c.snapshot().api.store).toEqual(end.api.store)
    expect(c.snapshot().clock).toEqual(end.clock)
  })
})

describe('the simulator reads no wall clock and no unseeded randomness', () => {
  // every behaviour must replay from the seed: time only from the virtual clock, chance only from the seeded Rng
  const forbidden = /\bDate\.now\(|\bMath\.random\(|(?<![.\w])set(Timeout|Interval|Immediate)\(|\bnew Date\(\)|\bperformance\.now\(|\bcrypto\.getRandomValues\(/
  it('no source file under simulator/ uses Date.now, Math.random, timers or new Date()', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const root = join(import.meta.dirname, '..')
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else if (/\.ts$/.test(e.name) && !/\.(test|spec|test-setup)\.ts$/.test(e.name)) {
          readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
            if (forbidden.test(line)) offenders.push(`${p.slice(root.length + 1)}:${i + 1}: ${line.trim()}`)
          })
        }
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
