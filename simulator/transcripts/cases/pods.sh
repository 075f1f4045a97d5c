# scenario: aws
# Pod verbs: logs (--tail, -c, -f on the virtual clock, deployment/NAME), exec, rsh with a pod shell, get -w.
oc project openshift-image-registry
oc logs deployment/cluster-image-registry-operator --tail=3
oc logs deployment/image-registry --tail=2 -c registry
oc logs deployment/image-registry -c nope
oc logs -f deployment/image-registry --tail=1
oc exec deployment/image-registry -- ls /registry
oc exec deployment/image-registry -- env | grep REGISTRY_STORAGE_S3_REGION
oc exec deployment/image-registry -- cat /etc/hostname | wc -l
oc rsh deployment/image-registry
ls /
df -h /registry
env | grep -c REGISTRY_
nosuch
exit
oc get pods -w -l docker-registry=default
oc scale deployment image-registry --replicas=1
oc get pods -l docker-registry=default
oc describe pod -l docker-registry=default | head -12
oc get events --sort-by=.lastTimestamp | tail -3
