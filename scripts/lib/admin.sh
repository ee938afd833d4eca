# shellcheck shell=bash
# Local root login for scripts/up: one random password kept in storage/.admin-password.
# Sourced by scripts/up (after scripts/lib/setup.sh).

SHOAL_ADMIN_FILE=$SHOAL_STORAGE/.admin-password

# Reads the stored password, or makes one on first run; exports PT_ADMIN_PASSWORD,
# which the server uses when it creates the root user (first start only).
ensure_admin_password() {
  local password
  mkdir -p "$SHOAL_STORAGE"
  if [[ -s $SHOAL_ADMIN_FILE ]]; then
    password=$(<"$SHOAL_ADMIN_FILE")
  else
    password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
    (
      umask 077
      printf '%s\n' "$password" >"$SHOAL_ADMIN_FILE"
    )
  fi
  chmod 600 "$SHOAL_ADMIN_FILE"
  export PT_ADMIN_PASSWORD=$password
}

# check_admin_login PORT SERVER_PID: waits until the API answers on PORT, then logs
# in as root with PT_ADMIN_PASSWORD (PeerTube's flow: local OAuth client, then a
# password grant). Exit status: 0 logged in, 2 password refused, 1 no answer
# (the server died or took longer than two minutes).
check_admin_login() {
  node - "$1" "$2" <<'JS'
const [port, pid] = process.argv.slice(2);
const api = `http://127.0.0.1:${port}/api/v1`;
const alive = () => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};
async function main() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!alive() || Date.now() > deadline) return 1;
    const res = await fetch(`${api}/config`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
    if (res?.ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const client = await (await fetch(`${api}/oauth-clients/local`, { signal: AbortSignal.timeout(10_000) })).json();
  const res = await fetch(`${api}/users/token`, {
    method: 'POST',
    signal: AbortSignal.timeout(10_000),
    body: new URLSearchParams({
      client_id: client.client_id,
      client_secret: client.client_secret,
      grant_type: 'password',
      username: 'root',
      password: process.env.PT_ADMIN_PASSWORD,
    }),
  });
  return res.ok ? 0 : 2;
}
main().then(
  (code) => process.exit(code),
  () => process.exit(1),
);
JS
}
