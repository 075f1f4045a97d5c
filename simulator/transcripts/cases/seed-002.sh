# scenario: baremetal
# Workshop 002 (002_0afe5287c08b9744.txt), bare metal: emptyDir storage, Managed, moving the registry to infra.
# Commands run verbatim in the workshop's order; adaptations are marked "ADAPTED".
oc get pod -n openshift-image-registry
oc patch configs.imageregistry.operator.openshift.io cluster --type merge --patch '{"spec":{"storage":{"emptyDir":{}}}}'
oc patch configs.imageregistry.operator.openshift.io cluster --type merge --patch '{"spec":{"managementState":"Managed"}}'
# Runs until interrupted: the headless runner presses Ctrl+C after 30 virtual seconds.
watch oc get pod -n openshift-image-registry
oc get configs.imageregistry.operator.openshift.io/cluster -o yaml
# ADAPTED: the workshop edits in vi; a scripted editor adds the nodeSelector under spec.
export KUBE_EDITOR="sed -i -e 's/^spec:$/spec:\n  nodeSelector:\n    node-role.kubernetes.io\/infra: \"\"/'"
oc edit configs.imageregistry.operator.openshift.io/cluster
# Verbatim: "Same can be achieved by" this patch; after the edit it changes nothing.
oc patch configs.imageregistry.operator.openshift.io/cluster --type=merge -p '{"spec":{"nodeSelector":{"node-role.kubernetes.io/infra": ""}}}'
oc get pod -n openshift-image-registry
# ADAPTED: wait for the new pod on the infra node.
sleep 60
# (names.ts: image-registry-58657f5d4d-hmjph is the live registry pod)
oc get pod image-registry-58657f5d4d-hmjph -n openshift-image-registry -o wide
oc get node node02
