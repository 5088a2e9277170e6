import type { Clock } from '../clock';
import { lookupImage, type ResolvedImage } from '../images/catalog';
import type { Rng } from '../rng';
import { goDuration } from '../util/go-duration';

/** Simulated registry bandwidth: about 25 MB/s, plus a fixed round trip per pull. */
const BYTES_PER_MS = 25_000;
const PULL_OVERHEAD_MS = 600;
/** Image pull back-off (kubelet: 10 s doubling up to MaxContainerBackOff, 300 s). */
const PULL_BACKOFF_INITIAL_MS = 10_000;
const PULL_BACKOFF_MAX_MS = 300_000;

/** How EnsureImageExists ended: the image, or the waiting reason and message of the container. */
export type EnsureResult =
  | { ok: true; image: ResolvedImage }
  | {
      ok: false;
      reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName' | 'ErrImageNeverPull';
      message: string;
    };

/** Where image events go: (type, reason, message). */
export type ImageEventSink = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * A node's images and its image manager (pkg/kubelet/images): present images, pulls one at a
 * time (serializeImagePulls, the default), the pull policy, per pod-and-image back-off after a
 * failure, and the kubelet's event texts. Pulls take time on the cluster clock, in proportion to
 * the image's size.
 */
export class ImageManager {
  private readonly present = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly backoff = new Map<string, { until: number; delay: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
    preloaded: readonly string[] = [],
  ) {
    for (const image of preloaded) {
      const found = lookupImage(image);
      if (found.ok) this.present.add(this.key(found.image));
    }
  }

  private key(image: ResolvedImage): string {
    return `${image.reference.repository}:${image.reference.tag ?? ''}@${image.reference.digest ?? ''}`;
  }

  /** The images on the node, as node.status.images lists them. */
  images(): string[] {
    return [...this.present];
  }

  isPresent(image: string): boolean {
    const found = lookupImage(image);
    return found.ok && this.present.has(this.key(found.image));
  }

  /** The image for a container, pulled if its policy says so; events go to `emit`. */
  async ensureImage(
    podUid: string,
    image: string,
    pullPolicy: string | undefined,
    emit: ImageEventSink,
  ): Promise<EnsureResult> {
    const found = lookupImage(image);
    if (!found.ok && found.invalid) {
      const message = `Failed to apply default image tag "${image}": ${found.message}`;
      emit('Warning', 'InspectFailed', message);
      return { ok: false, reason: 'InvalidImageName', message };
    }
    const tag = found.ok ? found.image.reference.tag : undefined;
    const policy = pullPolicy ?? (tag === 'latest' || (!tag && !found.ok) ? 'Always' : 'IfNotPresent');
    const present = found.ok && this.present.has(this.key(found.image));
    if (present && policy !== 'Always') {
      emit('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`);
      return { ok: true, image: found.image };
    }
    if (policy === 'Never') {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      emit('Warning', 'ErrImageNeverPull', message);
      return { ok: false, reason: 'ErrImageNeverPull', message };
    }
    const backoffKey = `${podUid}_${image}`;
    const backoff = this.backoff.get(backoffKey);
    const now = this.clock.now();
    if (backoff && now < backoff.until) {
      const message = `Back-off pulling image "${image}"`;
      emit('Normal', 'BackOff', message);
      return { ok: false, reason: 'ImagePullBackOff', message };
    }
    emit('Normal', 'Pulling', `Pulling image "${image}"`);
    const started = now;
    const pulled = await this.pull(found.ok ? found.image : undefined);
    if (!found.ok || !pulled) {
      const error = found.ok ? 'unexpected error' : found.message;
      emit('Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
      const delay = backoff ? Math.min(backoff.delay * 2, PULL_BACKOFF_MAX_MS) : PULL_BACKOFF_INITIAL_MS;
      this.backoff.set(backoffKey, { until: this.clock.now() + delay, delay });
      return { ok: false, reason: 'ErrImagePull', message: error };
    }
    this.backoff.delete(backoffKey);
    const took = goDuration(this.clock.now() - started);
    emit(
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${found.image.module.sizeBytes} bytes.`,
    );
    return { ok: true, image: found.image };
  }

  /** Pulls one image (after the pulls queued before it); an unknown image fails after a round trip. */
  private pull(image: ResolvedImage | undefined): Promise<boolean> {
    const key = image ? this.key(image) : undefined;
    if (key && this.inFlight.has(key)) return (this.inFlight.get(key) as Promise<void>).then(() => true);
    const ms = image
      ? PULL_OVERHEAD_MS + Math.round((image.module.sizeBytes / BYTES_PER_MS) * (0.85 + 0.3 * this.rng.next()))
      : PULL_OVERHEAD_MS + this.rng.int(800);
    const done = this.queue.then(() => new Promise<void>((resolve) => this.clock.setTimer(ms, resolve)));
    this.queue = done;
    if (!key || !image) return done.then(() => false);
    this.inFlight.set(key, done);
    return done.then(() => {
      this.inFlight.delete(key);
      this.present.add(key);
      return true;
    });
  }
}
