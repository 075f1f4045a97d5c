/** YAML and JSON serialisation as `oc get -o yaml|json` does it: one import point for the format modules. */
export { toYaml, type ToYamlOptions } from './yaml-emit'
export { fromYaml, fromYamlAll, YamlSyntaxError } from './yaml-parse'
export { toJson, toCompactJson, goJsonString } from './json'
