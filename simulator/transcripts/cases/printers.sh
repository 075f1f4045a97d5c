# scenario: aws
# Printers and flags of `oc get`: table, wide, yaml, json, name, jsonpath, custom-columns, labels, sorting.
oc get pods -n openshift-image-registry -o wide
oc get pods -n openshift-image-registry --show-labels
oc get pods -n openshift-image-registry -l docker-registry=default
oc get pods -n openshift-image-registry -l 'docker-registry!=default' --no-headers
oc get pods -n openshift-image-registry --sort-by=.metadata.name -o name
oc get deploy image-registry -n openshift-image-registry -o jsonpath='{.spec.replicas}{"\n"}'
oc get deploy image-registry -n openshift-image-registry -o jsonpath='{.spec.template.spec.containers[0].env[?(@.name=="REGISTRY_STORAGE")].value}{"\n"}'
oc get pods -n openshift-image-registry -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\n"}{end}'
oc get nodes -o custom-columns=NAME:.metadata.name,ROLES:.metadata.labels,ZONE:'.metadata.labels.topology\.kubernetes\.io/zone' --sort-by=.metadata.name
oc get config.imageregistry.operator.openshift.io/cluster -o jsonpath='{.status.conditions[?(@.type=="Available")].status}{"\n"}'
oc get configs.imageregistry cluster -o jsonpath='{.spec.storage}{"\n"}'
oc get co image-registry -o json
oc get svc image-registry -n openshift-image-registry -o yaml
oc get deploy,svc -n openshift-image-registry -o name
oc get pvc -A
oc get sc
oc get events -n openshift-image-registry --field-selector reason=Created --no-headers | wc -l
oc get secrets -n openshift-image-registry installer-cloud-credentials -o jsonpath='{.data}' | jq -r 'keys[]'
oc get ns -l openshift.io/cluster-monitoring=true -o name | grep image
oc get pods -A --sort-by=.metadata.creationTimestamp | head -3
