/**
 * Normalisation of generated names in golden transcripts: uids, pod-template hashes, generated suffixes,
 * digests and resource versions change whenever the simulation draws its random numbers differently, so golden
 * files compare everything else exactly and these through placeholders.
 */

const ALNUM = '[bcdfghjklmnpqrstvwxz2456789]'

const RULES: [RegExp, string][] = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>'],
  [/sha256:[0-9a-f]{64}/g, 'sha256:<digest>'],
  [/\b([0-9a-f]{64})\b/g, '<hex64>'],
  [new RegExp(`\\b([a-z][a-z0-9-]*?)-${ALNUM}{8,10}-${ALNUM}{5}\\b`, 'g'), '$1-<hash>-<id>'],
  [new RegExp(`\\b([a-z][a-z0-9-]*?)-${ALNUM}{9,10}\\b`, 'g'), '$1-<hash>'],
  [new RegExp(`\\b((?:node-ca|builder|default|deployer|registry|pruner|[a-z-]+-(?:token|dockercfg)))-${ALNUM}{5}\\b`, 'g'), '$1-<id>'],
  [/resourceVersion: "\d+"/g, 'resourceVersion: "<rv>"'],
  [/"resourceVersion": "\d+"/g, '"resourceVersion": "<rv>"'],
]

/** Replaces generated names by placeholders; everything else is kept as printed. */
export function normalise(text: string): string {
  let out = text
  for (const [re, rep] of RULES) out = out.replace(re, rep)
  return out
}
