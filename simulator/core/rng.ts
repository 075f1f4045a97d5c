/**
 * A seeded random source (sfc32). Its whole state is four numbers, so it is saved with the cluster and a
 * restored cluster draws the same names, uids and IPs as the original would have.
 */

export type RngState = [number, number, number, number]

const LOWER_ALNUM = 'bcdfghjklmnpqrstvwxz2456789' // Kubernetes' rand.String alphabet (no vowels, no confusables)
const HEX = '0123456789abcdef'

export class Rng {
  private s: RngState

  constructor(seed: number | RngState) {
    if (Array.isArray(seed)) {
      this.s = [...seed] as RngState
    } else {
      this.s = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0]
      for (let i = 0; i < 15; i++) this.next()
    }
  }

  /** A uniform float in [0, 1). */
  next(): number {
    let [a, b, c, d] = this.s
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    this.s = [a, b, c, d]
    return (t >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  /** A string drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)]
    return out
  }

  /** Kubernetes-style generated suffix, e.g. the `x2k4p` of a pod name. */
  suffix(length = 5): string {
    return this.string(length, LOWER_ALNUM)
  }

  hex(length: number): string {
    return this.string(length, HEX)
  }

  /** An RFC 4122 version-4 UUID. */
  uuid(): string {
    const h = this.hex(32).split('')
    h[12] = '4'
    h[16] = HEX[(parseInt(h[16], 16) & 0x3) | 0x8]
    const s = h.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }

  state(): RngState {
    return [...this.s] as RngState
  }

  restore(s: RngState): void {
    this.s = [...s] as RngState
  }
}
