# scenario: minimal
oc get nodes
oc get nodes -o wide
oc get pods -n openshift-image-registry
oc get pods -A -o wide
oc get co
oc get pvc,sc
oc get deploy,rs,ds,svc -n openshift-image-registry
oc get sc nfs-client -o yaml
oc get ns default -o json
oc get nodes -o name
oc get nodes -o jsonpath='{.items[*].metadata.name}{"\n"}'
oc get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu
oc get nodes --show-labels --no-headers
oc get pods
oc get pods -A --no-headers | wc -l
oc get pod nope -n openshift-image-registry
oc get nodes master-0 nope
oc get pod/
oc get pod/a/b
oc get pod pod/x
oc get nope
oc get configs.imageregistry.operator.openshift.io
oc get -o yaml configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry
oc get
oc get nodes -o foo
oc get sa,secrets -n default
oc get deploy -n openshift-image-registry -o wide
oc get projects
