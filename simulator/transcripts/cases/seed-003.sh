# scenario: aws-4.0
# Workshop 003 (003_b5ad0acbc3c80c59.txt), OCP 4.0: a tour of the registry's resources.
# Commands run verbatim in the workshop's order; adaptations are marked "ADAPTED".
oc get clusteroperator
oc get -o yaml configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry
oc get deployment -n openshift-image-registry
oc get -o yaml deployment/image-registry -n openshift-image-registry
oc get replicaset -n openshift-image-registry
oc get pod -n openshift-image-registry
# ADAPTED: the workshop names the two secrets without a command; these are the commands a trainee would use.
oc get secret installer-cloud-credentials -n openshift-image-registry
oc get secret image-registry-private-configuration-user -n openshift-image-registry
oc get service -n openshift-image-registry
oc get route -n openshift-image-registry
