const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, c => escapes[c]);
}

/** The IdP's own login page: username and password, posted back to it. */
export function loginPage(options: {
  uid: string;
  clientId: string;
  username?: string;
  error?: string;
}): string {
  const { uid, clientId, username = '', error } = options;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sign in to Acme test IdP</title>
  <style>
    body { font-family: sans-serif; max-width: 24rem; margin: 4rem auto; }
    label, input, button { display: block; width: 100%; margin-top: .5rem; }
    .error { color: #b00020; }
  </style>
</head>
<body>
  <main>
    <h1>Acme test IdP</h1>
    <p>Sign in to continue to <strong>${escapeHtml(clientId)}</strong>.</p>
    ${error ? `<p role="alert" class="error">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
      <label for="username">Username</label>
      <input id="username" name="username" autocomplete="username" value="${escapeHtml(
        username,
      )}" required autofocus>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>
  </main>
</body>
</html>`;
}

/** What the IdP shows when an interaction cannot go on (e.g. it expired). */
export function errorPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme test IdP</title></head>
<body><main><h1>Acme test IdP</h1><p role="alert">${escapeHtml(
    message,
  )}</p></main></body></html>`;
}
