import { describe, expect, it } from 'vitest'
import { FsError, VirtualFs } from './vfs'

describe('VirtualFs', () => {
  it('reads, writes, appends and lists sorted', () => {
    const fs = new VirtualFs()
    fs.mkdir('/a/b', { recursive: true })
    fs.writeFile('/a/z', '1')
    fs.appendFile('/a/z', '2')
    fs.appendFile('/a/new', 'n')
    expect([fs.readFile('/a/z'), fs.readdir('/a'), fs.isDir('/a/b'), fs.exists('/a/q'), fs.stat('/a/z')]).toEqual([
      '12',
      ['b', 'new', 'z'],
      true,
      false,
      { type: 'file', size: 2, mtime: 4 },
    ])
  })
  it('throws bash-worded errors', () => {
    const fs = new VirtualFs()
    fs.mkdir('/d')
    const err = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e instanceof FsError ? e.message : 'other'
      }
      return 'none'
    }
    expect([
      err(() => fs.readFile('/nope')),
      err(() => fs.readFile('/d')),
      err(() => fs.writeFile('/x/y', '')),
      err(() => fs.mkdir('/d')),
      err(() => fs.readdir('/nope')),
      err(() => fs.rm('/nope')),
    ]).toEqual(['No such file or directory', 'Is a directory', 'No such file or directory', 'File exists', 'No such file or directory', 'No such file or directory'])
  })
  it('resolves relative paths', () => {
    const fs = new VirtualFs()
    expect([fs.resolve('/home/u', '../x/./y'), fs.resolve('/', '..'), fs.resolve('/a', '/b//c/')]).toEqual(['/home/x/y', '/', '/b/c'])
  })
  it('round-trips through JSON, keeping empty directories', () => {
    const fs = new VirtualFs()
    fs.mkdir('/empty/dir', { recursive: true })
    fs.mkdir('/home')
    fs.writeFile('/home/f', 'text')
    const json = JSON.parse(JSON.stringify(fs.toJSON()))
    expect(json).toEqual({ files: { '/home/f': 'text' }, dirs: ['/empty', '/empty/dir', '/home'] })
    const back = VirtualFs.fromJSON(json)
    expect([back.readFile('/home/f'), back.isDir('/empty/dir')]).toEqual(['text', true])
  })
  it('treats /dev/null as an empty sink', () => {
    const fs = new VirtualFs()
    fs.writeFile('/dev/null', 'x')
    expect([fs.readFile('/dev/null'), fs.exists('/dev/null')]).toEqual(['', true])
  })
})
