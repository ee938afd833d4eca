# shellcheck shell=bash
# Set-up shared by scripts/up and scripts/test: install what is missing, build,
# make sure PostgreSQL and Redis answer. Sourcing it moves to the repository root.
#
# Settings (environment):
#   SHOAL_PG_PORT     PostgreSQL port on 127.0.0.1 (default 5432)
#   SHOAL_REDIS_PORT  Redis port on 127.0.0.1 (default 6379)
# When nothing answers on a port, a private instance is started there with its data
# under storage/postgres or storage/redis, and stopped when the script ends.

SHOAL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHOAL_STORAGE=$SHOAL_ROOT/storage
cd "$SHOAL_ROOT" || exit 1

# shellcheck source=scripts/lib/common.sh
source "$SHOAL_ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/install.sh
source "$SHOAL_ROOT/scripts/lib/install.sh"
# shellcheck source=scripts/lib/services.sh
source "$SHOAL_ROOT/scripts/lib/services.sh"

# Extra Debian packages a script needs, as PACKAGE:COMMAND (installed if COMMAND is missing).
SHOAL_EXTRA_PACKAGES=()

shoal_setup() {
  ensure_node
  ensure_system_packages "${SHOAL_EXTRA_PACKAGES[@]}"
  ensure_node_modules
  shoal_build
  mkdir -p "$SHOAL_STORAGE"
  ensure_postgres
  ensure_redis
}
