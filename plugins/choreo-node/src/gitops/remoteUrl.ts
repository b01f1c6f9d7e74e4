/** How git reaches a remote. */
export type RemoteTransport = 'https' | 'http' | 'ssh' | 'file';

export interface RemoteUrlInfo {
  transport: RemoteTransport;
  /** The URL carries a password (`user:password@`). */
  hasPassword: boolean;
  /** The URL carries a user name (`user@`). */
  hasUser: boolean;
}

const SCHEMES: Record<string, RemoteTransport | undefined> = {
  https: 'https',
  http: 'http',
  file: 'file',
  ssh: 'ssh',
  'git+ssh': 'ssh',
  'ssh+git': 'ssh',
};

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?/i;
// git's "scp-like" syntax: [user@]host:path, the host without slashes
const SCP_LIKE = /^(?:([^@/\s]+)@)?([^:/\s]+):(?!\/\/)/;

/** What kind of remote URL this is; undefined when git would not take it. */
export function parseRemoteUrl(url: string): RemoteUrlInfo | undefined {
  const trimmed = url.trim();
  if (!trimmed || /\s/.test(trimmed)) {
    return undefined;
  }
  const scheme = SCHEME.exec(trimmed);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    const userinfo = scheme[2];
    const transport = SCHEMES[name];
    if (!transport) {
      return undefined;
    }
    return {
      transport,
      hasUser: userinfo !== undefined && userinfo.length > 0,
      hasPassword: userinfo?.includes(':') ?? false,
    };
  }
  if (trimmed.startsWith('/')) {
    return { transport: 'file', hasUser: false, hasPassword: false };
  }
  const scp = SCP_LIKE.exec(trimmed);
  if (scp) {
    return { transport: 'ssh', hasUser: Boolean(scp[1]), hasPassword: false };
  }
  return undefined;
}

/** `https://user:secret@host/x` → `https://***@host/x`: a URL fit for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(SCHEME, (match, scheme: string, userinfo?: string) =>
    userinfo === undefined ? match : `${scheme}://***@`,
  );
}

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^@/\s'"]+@/gi;

/**
 * `text` (git's output, an error message) with the userinfo of every URL
 * and every given secret blanked out, also where it appears base64-encoded
 * (an Authorization header).
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(URL_USERINFO, '$1***@');
  for (const secret of secrets) {
    if (secret.length < 3) {
      continue;
    }
    const forms = [secret, Buffer.from(secret).toString('base64')];
    for (const form of forms) {
      out = out.split(form).join('***');
    }
  }
  return out;
}
