import { runInteractive, runPiped } from './interactive';
import { runKubectlCommand } from './kubectl';
import { runFile } from './run-file';
import { runServe } from './serve';

const USAGE = `Usage:
  kubeplay                 an interactive shell on a kubeplay cluster (real time)
  kubeplay run FILE        run FILE's lines as if typed, on a fresh seeded cluster on virtual
                           time, and print the transcript
  kubeplay serve [--port 6443] [--kubeconfig FILE] [--state DIR]
                           serve the Kubernetes API over HTTP on 127.0.0.1 for the real
                           kubectl; writes a kubeconfig (default ./kubeplay.kubeconfig);
                           keeps state in DIR when given, in memory otherwise
  kubeplay kubectl [--kubeconfig FILE] ARGS...
                           kubeplay's kubectl against any API server: the kubeconfig's
                           current context (--kubeconfig, $KUBECONFIG, ~/.kube/config)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      return process.stdin.isTTY ? runInteractive() : runPiped(process.stdin);
    case 'run':
      if (rest.length !== 1) {
        process.stderr.write(`kubeplay run: expected one FILE\n\n${USAGE}`);
        return 2;
      }
      return runFile(rest[0]);
    case 'serve':
      return runServe(rest);
    case 'kubectl':
      return runKubectlCommand(rest);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`kubeplay: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
