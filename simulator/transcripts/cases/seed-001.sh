# scenario: aws-4.0
# Workshop 001 (001_acc996cd08872edd.txt), OCP 4.0: management state, conditions, troubleshooting, customising.
# Commands run verbatim in the workshop's order; adaptations are marked "ADAPTED".
# undeploy the registry
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "managementState": "Removed" } }'
# ADAPTED: wait for the operator, then look (the workshop does not show this state).
sleep 20
oc get pods -n openshift-image-registry
# deploy and manage the registry
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "managementState": "Managed" } }'
# ADAPTED: wait for the new registry pod.
sleep 60
oc get configs.imageregistry.operator.openshift.io/instance  -o yaml -n openshift-image-registry
# ADAPTED: the workshop's `oc get pod` output implies the trainee's project was openshift-image-registry.
oc project openshift-image-registry
oc get pod
oc get clusteroperator | grep image
# check for the deployment status
oc get deployment cluster-image-registry-operator -o yaml -n openshift-image-registry
# check for the operator pods
oc get pods -n openshift-image-registry | grep cluster-image-registry-operator
# check the logs of the operator
# (names.ts: cluster-image-registry-operator-xxx-xxx is the live operator pod)
oc logs cluster-image-registry-operator-xxx-xxx -n openshift-image-registry
# check for the deployment status
oc get deployment image-registry -o yaml -n openshift-image-registry
# check for the operator pods
oc get pods -n openshift-image-registry | grep image-registry | grep -v operator
# check the logs of the image registry pod
# (names.ts: image-registry-xxx-xxx is a live registry pod)
oc logs image-registry-xxx-xxx -n openshift-image-registry
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '
    {
      "spec": {
        "proxy": {
          "http": "proxy.company.tld:80",
          "https": "proxy.company.tld:443"
        }
      }
    }'
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "replicas": 3 } }'
# ADAPTED: wait for the three replicas.
sleep 60
oc get pods -n openshift-image-registry
# ADAPTED: `export ACCESSKEY=<AWS Access Key>` is a placeholder (bash would read `<AWS` as a redirection from a
# missing file); a trainee takes the keys the Cloud Credential Operator minted.
export ACCESSKEY=$(oc get secret installer-cloud-credentials -n openshift-image-registry -o jsonpath='{.data.aws_access_key_id}' | base64 -d)
export SECRETKEY=$(oc get secret installer-cloud-credentials -n openshift-image-registry -o jsonpath='{.data.aws_secret_access_key}' | base64 -d)
oc create secret generic image-registry-private-configuration-user \
    -n openshift-image-registry \
    --from-literal=REGISTRY_STORAGE_S3_ACCESSKEY=${ACCESSKEY} \
    --from-literal=REGISTRY_STORAGE_S3_SECRETKEY=${SECRETKEY}
# Verbatim and malformed ("storage": "s3": {...}): the client refuses to parse the patch, as the real one does.
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "storage": "s3": { "region": "us-east-1" } } }'
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "storage": "s3": { "bucket": "my-registry-bucket" } } }'
# Verbatim, with lower-case keys: the 4.0 CRD had no schema, so they are stored as typed and ignored.
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '
    {
    "spec": {
        "requests": {
          "read": {
            "maxrunning": 10,
            "maxinqueue": 10,
            "maxwaitinqueue": "2m"
          },
          "write": {
            "maxrunning": 10,
            "maxinqueue": 10,
            "maxwaitinqueue": "2m"
          }
        }
      }
    }'
# The workshop's alternative to the patch below; with no editor change it is the "review then :q!" case.
oc edit configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry
# Verbatim: a string "true" for a boolean; the 4.0 server stores it as typed.
oc patch configs.imageregistry.operator.openshift.io/instance \
    -n openshift-image-registry \
    --type merge \
    --patch '{ "spec": { "defaultRoute": "true" } }'
# ADAPTED: show what the server stored and what the operator made of it.
sleep 10
oc get configs.imageregistry.operator.openshift.io/instance -o yaml
oc get route
oc adm migrate image-references registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/* --confirm
