import { Page } from '@playwright/test';

/*
 * The choreo API as a signed-in person calls it, from the test: their
 * Backstage token taken from the signed-in page, sent to whichever URL the
 * test names (the load balancer or one replica).
 */

/**
 * The person's Backstage token: what the app gets when it refreshes the
 * sign-in with the `oidc` provider in the `production` environment.
 */
export async function backstageToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch(
      '/api/auth/oidc/refresh?optional&scope=openid%20profile%20email&env=production',
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    if (!response.ok) {
      throw new Error(`refreshing the sign-in gave ${response.status}`);
    }
    const session = await response.json();
    return session.backstageIdentity.token as string;
  });
}

/** What a write answered; `status` 0 when the connection broke first. */
export interface Answer {
  status: number;
  body: any;
  /** The replica that answered, when it came through the load balancer. */
  replica?: string | null;
  error?: string;
}

export interface Write {
  /** e.g. `promote`, `rollback`, `restart` */
  action: string;
  component: string;
  body: Record<string, unknown>;
}

/** The part of GET .../deployments these tests look at. */
interface Deployments {
  environments: {
    environment: string;
    releaseName?: string;
    state?: string;
    restartedAt?: string;
  }[];
  releases: { name: string }[];
}

const component = (name: string) =>
  `/api/choreo/components/acme/${encodeURIComponent(name)}`;

export class ChoreoCalls {
  constructor(private readonly token: string) {}

  /** POSTs a change to a component; a broken connection is an answer too (status 0). */
  write(
    base: string,
    { action, component: name, body }: Write,
    idempotencyKey?: string,
  ): Promise<Answer> {
    return this.post(
      base,
      `${component(name)}/${action}`,
      body,
      idempotencyKey,
    );
  }

  /** POSTs `body` to `path` at `base`; a broken connection is an answer too (status 0). */
  async post(
    base: string,
    path: string,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<Answer> {
    try {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          'content-type': 'application/json',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(3 * 60_000),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? JSON.parse(text) : undefined,
        replica: response.headers.get('x-choreo-replica'),
      };
    } catch (error) {
      return { status: 0, body: undefined, error: String(error) };
    }
  }

  async get<T>(base: string, path: string): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) {
      throw new Error(
        `GET ${path} at ${base}: ${response.status} ${await response.text()}`,
      );
    }
    return response.json();
  }

  deployments(base: string, name: string): Promise<Deployments> {
    return this.get(base, `${component(name)}/deployments`);
  }

  /** A change request as `base` shows it now. */
  async changeRequest(
    base: string,
    componentName: string,
    id: string,
  ): Promise<{ id: string; state: string } | undefined> {
    const ref = encodeURIComponent(`component:acme/${componentName}`);
    const { items } = await this.get<{
      items: { id: string; state: string }[];
    }>(base, `/api/choreo/change-requests?component=${ref}&limit=200`);
    return items.find(r => r.id === id);
  }

  /** Release, state and last restart per environment, as `base` shows them. */
  async runs(base: string, name: string): Promise<Record<string, string>> {
    const { environments } = await this.deployments(base, name);
    return Object.fromEntries(
      environments.map(e => [
        e.environment,
        `${e.releaseName ?? '-'} ${e.state ?? '-'} ${e.restartedAt ?? '-'}`,
      ]),
    );
  }
}
