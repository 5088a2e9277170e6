# The minikube tutorial this project grew from (../shared/seed), step by step, for today's
# Kubernetes: apps/v1 ReplicaSets, `kubectl create deployment` where the tutorial used the
# dashboard's form, an editor script for `kubectl edit`. `sleep` lets the cluster clock run.
kubectl create deployment redis --image=redis
sleep 30
kubectl get pods
kubectl get deployment
kubectl get replicaset
kubectl get nodes
kubectl logs deployment/redis
# The tutorial talks to redis with redis-cli inside its pod.
kubectl exec deployment/redis -- redis-cli set foo bar
kubectl exec deployment/redis -- redis-cli get foo
cat > pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: qingge
spec:
  containers:
  - name: nginx
    image: nginx
YAML
kubectl create -f pod.yaml
kubectl get pods
sleep 30
kubectl get pods
kubectl proxy &
sleep 1
curl -s localhost:8001 | head -6
curl -s localhost:8001/api/v1 | head -8
kill %1
wait
kubectl delete pods qingge
kubectl get pods
kubectl get ns
kubectl get pods --all-namespaces
# A quota of one pod: the redis pod already uses it.
kubectl create quota qingge --hard=pods=1
kubectl get quota
kubectl get quota qingge -o yaml
kubectl create -f pod.yaml
printf '%s\n' '#!/bin/sh' 'sed -i "s/pods: \"1\"/pods: \"2\"/" "$1"' > raise-quota.sh
chmod +x raise-quota.sh
KUBE_EDITOR=./raise-quota.sh kubectl edit resourcequota qingge
kubectl create -f pod.yaml
# Today a terminating pod still counts against a quota, so the quota goes before the next step.
kubectl delete pod qingge
kubectl delete quota qingge
# Self-healing: the ReplicaSet replaces a deleted pod while the old one terminates.
kubectl delete pods -l app=redis --wait=false
sleep 2
kubectl get pods
sleep 10
kubectl get pods
cat > rs.yaml <<'YAML'
apiVersion: extensions/v1beta1
kind: ReplicaSet
metadata:
  name: nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      name: nginx-pod
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx-containers
        image: nginx
YAML
# extensions/v1beta1 is gone from today's Kubernetes: apps/v1 serves ReplicaSets.
kubectl create -f rs.yaml
sed -i 's#extensions/v1beta1#apps/v1#' rs.yaml
kubectl create -f rs.yaml
sleep 20
kubectl get replicaset
kubectl get pods
kubectl delete $(kubectl get pods -l app=nginx -o name | head -1)
kubectl get pods
sleep 20
kubectl get pods -l app=nginx
kubectl get pods -Lapp
kubectl label pods -l app=redis tier=cache
kubectl get pods -Lapp,tier
kubectl label $(kubectl get pods -l app=nginx -o name | head -1) foo=bar
kubectl get pods --show-labels
# Relabelled out of the selector: the ReplicaSet makes another pod, the relabelled one keeps running.
kubectl label $(kubectl get pods -l foo=bar -o name) app=foobar --overwrite
sleep 20
kubectl get pods --show-labels
cat > svc.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  ports:
  - name: main
    port: 80
  selector:
    app: nginx
  type: NodePort
YAML
kubectl create -f svc.yaml
kubectl get svc
minikube service nginx --url
# What the browser shows at that address.
curl -s $(minikube service nginx --url) | head -4
kubectl get endpoints
kubectl scale rs nginx --replicas=5
sleep 20
kubectl get rs
kubectl get pods
# From a busybox pod: the Service by its DNS name, then its page by the cluster IP.
kubectl create deployment busybox --image=busybox -- sleep 3600
sleep 20
kubectl exec deployment/busybox -- nslookup nginx
kubectl exec deployment/busybox -- wget $(kubectl get svc nginx -o jsonpath='{.spec.clusterIP}')
kubectl exec deployment/busybox -- head -4 index.html
