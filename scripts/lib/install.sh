# shellcheck shell=bash
# Installs what is missing (Debian packages, npm packages) and builds.
# Sourced by scripts/lib/setup.sh.

ensure_node() {
  if ! have_commands node npm; then
    die "Node.js 20 (with npm) is needed and is not installed by this script: see https://nodejs.org or NodeSource's Debian packages."
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js 20 or later is needed; found $(node --version)."
}

# pg_bindir [VERSION]: folder of the PostgreSQL server binaries, VERSION's if given
# (a data folder needs the major version that made it), else the newest.
# Debian keeps them in /usr/lib/postgresql/<version>/bin.
pg_bindir() {
  local data_version=${1:-} dirs
  if [[ -n $data_version && -x /usr/lib/postgresql/$data_version/bin/postgres ]]; then
    echo "/usr/lib/postgresql/$data_version/bin"
    return
  fi
  dirs=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1) || true
  if [[ -n $dirs ]]; then
    dirname "$dirs"
  elif command -v initdb >/dev/null; then
    dirname "$(command -v initdb)"
  else
    return 1
  fi
}

have_commands() {
  local c
  for c in "$@"; do command -v "$c" >/dev/null || return 1; done
}

# ensure_system_packages [PACKAGE:COMMAND...]: apt-get installs what is missing
# (PostgreSQL, Redis, ffmpeg, plus the extra packages named, each checked by one of
# its commands); `apt-get update` runs only then.
ensure_system_packages() {
  local missing=() sudo=() extra
  { have_commands pg_isready psql && pg_bindir "" >/dev/null; } || missing+=(postgresql)
  have_commands redis-server redis-cli || missing+=(redis-server)
  have_commands ffmpeg ffprobe || missing+=(ffmpeg)
  for extra in "$@"; do
    have_commands "${extra#*:}" || missing+=("${extra%%:*}")
  done
  ((${#missing[@]} == 0)) && return 0

  command -v apt-get >/dev/null ||
    die "missing packages: ${missing[*]}. This script installs them with apt-get (Debian); install them yourself, then run it again."
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "missing packages: ${missing[*]}. Run as root (or install sudo) so that apt-get can install them."
    sudo=(sudo)
  fi
  say "Installing ${missing[*]} (apt-get)"
  run_logged "apt-get update" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  run_logged "apt-get install ${missing[*]}" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# npm ci when node_modules is missing or older than package-lock.json.
ensure_node_modules() {
  if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
    return 0
  fi
  say "Installing npm packages (npm ci)"
  run_logged "npm ci" npm ci --no-audit --no-fund
}

# Packages, server and the Angular client (client/dist, served by the server).
shoal_build() {
  say "Building (npm run build)"
  run_logged "npm run build" npm run build
}
