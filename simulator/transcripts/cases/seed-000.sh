# scenario: aws-4.0
# Workshop 000 (000_b005fb5d6c97881a.txt), OCP 4.0: the config object, the default route, a custom route, metrics.
# Commands run verbatim in the workshop's order; adaptations are marked "ADAPTED".
oc get -o yaml configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "defaultRoute": true } }'
# ADAPTED: the workshop shows the route "after modifying the operator configuration": give the operator time.
sleep 10
oc get route -n openshift-image-registry
# ADAPTED: the workshop shows the Secret only as YAML with <certificate>/<key>/<ca_certificate> placeholders;
# a trainee creates it from the files in ~/route-certificate, with the key names the workshop's YAML uses.
oc create secret generic route-certificate -n openshift-image-registry --from-file=tls.crt=$HOME/route-certificate/tls.crt --from-file=tls.key=$HOME/route-certificate/tls.key --from-file=tls.cacrt=$HOME/route-certificate/ca.crt
# Verbatim, including the workshop's "secret" key (the schema's field is "secretName", see docs/fidelity.md).
oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '
  {
    "spec": {
       "routes": [
          {
            "name": "registry",
            "hostname": "registry.yourdomain.tld",
            "secret": "route-certificate"
          }
        ]
     }
  }'
sleep 10
# Verbatim: in the default project this finds nothing.
oc get route
# ADAPTED: the workshop's `oc get route` output implies the trainee's project was openshift-image-registry.
oc project openshift-image-registry
oc get route
oc get route registry -o yaml
oc get route prometheus-k8s -n openshift-monitoring
