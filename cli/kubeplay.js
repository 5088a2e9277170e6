#!/usr/bin/env node
// Entry point of `npx kubeplay`: runs the TypeScript sources directly through tsx, so the CLI
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
