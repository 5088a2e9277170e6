import { describe, expect, it } from 'vitest';
import { BrokenPipeError, createPipe, readAll, readLines, stringInput } from './process';

describe('pipes', () => {
  it('carries what the writer writes, in order, then end of file', async () => {
    const { reader, writer } = createPipe();
    void writer.write('a\nb');
    void writer.write('\nc\n');
    writer.close();
    const lines: string[] = [];
    for await (const line of readLines(reader)) lines.push(line);
    expect(lines).toEqual(['a', 'b', 'c']);
  });

  it('makes a writer past the capacity wait until the reader has read', async () => {
    const { reader, writer } = createPipe(4);
    expect(writer.write('abc')).toBeUndefined();
    const waiting = writer.write('def');
    expect(waiting).toBeInstanceOf(Promise);
    let resumed = false;
    void (waiting as Promise<void>).then(() => (resumed = true));
    await Promise.resolve();
    expect(resumed).toBe(false);
    expect(await reader.read()).toBe('abcdef');
    await waiting;
    expect(resumed).toBe(true);
  });

  it('breaks once the reader closes: the next write throws, a waiting one rejects', async () => {
    const { reader, writer } = createPipe(2);
    const waiting = writer.write('full');
    reader.close();
    await expect(waiting).rejects.toBeInstanceOf(BrokenPipeError);
    expect(() => writer.write('more')).toThrow(BrokenPipeError);
  });

  it('wakes a waiting reader when data comes, and at end of file', async () => {
    const { reader, writer } = createPipe();
    const first = reader.read();
    void writer.write('x');
    expect(await first).toBe('x');
    const second = reader.read();
    writer.close();
    expect(await second).toBeNull();
  });
});

describe('inputs', () => {
  it('reads a string once, then end of file; an empty one is at end of file at once', async () => {
    expect(await readAll(stringInput('one\ntwo'))).toBe('one\ntwo');
    expect(await stringInput('').read()).toBeNull();
  });
});
