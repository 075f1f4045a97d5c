# scenario: aws-4.0
# Discovery and help on the 4.0 profile: api-resources, explain, help, --help, whoami, version, -w.
oc api-resources --api-group=imageregistry.operator.openshift.io
oc api-resources | grep -E '^(pods|deployments|configs) '
oc explain configs.imageregistry.operator.openshift.io.spec.storage
oc explain pvc.spec --recursive
oc help | head -20
oc patch --help | head -12
oc get -h | tail -5
oc whoami
oc version
oc get configs.imageregistry.operator.openshift.io/cluster
oc get configs.imageregistry.operator.openshift.io
oc get config.imageregistry.operator.openshift.io instance -o name
oc get configs.imageregistry/instance -o jsonpath='{.spec.managementState}{"\n"}'
oc get pods -n openshift-image-registry -w
oc describe co cluster-image-registry-operator
oc adm migrate image-references 'registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/*'
