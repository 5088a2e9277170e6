// kubectl(1) and minikube(1): neither ships a page on Ubuntu; kubeplay's say what its own do.
import { example, option, type ManPage } from '../page';
import { page, seeAlso } from './helpers';

export const KUBERNETES_PAGES: ManPage[] = [
  page('kubectl v1.34.5', 'February 2026')(
    'kubectl',
    'kubectl controls the Kubernetes cluster manager',
    ['**kubectl** __command__ [__TYPE__] [__NAME__] [__flags__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**kubectl** talks to the API server of the cluster in the current context of ~/.kube/config: it reads, creates, changes and deletes the objects the cluster is made of. __TYPE__ is a resource type such as pods (po), deployments (deploy) or services (svc); __NAME__ picks one object. **kubectl help** and **kubectl** __command__ **--help** describe every command.',
        ],
      },
      {
        title: 'COMMANDS',
        blocks: [
          option('**get**', 'list objects, or show one'),
          option('**describe**', 'show an object in detail, with its recent events'),
          option(
            '**create**, **apply**',
            'make objects from a file (**-f**) or from flags; **apply** also updates them',
          ),
          option('**delete**', 'delete objects'),
          option('**edit**', 'change an object in an editor'),
          option('**logs**', "print a container's output"),
          option('**exec**', 'run a command in a container'),
          option('**scale**, **rollout**', "change a workload's replicas, follow and undo its rollouts"),
          option('**expose**', 'make a service for a workload'),
          option('**top**', 'show the CPU and memory that nodes and pods use'),
          option('**explain**', 'document the fields of a resource'),
          option('**config**', 'show and change the kubeconfig: clusters, users and contexts'),
        ],
      },
      {
        title: 'OPTIONS',
        blocks: [
          option('**-n**, **--namespace** __name__', 'act in this namespace'),
          option('**-A**, **--all-namespaces**', 'list objects of every namespace'),
          option('**-o**, **--output** __format__', 'print as wide, yaml, json, name or jsonpath=__template__'),
          option('**-l**, **--selector** __query__', 'only the objects whose labels match, such as app=web'),
          option('**-w**, **--watch**', 'after listing, print changes as they happen'),
          option('**-f**, **--filename** __file__', 'the manifest to act on'),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: [
          example(
            'kubectl get pods -o wide',
            'kubectl create deployment web --image=nginx --replicas=3',
            'kubectl describe pod web-7c5ddbdf54-abcde',
            'kubectl logs -f deploy/web',
            'kubectl apply -f deploy.yaml',
          ),
        ],
      },
      seeAlso('minikube(1)'),
    ],
  ),
  page('minikube v1.37.0', 'September 2025')(
    'minikube',
    'run a local Kubernetes cluster',
    ['**minikube** __command__ [__flags__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**minikube** starts a Kubernetes cluster on this machine and looks after it. It also writes the context kubectl uses to reach it.',
        ],
      },
      {
        title: 'COMMANDS',
        blocks: [
          option('**start**', 'start the cluster, creating it the first time'),
          option('**status**', 'say whether the cluster and its parts are running'),
          option('**stop**, **delete**', 'stop the cluster; delete it and all it holds'),
          option(
            '**addons list**, **addons enable** __name__',
            'list the optional components (ingress, metrics-server, dashboard, ...), turn one on',
          ),
          option('**service** __name__ **--url**', "print the URL of a service from the host's side"),
          option('**dashboard**', 'open the Kubernetes dashboard'),
          option('**ip**', "print the node's address"),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: [example('minikube start', 'minikube addons enable metrics-server', 'minikube service web --url')],
      },
      seeAlso('kubectl(1)'),
    ],
  ),
];
