/**
 * Generates runtime/api/openapi/schemas.json: Kubernetes' OpenAPI v3 component schemas, read
 * from the declaration files of the `kubernetes-types` npm package with the TypeScript compiler
 * API. Each interface becomes an object schema with its doc comment as description, each
 * property a field schema (`allOf: [{$ref}]` for references, `items`, `additionalProperties`)
 * with its doc comment, non-optional properties `required`, and kinds (an `apiVersion` and
 * `kind` of literal types) carry `x-kubernetes-group-version-kind`.
 *
 * Run: npx tsx scripts/gen-openapi.ts
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

type Schema = Record<string, unknown>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'runtime/api/openapi/schemas.json');
const PACKAGE_JSON = createRequire(import.meta.url).resolve('kubernetes-types/package.json');
const PACKAGE_DIR = dirname(PACKAGE_JSON);
const PACKAGE_VERSION = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
const REF = '#/components/schemas/';

/** The schema name prefix of a module of the package (`core/v1` → `io.k8s.api.core.v1`). */
function modulePrefix(module: string): string {
  if (module === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (module === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (module === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  if (module === 'version') return 'io.k8s.apimachinery.pkg.version';
  if (module.startsWith('apiextensions/'))
    return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${module.split('/')[1]}`;
  if (/^[a-z0-9]+\/v[0-9]+((alpha|beta)[0-9]+)?$/.test(module)) return `io.k8s.api.${module.replace('/', '.')}`;
  throw new Error(`kubernetes-types module ${module}: no Kubernetes schema name known for it`);
}

/**
 * The wire formats the Go types give themselves (their OpenAPIDefinition / OpenAPIV3OneOfTypes),
 * which a TypeScript `string` cannot tell: as the real v3 documents have them.
 */
const FORMATS: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

/**
 * intstr.IntOrString has no declaration in the package (its fields are `number | string`), so
 * its description, the Go type's doc comment, is the one text that does not come from it.
 */
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const INT_OR_STRING_SCHEMA: Schema = {
  description:
    'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  format: 'int-or-string',
  oneOf: [{ type: 'integer' }, { type: 'string' }],
};

/** The few float64 fields among the integers (TypeScript has one `number`). */
const FLOATS = new Set([
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.maximum',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.minimum',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.multipleOf',
]);

/**
 * Fields kubernetes-types leaves out (its generator skips property names that are not
 * identifiers): JSONSchemaProps' `x-kubernetes-*` extensions, with their upstream types. Without
 * them, field validation would reject every CRD that uses them. They have no description here.
 */
const JSON_SCHEMA_PROPS = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';
const DROPPED: Record<string, Record<string, Schema>> = {
  [JSON_SCHEMA_PROPS]: {
    'x-kubernetes-embedded-resource': { type: 'boolean' },
    'x-kubernetes-int-or-string': { type: 'boolean' },
    'x-kubernetes-list-map-keys': { type: 'array', items: { type: 'string' } },
    'x-kubernetes-list-type': { type: 'string' },
    'x-kubernetes-map-type': { type: 'string' },
    'x-kubernetes-preserve-unknown-fields': { type: 'boolean' },
    'x-kubernetes-validations': {
      type: 'array',
      items: { $ref: `${REF}io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule` },
    },
  },
};

/**
 * Fields Kubernetes added in 1.31–1.34, which kubernetes-types (at 1.30) does not have yet:
 * names and types only (from the v1.34 API types), so that field validation accepts manifests
 * that use them. `{ type: 'object' }` without properties takes any content.
 */
const CORE = 'io.k8s.api.core.v1';
const ADDED_SINCE_1_30: Record<string, Record<string, Schema>> = {
  [`${CORE}.PodSpec`]: {
    hostnameOverride: { type: 'string' },
    resources: { $ref: `${REF}${CORE}.ResourceRequirements` },
  },
  [`${CORE}.Container`]: { restartPolicyRules: { type: 'array', items: { type: 'object' } } },
  [`${CORE}.EphemeralContainer`]: { restartPolicyRules: { type: 'array', items: { type: 'object' } } },
  [`${CORE}.Lifecycle`]: { stopSignal: { type: 'string' } },
  [`${CORE}.PodSecurityContext`]: {
    seLinuxChangePolicy: { type: 'string' },
    supplementalGroupsPolicy: { type: 'string' },
  },
  [`${CORE}.EnvVarSource`]: { fileKeyRef: { type: 'object' } },
  [`${CORE}.PodCondition`]: { observedGeneration: { type: 'integer', format: 'int64' } },
  [`${CORE}.PodStatus`]: { observedGeneration: { type: 'integer', format: 'int64' } },
  [`${CORE}.VolumeProjection`]: { podCertificate: { type: 'object' } },
  [`${CORE}.PodResourceClaim`]: {
    resourceClaimName: { type: 'string' },
    resourceClaimTemplateName: { type: 'string' },
  },
  'io.k8s.api.apps.v1.DeploymentStatus': { terminatingReplicas: { type: 'integer', format: 'int32' } },
  'io.k8s.api.apps.v1.ReplicaSetStatus': { terminatingReplicas: { type: 'integer', format: 'int32' } },
  'io.k8s.api.autoscaling.v2.HPAScalingRules': {
    tolerance: { $ref: `${REF}io.k8s.apimachinery.pkg.api.resource.Quantity` },
  },
  'io.k8s.api.discovery.v1.EndpointHints': { forNodes: { type: 'array', items: { type: 'object' } } },
};

/** The text of the `/** … *\/` comment right before a node, as the upstream description. */
function docComment(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const range = ranges.filter((r) => source.text.startsWith('/**', r.pos)).pop();
  if (!range) return undefined;
  const body = source.text.slice(range.pos + 3, range.end - 2);
  const lines = body.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
  const text = lines
    .join('\n')
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .replace(/^ /, '')
    .replace(/\*\\\//g, '*/');
  return text || undefined;
}

/** Resolves a type name used in one file to its schema name, through the file's imports. */
class Scope {
  private readonly names = new Map<string, string>();

  constructor(source: ts.SourceFile, module: string) {
    const prefix = modulePrefix(module);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const from = join(dirname(module), statement.moduleSpecifier.text).replace(/\\/g, '/');
        const bindings = statement.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings))
          for (const element of bindings.elements) {
            const imported = (element.propertyName ?? element.name).text;
            this.names.set(element.name.text, `${modulePrefix(from)}.${imported}`);
          }
      } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name) {
        this.names.set(statement.name.text, `${prefix}.${statement.name.text}`);
      }
    }
  }

  resolve(name: string): string {
    const resolved = this.names.get(name);
    if (!resolved) throw new Error(`unknown type ${name}`);
    return resolved;
  }
}

/** The schema of a property's (or an item's, a value's) type. */
function typeSchema(node: ts.TypeNode, scope: Scope, where: string): Schema {
  if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
  if (node.kind === ts.SyntaxKind.NumberKeyword) return FLOATS.has(where) ? { type: 'number' } : { type: 'integer' };
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string' };
  if (ts.isParenthesizedTypeNode(node)) return typeSchema(node.type, scope, where);
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeSchema(node.elementType, scope, where) };
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind).sort();
    if (kinds.join() === [ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword].sort().join())
      return { $ref: REF + INT_OR_STRING };
    if (node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return { type: 'string' };
    throw new Error(`${where}: unsupported union ${node.getText()}`);
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    if (name === 'Array' && node.typeArguments?.length === 1)
      return { type: 'array', items: typeSchema(node.typeArguments[0], scope, where) };
    return { $ref: REF + scope.resolve(name) };
  }
  if (ts.isTypeLiteralNode(node)) {
    const [index] = node.members;
    if (node.members.length === 1 && ts.isIndexSignatureDeclaration(index) && index.type)
      return { type: 'object', additionalProperties: typeSchema(index.type, scope, where) };
  }
  throw new Error(`${where}: unsupported type ${node.getText()}`);
}

/** A property's schema: a reference goes in `allOf` so that the description may sit beside it. */
function propertySchema(node: ts.TypeNode, scope: Scope, where: string, description: string | undefined): Schema {
  const schema = typeSchema(node, scope, where);
  const wrapped = schema.$ref ? { allOf: [schema] } : schema;
  return description ? { description, ...wrapped } : wrapped;
}

/** The literal text of a property's type (`apiVersion?: "apps/v1"`), if it is one. */
function literal(member: ts.PropertySignature | undefined): string | undefined {
  const type = member?.type;
  return type && ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
}

function interfaceSchema(node: ts.InterfaceDeclaration, scope: Scope, name: string, description?: string): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const members = new Map<string, ts.PropertySignature>();
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type) throw new Error(`${name}: unsupported member`);
    const key = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (key === undefined) throw new Error(`${name}: unsupported property name ${member.name.getText()}`);
    members.set(key, member);
    properties[key] = propertySchema(member.type, scope, `${name}.${key}`, docComment(member, node.getSourceFile()));
    if (!member.questionToken) required.push(key);
  }
  const schema: Schema = { ...(description ? { description } : {}), type: 'object' };
  if (members.size > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required;
  const apiVersion = literal(members.get('apiVersion'));
  const kind = literal(members.get('kind'));
  if (apiVersion && kind) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    schema['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
  }
  return schema;
}

function aliasSchema(node: ts.TypeAliasDeclaration, scope: Scope, name: string, description?: string): Schema {
  const base = description ? { description } : {};
  if (FORMATS[name]) return { ...base, ...FORMATS[name] };
  // A union the Go type unmarshals by hand (JSONSchemaPropsOrBool, …): no type, as upstream.
  if (ts.isUnionTypeNode(node.type)) return base;
  return { ...base, ...typeSchema(node.type, scope, name) };
}

/** Every declaration file of the package, as module paths (`core/v1`, `runtime`, …). */
function modules(dir = PACKAGE_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return modules(path);
    return entry.endsWith('.d.ts')
      ? [
          relative(PACKAGE_DIR, path)
            .replace(/\\/g, '/')
            .replace(/\.d\.ts$/, ''),
        ]
      : [];
  });
}

function generate(): Record<string, Schema> {
  const schemas: Record<string, Schema> = { [INT_OR_STRING]: INT_OR_STRING_SCHEMA };
  for (const module of modules().sort()) {
    const file = join(PACKAGE_DIR, `${module}.d.ts`);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const scope = new Scope(source, module);
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
      const name = `${modulePrefix(module)}.${statement.name.text}`;
      const description = docComment(statement, source);
      schemas[name] = ts.isInterfaceDeclaration(statement)
        ? interfaceSchema(statement, scope, name, description)
        : aliasSchema(statement, scope, name, description);
    }
  }
  for (const [name, properties] of Object.entries({ ...DROPPED, ...ADDED_SINCE_1_30 })) {
    const schema = schemas[name] as { properties: Record<string, Schema> };
    for (const key of Object.keys(properties))
      if (schema.properties[key]) throw new Error(`${name}.${key} is in the package now: drop it from DROPPED`);
    schema.properties = Object.fromEntries(
      Object.entries({ ...schema.properties, ...properties }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  for (const [name, schema] of Object.entries(schemas))
    for (const ref of JSON.stringify(schema).matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      if (!schemas[ref[1]]) throw new Error(`${name} refers to ${ref[1]}, which was not generated`);
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const schemas = generate();
const document = {
  generated: `by scripts/gen-openapi.ts (npx tsx scripts/gen-openapi.ts) from kubernetes-types@${PACKAGE_VERSION}; do not edit`,
  schemas,
};
writeFileSync(OUTPUT, `${JSON.stringify(document)}\n`);
console.log(`${relative(ROOT, OUTPUT)}: ${Object.keys(schemas).length} schemas`);
