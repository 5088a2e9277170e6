import { describe, expect, it } from 'vitest';
import { expandPrompt, tildeDirectory, UBUNTU_PS1 } from './prompt';

const ctx = { user: 'learner', host: 'kubeplay', cwd: '/home/learner/manifests', home: '/home/learner', uid: 1000 };

describe('prompts', () => {
  it("expands Ubuntu's PS1: the window title, then user@host:dir$ in colour", () => {
    expect(expandPrompt(UBUNTU_PS1, ctx)).toBe(
      '\x1b]0;learner@kubeplay: ~/manifests\x07\x1b[01;32mlearner@kubeplay\x1b[00m:\x1b[01;34m~/manifests\x1b[00m$ ',
    );
  });

  it('shows the home directory as ~, a base name with \\W, # for root', () => {
    expect(tildeDirectory('/home/learner', '/home/learner')).toBe('~');
    expect(tildeDirectory('/home/learnerx', '/home/learner')).toBe('/home/learnerx');
    expect(expandPrompt('\\W \\w \\$', { ...ctx, cwd: '/tmp/a/b' })).toBe('b /tmp/a/b $');
    expect(expandPrompt('\\W\\$', { ...ctx, cwd: '/home/learner', uid: 0 })).toBe('~#');
    expect(expandPrompt('\\101\\\\\\q', ctx)).toBe('A\\\\q');
  });
});
