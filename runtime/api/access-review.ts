import { isObject, type KubeObject } from './object';
import type { Attributes, PolicyRule } from './rbac';
import type { FieldError } from './resource';
import type { UserInfo } from './user';

/** What a review (access, rules, token or self-subject review) may consult. */
export interface ReviewContext {
  /** Who sent the review. */
  user: UserInfo;
  /** The namespace in the path (LocalSubjectAccessReview). */
  namespace?: string;
  authorize(user: UserInfo, attributes: Attributes): { allowed: boolean; reason?: string };
  rules(user: UserInfo, namespace: string): PolicyRule[];
  /** The user a service account token stands for, if kubeplay issued it and it is still valid. */
  authenticate(token: string): { user: UserInfo; audiences: string[] } | undefined;
}

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

interface AccessReviewSpec {
  resourceAttributes?: ResourceAttributes | null;
  nonResourceAttributes?: { path?: string; verb?: string } | null;
  user?: string;
  groups?: string[];
  uid?: string;
  extra?: Record<string, string[]>;
}

const specOf = (review: KubeObject): AccessReviewSpec => (isObject(review.spec) ? review.spec : {}) as AccessReviewSpec;

/** ValidateSelfSubjectAccessReviewSpec: exactly one kind of attributes. */
export function validateAttributes(review: KubeObject): FieldError[] {
  const spec = specOf(review);
  const errors: FieldError[] = [];
  if (spec.resourceAttributes && spec.nonResourceAttributes) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.nonResourceAttributes',
      message: `Invalid value: ${goValue(spec.nonResourceAttributes)}: cannot be specified in combination with resourceAttributes`,
    });
  }
  if (!spec.resourceAttributes && !spec.nonResourceAttributes) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.resourceAttributes',
      message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    });
  }
  return errors;
}

/** ValidateSubjectAccessReviewSpec adds: the review names a user or a group. */
export function validateSubject(review: KubeObject): FieldError[] {
  const spec = specOf(review);
  const errors = validateAttributes(review);
  if (!spec.user && (spec.groups ?? []).length === 0) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.user',
      message: 'Invalid value: "": at least one of user or group must be specified',
    });
  }
  return errors;
}

/** How Go's %v of a small struct pointer shows in an Invalid value. */
function goValue(value: { path?: string; verb?: string }): string {
  return JSON.stringify(`&NonResourceAttributes{Path:${value.path ?? ''},Verb:${value.verb ?? ''},}`);
}

/** The attributes a review asks about. */
function attributesOf(spec: AccessReviewSpec): Attributes {
  if (spec.resourceAttributes) {
    const r = spec.resourceAttributes;
    return {
      kind: 'resource',
      verb: r.verb ?? '',
      namespace: r.namespace ?? '',
      group: r.group ?? '',
      resource: r.resource ?? '',
      subresource: r.subresource ?? '',
      name: r.name ?? '',
    };
  }
  const n = spec.nonResourceAttributes ?? {};
  return { kind: 'nonResource', verb: n.verb ?? '', path: n.path ?? '' };
}

/** The review with its status: what the authorizers decide for `user`. */
export function decide(review: KubeObject, user: UserInfo, context: ReviewContext): KubeObject {
  const { allowed, reason } = context.authorize(user, attributesOf(specOf(review)));
  return { ...review, status: { allowed, ...(reason ? { reason } : {}) } };
}

/** The user a SubjectAccessReview names. */
export function subjectOf(review: KubeObject): UserInfo {
  const spec = specOf(review);
  return {
    username: spec.user ?? '',
    groups: spec.groups ?? [],
    ...(spec.uid ? { uid: spec.uid } : {}),
    ...(spec.extra ? { extra: spec.extra } : {}),
  };
}
