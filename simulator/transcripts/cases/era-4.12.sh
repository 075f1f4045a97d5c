# scenario: aws
# Workshop 000/001 commands that do not do what their text says, on a 4.12 cluster (see docs/fidelity.md).
export ACCESSKEY=<AWS Access Key>
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '{ "spec": { "defaultRoute": "true" } }'
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '{"spec":{"requests":{"read":{"maxrunning":10,"maxinqueue":10,"maxwaitinqueue":"2m"}}}}'
oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '{"spec":{"routes":[{"name":"registry","hostname":"registry.yourdomain.tld","secret":"route-certificate"}]}}'
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "defaultRoute": true } }'
oc get configs.imageregistry.operator.openshift.io/cluster -o jsonpath='{.spec.routes}{"\n"}'
sleep 10
oc get route -n openshift-image-registry
