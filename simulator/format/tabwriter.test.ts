import { describe, expect, it } from 'vitest'
import { DESCRIBE, GET_TABLE, GET_TABLE_LEGACY, PROJECT_DESCRIBE, TableWriter, formatTable, tabwrite } from './tabwriter'

describe('formatTable (get tables)', () => {
  it('pads every column but the last, minwidth 6, padding 3', () => {
    const out = formatTable([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['image-registry-7c9f8d6b5-x2k4p', '1/1', 'Running', '0', '3h5m'],
      ['node-ca-4x7tq', '0/1', 'CrashLoopBackOff', '7 (2m ago)', '45m'],
    ])
    expect(out).toBe(
      'NAME                             READY   STATUS             RESTARTS     AGE\n' +
        'image-registry-7c9f8d6b5-x2k4p   1/1     Running            0            3h5m\n' +
        'node-ca-4x7tq                    0/1     CrashLoopBackOff   7 (2m ago)   45m\n',
    )
  })

  it('an empty last cell still pads the previous column (oc get co)', () => {
    const out = formatTable([
      ['NAME', 'VERSION', 'AVAILABLE', 'PROGRESSING', 'DEGRADED', 'SINCE', 'MESSAGE'],
      ['authentication', '4.16.6', 'True', 'False', 'False', '35m', ''],
      ['image-registry', '4.16.6', 'True', 'True', 'False', '12d', 'Progressing: The deployment has not completed'],
    ])
    expect(out).toBe(
      'NAME             VERSION   AVAILABLE   PROGRESSING   DEGRADED   SINCE   MESSAGE\n' +
        'authentication   4.16.6    True        False         False      35m     \n' +
        'image-registry   4.16.6    True        True          False      12d     Progressing: The deployment has not completed\n',
    )
  })

  it('applies minwidth to short columns (--no-headers)', () => {
    expect(formatTable([['db-0', '1/1', 'Running', '0', '2d']])).toBe('db-0   1/1   Running   0     2d\n')
  })

  it('legacy minwidth 10 gives the classic look', () => {
    expect(formatTable([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']], GET_TABLE_LEGACY)).toBe(
      'NAME      READY     STATUS    RESTARTS   AGE\n',
    )
  })

  it('counts runes, not UTF-16 units', () => {
    expect(formatTable([['ü😀', 'x'], ['abcdef', 'y']])).toBe('ü😀       x\nabcdef   y\n')
  })
})

describe('tabwrite (column blocks)', () => {
  it('a line without a tab ends the block (describe)', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  web:\n    Image:\tnginx\n    Port:\t80/TCP\n'
    expect(tabwrite(text, DESCRIBE)).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  web:\n    Image:  nginx\n    Port:   80/TCP\n',
    )
  })

  it('consecutive lines with different cell counts share the leading column', () => {
    const text = 'a\tb\tc\naaaa\tb\nx\n'
    expect(tabwrite(text, { minwidth: 0, tabwidth: 8, padding: 1, padchar: '.' })).toBe('a....b.c\naaaa.b\nx\n')
  })

  it('text without a final newline is flushed as is', () => {
    expect(tabwrite('a\tb', GET_TABLE)).toBe('a     b')
    expect(tabwrite('', GET_TABLE)).toBe('')
  })

  it('describe project pads with real tabs to multiples of 8', () => {
    const text =
      'Name:\tmyproj\nCreated:\t7 minutes ago\nLabels:\tkubernetes.io/metadata.name=myproj\n' +
      '\tpod-security.kubernetes.io/audit=restricted\nStatus:\tActive\nResource limits:\t<none>\n'
    expect(tabwrite(text, PROJECT_DESCRIBE)).toBe(
      'Name:\t\t\tmyproj\nCreated:\t\t7 minutes ago\nLabels:\t\t\tkubernetes.io/metadata.name=myproj\n' +
        '\t\t\tpod-security.kubernetes.io/audit=restricted\nStatus:\t\t\tActive\nResource limits:\t<none>\n',
    )
  })

  it('describe project with a quota: the block breaks and widths shrink', () => {
    const text = 'Name:\tmyproj\nNode Selector:\t<none>\nQuota:\n\tName:\tcompute-resources\n\tResource\tUsed\tHard\n'
    expect(tabwrite(text, PROJECT_DESCRIBE)).toBe(
      'Name:\t\tmyproj\nNode Selector:\t<none>\nQuota:\n\tName:\t\tcompute-resources\n\tResource\tUsed\tHard\n',
    )
  })
})

describe('TableWriter (get -w)', () => {
  it('remembers widths across writes; widths only grow', () => {
    const tw = new TableWriter()
    const first = tw.write([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['web-5d8f7b9c4-abcde', '1/1', 'Running', '0', '5m'],
    ])
    expect(first).toBe('NAME                  READY   STATUS    RESTARTS   AGE\nweb-5d8f7b9c4-abcde   1/1     Running   0          5m\n')
    expect(tw.write([['web-5d8f7b9c4-abcde', '0/1', 'Terminating', '0', '5m']])).toBe(
      'web-5d8f7b9c4-abcde   0/1     Terminating   0          5m\n',
    )
    expect(tw.write([['a', '1/1', 'Running', '0', '6m']])).toBe('a                     1/1     Running       0          6m\n')
    expect(tw.columnWidths()).toEqual([22, 8, 14, 11])
  })
})
