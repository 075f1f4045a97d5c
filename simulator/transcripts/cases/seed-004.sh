# scenario: ocs
# Workshop 004 (004_453e0b5cc7010fcd.txt), OpenShift Container Storage: moving the registry to a CephFS claim.
# Commands run verbatim in the workshop's order; adaptations are marked "ADAPTED".
oc describe project openshift-storage|grep Status
oc describe configs.imageregistry.operator.openshift.io
oc describe project openshift-image-registry
oc get pods -n openshift-image-registry
# Review only: the workshop quits vi with :q!, which the headless editor does when no KUBE_EDITOR is set.
oc edit configs.imageregistry.operator.openshift.io/cluster
oc get sc
oc project openshift-image-registry
oc create -f <(echo '{
   "apiVersion": "v1",
   "kind": "PersistentVolumeClaim",
   "metadata": {
     "name": "ocs4registry"
   },
   "spec": {
     "storageClassName": "ocs-storagecluster-cephfs",
     "accessModes": [ "ReadWriteMany" ],
     "resources": {
       "requests": { "storage": "100Gi"
     }
   }
 }
}');
# ADAPTED: the workshop's example output was taken a minute after the claim was created.
sleep 60
oc get pvc
# ADAPTED: the workshop edits in vi ("remove the storage: stanza and everything below it, then put pvc: claim:");
# the scripted editor does exactly that, with the workshop's own indentation.
export KUBE_EDITOR="sed -i -e '\$a\\  storage:\\n    pvc:\\n     claim: ocs4registry' -e '/^  storage:\$/,\$d'"
oc edit configs.imageregistry.operator.openshift.io
# ADAPTED: wait for the registry to roll out on the claim.
sleep 120
oc get pods
# (names.ts: image-registry-6c4dbbcdbb-9bl8w is a live registry pod)
oc rsh image-registry-6c4dbbcdbb-9bl8w
df -h | grep registry
mount | grep registry
exit
