# scenario: minimal
# Mutating verbs, describe, logs, rollout, label/annotate, delete, create, projects.
oc new-project demo
oc project
cat > /tmp/web.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: registry.example.com/web:1
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: 8080-tcp
    port: 8080
    targetPort: 8080
YAML
oc create -f /tmp/web.yaml
sleep 20
oc get deploy,rs,pods,svc
oc scale deployment web --replicas=2
oc rollout status deployment/web
oc get pods -l app=web
oc label deployment web tier=frontend
oc label deployment web tier=backend
oc label deployment web tier=backend --overwrite
oc annotate deployment web owner=me
oc get deployment web --show-labels
oc label deployment web tier-
oc rollout restart deployment/web
oc rollout status deployment/web --timeout=60s
oc rollout history deployment/web
oc describe deployment web
oc create route edge web --service=web --port=8080
oc get route
oc create secret generic creds --from-literal=user=admin
oc get secret creds -o jsonpath='{.data.user}' | base64 -d; echo
oc create secret generic creds --from-literal=user=admin
cat > /tmp/cm.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  level: debug
YAML
oc apply -f /tmp/cm.yaml
oc apply -f /tmp/cm.yaml
sed -i 's/debug/info/' /tmp/cm.yaml
oc apply -f /tmp/cm.yaml
oc replace -f /tmp/cm.yaml
cat /tmp/cm.yaml | oc create -f -
oc delete configmap settings
oc delete -f /tmp/cm.yaml
oc logs deployment/web --tail=2
oc wait --for=condition=Available deployment/web --timeout=30s
oc delete deployment web
oc wait --for=delete pod -l app=web --timeout=60s
oc get pods
oc delete project demo
oc whoami
oc status -n openshift-image-registry
oc version
