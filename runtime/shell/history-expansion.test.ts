import { describe, expect, it } from 'vitest';
import { expandHistory } from './history-expansion';

const entries = ['kubectl get pods', 'echo one two three', 'kubectl describe pod web'];

describe('history expansion', () => {
  it('names events by number, offset, prefix and substring', () => {
    expect(expandHistory('!1', entries)).toEqual({ line: 'kubectl get pods', changed: true });
    expect(expandHistory('!-2', entries)).toEqual({ line: 'echo one two three', changed: true });
    expect(expandHistory('!kubectl', entries)).toEqual({ line: 'kubectl describe pod web', changed: true });
    expect(expandHistory('!?get? -w', entries)).toEqual({ line: 'kubectl get pods -w', changed: true });
    expect(expandHistory('sudo !!', entries)).toEqual({ line: 'sudo kubectl describe pod web', changed: true });
  });

  it('takes words of the previous line', () => {
    expect(expandHistory('echo !^ !$', entries)).toEqual({ line: 'echo describe web', changed: true });
    expect(expandHistory('echo !*', entries)).toEqual({ line: 'echo describe pod web', changed: true });
  });

  it('leaves single quotes, escaped and lone bangs alone, and expands inside double quotes', () => {
    expect(expandHistory("echo '!!' \\!! ! != !(x)", entries)).toEqual({
      line: "echo '!!' \\!! ! != !(x)",
      changed: false,
    });
    expect(expandHistory('echo "!!"', entries)).toEqual({ line: 'echo "kubectl describe pod web"', changed: true });
  });

  it('reports an event that is not there', () => {
    expect(expandHistory('!nope', entries)).toEqual({ error: '!nope: event not found' });
    expect(expandHistory('!99', entries)).toEqual({ error: '!99: event not found' });
  });
});
