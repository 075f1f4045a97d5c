# scenario: minimal
# Errors: typos and bad input get the real client's and server's messages and exit codes.
oc gte pods
oc get pods -n nope
oc get pod nope
oc get podz
oc describe nope
oc delete
oc delete pod
oc get pods -o yaml -o foo
oc get pods --nope
oc logs
oc logs nope -n openshift-image-registry
oc scale deployment image-registry -n openshift-image-registry
oc rollout
oc rollout status deployment/nope -n openshift-image-registry
oc project nope
oc create -f /nope.yaml
oc create secret generic
oc label ns default
oc explain nope
oc wait --for=condition=Available deployment/nope -n openshift-image-registry
kubectl get nope
nosuchcommand --flag
oc get pods; echo "exit: $?"
oc get pod nope; echo "exit: $?"
