// Replays tests/fixtures/kubectl/config.json (the real kubectl v1.34.5 running the sequence of
// tests/kubectl-config-cases.ts on minikube's kubeconfig, recorded by
// scripts/oracle/record-kubectl-config.ts) through kubeplay's `config` and `options`, in order,
// on one file.
import { describe, expect, it } from 'vitest';
import { config } from '../runtime/kubectl/kubeconfig/config';
import { minikubeKubeconfig } from '../runtime/kubectl/kubeconfig/minikube-kubeconfig';
import { options } from '../runtime/kubectl/options';
import { Volume } from '../runtime/shell/fs/volume';
import cases from './fixtures/kubectl/config.json';
import { CONFIG_EPOCH, CONFIG_HOME } from './kubectl-config-cases';
import { runSubcommand } from './kubectl-run-subcommand';

describe('kubectl config matches the real kubectl', () => {
  const fs = new Volume({ [`${CONFIG_HOME}/.kube/config`]: minikubeKubeconfig(CONFIG_HOME, CONFIG_EPOCH) });
  const env = { HOME: CONFIG_HOME };
  const subcommands = new Map([config, options].map((c) => [c.name, c]));
  cases.forEach((c, index) => {
    it(`${index}: kubectl ${c.args.join(' ')}`, async () => {
      const subcommand = subcommands.get(c.args[0]);
      if (!subcommand) throw new Error(`no subcommand ${c.args[0]}`);
      const result = await runSubcommand(subcommand, c.args, { fs, env });
      expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  });
});
