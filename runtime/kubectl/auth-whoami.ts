import { ApiError } from './kubectl-client';
import { errorText } from './error-text';
import { toGoJson } from './printers/json';
import { tabulate } from './printers/tabwriter';
import { toYaml } from './printers/yaml';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';

interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/** Go's %v of a []string. */
const list = (items: readonly string[]): string => `[${items.join(' ')}]`;

/** The ATTRIBUTE/VALUE table whoami prints without -o (printTableSelfSubjectAccessReview). */
function userTable(user: UserInfo): string {
  let text = 'ATTRIBUTE\tVALUE\n';
  if (user.username) text += `Username\t${user.username}\n`;
  if (user.uid) text += `UID\t${user.uid}\n`;
  if (user.groups?.length) text += `Groups\t${list(user.groups)}\n`;
  for (const key of Object.keys(user.extra ?? {}).sort()) text += `Extra: ${key}\t${list(user.extra?.[key] ?? [])}\n`;
  return tabulate(text);
}

/** `kubectl auth whoami` (kubectl pkg/cmd/auth/whoami.go): the user a SelfSubjectReview reports. */
export const authWhoami: KubectlSubcommand = {
  name: 'whoami',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  async run(ctx) {
    const { flags, stdout, stderr } = ctx;
    const output = flags.get('output');
    if (output !== undefined && output !== 'json' && output !== 'yaml')
      return fail(stderr, `-o ${String(output)} is not available in kubeplay's auth whoami yet`);
    const setup = await kubectlSetup(ctx);
    let review: { status?: { userInfo?: UserInfo } };
    try {
      review = await setup.client.json('/apis/authentication.k8s.io/v1/selfsubjectreviews', {
        method: 'POST',
        contentType: 'application/json',
        value: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: {} },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 403)
        return fail(
          stderr,
          'the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it',
        );
      stderr.write(errorText(error));
      return 1;
    }
    const user = review.status?.userInfo ?? {};
    if (output === undefined) {
      stdout.write(userTable(user));
      return 0;
    }
    // The typed object, in the struct's field order, empty fields left out.
    const userInfo = Object.fromEntries(
      (['username', 'uid', 'groups', 'extra'] as const).filter((k) => user[k] !== undefined).map((k) => [k, user[k]]),
    );
    const object = {
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: {},
      status: { userInfo },
    };
    stdout.write(output === 'json' ? toGoJson(object) : toYaml(object));
    return 0;
  },
};
