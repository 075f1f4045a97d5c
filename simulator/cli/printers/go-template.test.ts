/** The go-template subset: Go's printing of JSON-decoded values, control structures, and Go's error words. */
import { describe, expect, it } from 'vitest'
import { executeGoTemplate, GoTemplateExecError, GoTemplateParseError, GoTemplateUnsupported } from './go-template'

const data = { kind: 'List', items: [{ n: 'a', v: 1000000, f: 0.5, x: null, m: { b: 2, a: [1, 'x'] } }, { n: 'b', v: 2 }], empty: [] }

describe('go-template', () => {
  it('prints values as fmt does after encoding/json (numbers are float64)', () => {
    expect(executeGoTemplate('{{range .items}}{{.n}}={{.v}} {{.f}} {{.x}} {{.m}} {{.nope}}|{{end}}', data)).toBe(
      'a=1e+06 0.5 <nil> map[a:[1 x] b:2] <no value>|b=2 <no value> <no value> <no value> <no value>|',
    )
  })

  it('ranges over maps by key, runs else on empty or missing values, trims around {{- -}}', () => {
    expect(executeGoTemplate('{{range .items}}{{range .m}}[{{.}}]{{end}}{{end}}', data)).toBe('[[1 x]][2]')
    expect(executeGoTemplate('{{range .empty}}x{{else}}none{{end}} {{range .nope}}x{{else}}none{{end}}', data)).toBe('none none')
    expect(executeGoTemplate('a  {{- "b" -}}  \n c', data)).toBe('abc')
    expect(executeGoTemplate('{{with .kind}}{{.}}{{end}}{{with .nope}}x{{else}}-{{end}}', data)).toBe('List-')
    expect(executeGoTemplate('{{index .items 1 "n"}} {{index .items 0 "zz"}} {{len .items}} {{$.kind}}', data)).toBe('b <nil> 2 List')
  })

  it('reports execution errors with the position and the node, after what was already written', () => {
    let err: unknown
    try {
      executeGoTemplate('ok\n{{.kind.x}}', data)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GoTemplateExecError)
    expect((err as GoTemplateExecError).message).toBe('template: output:2:2: executing "output" at <.kind.x>: can\'t evaluate field x in type interface {}')
    expect((err as GoTemplateExecError).partial).toBe('ok\n')
    expect(() => executeGoTemplate('{{index .items 5}}', data)).toThrow('template: output:1:2: executing "output" at <index>: error calling index: index out of range: 5')
    expect(() => executeGoTemplate('{{eq .kind 1}}', data)).toThrow('error calling eq: incompatible types for comparison')
  })

  it('reports syntax errors with Go\'s words and refuses what it does not simulate', () => {
    expect(() => executeGoTemplate('a\n{{.x', data)).toThrow(new GoTemplateParseError('template: output:2: unclosed action'))
    expect(() => executeGoTemplate('{{if .x}}', data)).toThrow(new GoTemplateParseError('template: output:1: unexpected EOF'))
    expect(() => executeGoTemplate('{{else}}', data)).toThrow(new GoTemplateParseError('template: output:1: unexpected {{else}}'))
    expect(() => executeGoTemplate('{{.x}}{{foo}}', data)).toThrow(new GoTemplateParseError('template: output:1: function "foo" not defined'))
    expect(() => executeGoTemplate('{{.x | len}}', data)).toThrow(GoTemplateUnsupported)
    expect(() => executeGoTemplate('{{$v := .x}}', data)).toThrow(GoTemplateUnsupported)
    expect(() => executeGoTemplate('{{printf "%d" 1}}', data)).toThrow(GoTemplateUnsupported)
  })
})
