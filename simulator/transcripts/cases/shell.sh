# scenario: minimal
# The shell around oc: quotes, variables, pipes, lists, redirections, here-documents, tools.
echo 'single $HOME' "double $HOME" ${USER}
export NS=openshift-image-registry; echo "$NS"
X=1 env | grep ^X=
echo "multi
line"
echo one \
  two
false || echo "or ran"; true && echo "and ran"
oc get nodes -o name | sort -r | head -2
oc get nodes --no-headers | awk '{print $1, $3}'
oc get nodes --no-headers | cut -d' ' -f1 | tr a-z A-Z
oc get nodes | grep -v NAME | wc -l
oc get nodes | grep -iE 'MASTER|worker-1' | grep -c Ready
oc get nodes -o name > /tmp/nodes.txt; cat /tmp/nodes.txt
cat < /tmp/nodes.txt | tail -1
cat <<EOT
node count: $(wc -l < /tmp/nodes.txt)
EOT
echo c3VwZXI= | base64 -d; echo
echo /tmp/*.txt /nope/*.x
cd /tmp && pwd && ls && cd ~ && pwd
sed -n '2p' /tmp/nodes.txt
oc get ns default -o json | jq -r .metadata.name
history | tail -2
nosuch
oc get nodes | nosuch
echo $?
