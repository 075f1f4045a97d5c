# scenario: minimal
# Audit fixes: JSONPath errors in custom columns and --sort-by, the template formats, commands real oc has and
# the simulator does not, immortal namespaces, -A with names, missing flag values, pod-shell exit codes, editors.
oc get nodes -o custom-columns=NAME:@A.metadata.name
oc get nodes --sort-by=@A
oc get nodes -o name --sort-by=@A
oc get nodes --sort-by=.foo
oc get nodes --no-headers -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints
oc get pods -o custom-columns=NAME:.metadata.name
oc get nodes -o go-template='{{range .items}}{{.metadata.name}}{{"\t"}}{{index .metadata.labels "kubernetes.io/hostname"}}{{"\n"}}{{end}}'
oc get ns default -o template --template='{{.status.phase}} {{.metadata.nope}}{{"\n"}}'
oc get ns default -o go-template='{{.metadata.name'
oc get ns default -o go-template='{{printf "%s" .kind}}'
oc get ns default -o jsonpath-as-json='{.metadata.name}'
oc get ns default -o go-template
oc login -u developer
oc adm top nodes
oc create deployment web --image=nginx
oc get pods --as=developer
oc logn
oc options | head -5
oc delete ns default
oc delete project kube-system
oc get pods -A nope
oc create foo
oc -n
oc wait --for=delete pod/nope; echo "exit: $?"
oc rollout status pod/nope
oc project openshift-image-registry
oc get deployment -w --output-watch-events
oc rsh deployment/cluster-image-registry-operator
false; exit
echo "exit: $?"
oc exec deployment/cluster-image-registry-operator -- sh -c 'exit 3'; echo "exit: $?"
KUBE_EDITOR=nosuchedit oc edit deployment/cluster-image-registry-operator; echo "exit: $?"
KUBE_EDITOR=false oc edit deployment/cluster-image-registry-operator; echo "exit: $?"
