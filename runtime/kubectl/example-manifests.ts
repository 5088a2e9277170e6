// The kubernetes.io example manifests lessons apply by URL (`kubectl apply -f
// https://k8s.io/examples/application/deployment.yaml`). kubeplay runs offline, so `-f URL` reads
// them from this catalog: the files of github.com/kubernetes/website content/en/examples, byte
// for byte, under the URLs that serve them.

/** The example files by their path under content/en/examples. */
const EXAMPLES: Record<string, string> = {
  'application/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  selector:
    matchLabels:
      app: nginx
  replicas: 2 # tells deployment to run 2 pods matching the template
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`,
  'application/deployment-update.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  replicas: 2
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.16.1 # Update the version of nginx from 1.14.2 to 1.16.1
        ports:
        - containerPort: 80
`,
  'application/deployment-scale.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  replicas: 4 # Update the replicas from 2 to 4
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.16.1
        ports:
        - containerPort: 80
`,
  'application/nginx-app.yaml': `apiVersion: v1
kind: Service
metadata:
  name: my-nginx-svc
  labels:
    app.kubernetes.io/name: nginx
spec:
  type: LoadBalancer
  ports:
  - port: 80
  selector:
    app.kubernetes.io/name: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
  labels:
    app.kubernetes.io/name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`,
  'application/nginx/nginx-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  replicas: 3
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`,
  'application/nginx/nginx-svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: my-nginx-svc
  labels:
    app.kubernetes.io/name: nginx
spec:
  type: LoadBalancer
  ports:
  - port: 80
  selector:
    app.kubernetes.io/name: nginx
`,
  'pods/simple-pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
`,
  'service/nginx-service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  ports:
  - port: 8000 # the port that this service should serve on
    # the container on each pod to connect to, can be a name
    # (e.g. 'www') or a number (e.g. 80)
    targetPort: 80
    protocol: TCP
  # just like the selector in the deployment,
  # but this time it identifies the set of pods to load balance
  # traffic to.
  selector:
    app.kubernetes.io/name: nginx
`,
  'controllers/frontend.yaml': `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app.kubernetes.io/name: guestbook
    tier: frontend
spec:
  # modify replicas according to your case
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5
`,
};

/** The URL prefixes the examples are served under (k8s.io redirects to kubernetes.io). */
const PREFIXES = [
  /^https?:\/\/(?:k8s\.io|kubernetes\.io)\/examples\//,
  /^https?:\/\/raw\.githubusercontent\.com\/kubernetes\/website\/main\/content\/en\/examples\//,
];

/** The hosts above: reachable, so a path they do not serve is a 404 rather than a failed lookup. */
const HOSTS = new Set(['k8s.io', 'kubernetes.io', 'raw.githubusercontent.com']);

/** Whether kubectl reads `name` as a URL (FilenameParam: an `http://` or `https://` prefix). */
export const isUrl = (name: string): boolean => name.startsWith('http://') || name.startsWith('https://');

/**
 * What fetching `url` gives: the example's text, or the error kubectl reports (readHttpWithRetries:
 * a status other than 200; or http.Get's error, which CheckErr prints as `Unable to connect to the
 * server: …`, the host resolving nowhere through the learner's local resolver).
 */
export function fetchExample(url: string): { text: string } | { error: string; connect: boolean } {
  for (const prefix of PREFIXES) {
    const match = prefix.exec(url);
    const text = match ? EXAMPLES[url.slice(match[0].length)] : undefined;
    if (text !== undefined) return { text };
  }
  const host = /^https?:\/\/([^/:?#]*)/.exec(url)?.[1] ?? '';
  if (HOSTS.has(host)) {
    return {
      error: `unable to read URL ${JSON.stringify(url)}, server reported 404 Not Found, status code=404`,
      connect: false,
    };
  }
  return {
    error: `Unable to connect to the server: dial tcp: lookup ${host} on 127.0.0.53:53: no such host`,
    connect: true,
  };
}
