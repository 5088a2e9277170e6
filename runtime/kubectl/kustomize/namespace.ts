import { isClusterScoped, isMap, kindOf, mapAt, namespaceOf, nameOf, rename, type KResource } from './resource';

/** The `namespace` transformer (NamespaceTransformer with its default field specs). */
export function transformNamespace(resources: readonly KResource[], namespace: string): void {
  for (const r of resources) {
    // A v1 Namespace takes the name; cluster-scoped objects keep none (metaNamespaceHack).
    if (kindOf(r) === 'Namespace' && r.object.apiVersion === 'v1') {
      if (nameOf(r) !== namespace) rename(r, namespace);
      continue;
    }
    if (!isClusterScoped(r) && namespaceOf(r) !== namespace) rename(r, nameOf(r), namespace);
    else if (!isClusterScoped(r)) mapAt(r.object, 'metadata').namespace = namespace;
    // Role bindings' subjects named `default` follow (roleBindingHack, DefaultSubjectsOnly).
    if ((kindOf(r) === 'RoleBinding' || kindOf(r) === 'ClusterRoleBinding') && Array.isArray(r.object.subjects)) {
      for (const subject of r.object.subjects)
        if (isMap(subject) && subject.name === 'default') subject.namespace = namespace;
    }
  }
}
