# scenario: aws
# Errors of `oc patch` on the registry config of a 4.12 cluster (the server validates against the CRD schema).
oc patch configs.imageregistry.operator.openshift.io/cluster -p '{"spec":{"replicas":2}}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type foo -p '{}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge -p '{"spec":{"managementState":"Foo"}}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge -p '{"spec":{"replicas":"two"}}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge -p '{"spec":{"foo":1}}'
oc patch configs.imageregistry.operator.openshift.io/instance --type merge -p '{"spec":{"replicas":2}}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type json -p '{"spec":{}}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type json -p '[{"op":"remove","path":"/spec/nope"}]'
oc get configs.imageregistry.operator.openshift.io/cluster -o jsonpath='{.spec.replicas}{"\n"}'
