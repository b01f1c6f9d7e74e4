import { BackoffOptions, backoffDelay } from './backoff';
import { KubeApiError, KubeHttp, KubeStatus, KubeWatchEvent } from './kubeHttp';

/** An object as the API server returns it (kind and apiVersion may be missing in lists). */
export type KubeObject = Record<string, unknown> & {
  metadata?: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    [field: string]: unknown;
  };
};

/** One REST collection to keep in sync. */
export interface WatchTarget {
  /** For messages: `Project in namespace acme`. */
  description: string;
  /** Collection path, e.g. `/apis/openchoreo.dev/v1alpha1/namespaces/acme/projects`. */
  path: string;
  labelSelector?: string;
}

/** What a watcher reports; it retries by itself, so none of these must throw. */
export interface WatcherHandler {
  /** The complete current content of the collection (all pages), after a (re)list. */
  onList(items: KubeObject[]): void;
  onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): void;
  /** Changes flow again: after a list, or when a watch was accepted. */
  onHealthy(): void;
  /** The collection cannot be followed right now (API server gone, 403, 404…). */
  onTrouble(error: Error): void;
}

export interface ResourceWatcherOptions {
  /** Items per list page. Default 500. */
  pageSize?: number;
  backoff?: BackoffOptions;
  /** Retry delay when the collection is not served (CRD missing). Default 60 s. */
  notFoundRetryMs?: number;
  /** Server-side timeout of one watch request. Default 5–10 minutes, random. */
  watchTimeoutSeconds?: number;
  /** Start by watching from this resourceVersion instead of listing (to test 410 handling). */
  resourceVersion?: string;
}

class Gone extends Error {}

function isGone(error: unknown): boolean {
  return (
    error instanceof Gone ||
    (error instanceof KubeApiError && error.status === 410)
  );
}

interface ListPage {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

/**
 * List + watch of one collection, like an informer, with the parts we need to
 * control: resumes watches from the last resourceVersion (bookmarks keep it
 * fresh), lists again on 410 Gone, reconnects with jittered exponential
 * backoff, and only ever reports complete lists.
 */
export class ResourceWatcher {
  private resourceVersion: string;
  private stopped = false;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private wake?: () => void;
  private firstAttemptDone!: () => void;
  private readonly firstAttempt = new Promise<void>(resolve => {
    this.firstAttemptDone = resolve;
  });

  constructor(
    private readonly http: KubeHttp,
    readonly target: WatchTarget,
    private readonly handler: WatcherHandler,
    private readonly options: ResourceWatcherOptions = {},
  ) {
    this.resourceVersion = options.resourceVersion ?? '';
  }

  /** Starts following; resolves after the first list attempt, successful or not. */
  start(): Promise<void> {
    this.loop ??= this.run();
    return this.firstAttempt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    this.firstAttemptDone();
    await this.loop;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const startedAt = Date.now();
      let events = 0;
      try {
        if (!this.resourceVersion) {
          const items = await this.listAll();
          if (this.stopped) {
            return;
          }
          this.handler.onList(items);
          this.handler.onHealthy();
          attempt = 0;
        }
        this.firstAttemptDone();
        await this.http.watch(
          this.target.path,
          {
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: 'true',
            labelSelector: this.target.labelSelector,
            timeoutSeconds: String(
              this.options.watchTimeoutSeconds ??
                300 + Math.floor(Math.random() * 300),
            ),
          },
          event => {
            events += 1;
            this.onWatchEvent(event);
          },
          {
            signal: this.abort.signal,
            onOpen: () => this.handler.onHealthy(),
          },
        );
        // A watch the server ends at once and empty-handed would loop hot.
        if (events === 0 && Date.now() - startedAt < 1000) {
          await this.sleep(backoffDelay(attempt++, this.options.backoff));
        } else {
          attempt = 0;
        }
      } catch (error) {
        this.firstAttemptDone();
        if (this.stopped) {
          return;
        }
        if (isGone(error)) {
          this.resourceVersion = '';
          continue;
        }
        this.handler.onTrouble(error as Error);
        const notServed = error instanceof KubeApiError && error.status === 404;
        await this.sleep(
          notServed
            ? this.options.notFoundRetryMs ?? 60_000
            : backoffDelay(attempt++, this.options.backoff),
        );
      }
    }
  }

  private onWatchEvent(event: KubeWatchEvent) {
    if (event.type === 'ERROR') {
      const status = event.object as KubeStatus;
      if (status.code === 410) {
        throw new Gone(status.message);
      }
      throw new KubeApiError(
        'WATCH',
        this.target.path,
        status.code ?? 500,
        status,
      );
    }
    const version = (event.object as KubeObject).metadata?.resourceVersion;
    if (event.type !== 'BOOKMARK') {
      this.handler.onEvent(event.type, event.object);
    }
    if (version) {
      this.resourceVersion = version;
    }
  }

  /** Every page of the collection; the list's resourceVersion is where the watch resumes. */
  private async listAll(): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let continueToken: string | undefined;
    let version = '';
    do {
      const page = await this.http.request<ListPage>(
        'GET',
        this.target.path,
        undefined,
        {
          query: {
            limit: String(this.options.pageSize ?? 500),
            continue: continueToken,
            labelSelector: this.target.labelSelector,
          },
          signal: this.abort.signal,
        },
      );
      items.push(...(page.items ?? []));
      continueToken = page.metadata?.continue || undefined;
      version = page.metadata?.resourceVersion ?? version;
    } while (continueToken && !this.stopped);
    this.resourceVersion = version;
    return items;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
