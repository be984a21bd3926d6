#!/usr/bin/env bash
# Runs ENC's whole test suite on a fresh Debian 12 machine, as root, with no stdin.
# It installs what the tests need (PostgreSQL 15, the Docker engine, busybox-static), starts a
# throwaway PostgreSQL on a loopback port and the Docker engine if none is running, builds the
# offline test image, runs `dotnet test`, and stops whatever it started.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work="$root/.test-env"
mkdir -p "$work"

log() { printf '[enc-test] %s\n' "$*"; }

need_packages=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_packages+=(postgresql-15)
command -v dockerd >/dev/null 2>&1 || need_packages+=(docker.io)
[ -x /bin/busybox ] || need_packages+=(busybox-static)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "installing ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq "${need_packages[@]}" </dev/null >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "dotnet SDK 10 is required (see global.json)" >&2; exit 1; }

started_dockerd=""
pg_data=""
cleanup() {
  set +e
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$pg_data' -m fast -w stop" >/dev/null 2>&1
  fi
  if [ -n "$started_dockerd" ]; then
    log "stopping dockerd"
    docker ps -aq --filter label=enc.managed=true | xargs -r docker rm -f >/dev/null 2>&1
    kill "$started_dockerd" 2>/dev/null
    wait "$started_dockerd" 2>/dev/null
  fi
}
trap cleanup EXIT

# --- PostgreSQL: a throwaway cluster owned by postgres, on a loopback port --------------------
pg_port=${ENC_TEST_PG_PORT:-55432}
pg_root=$(mktemp -d /tmp/enc-pg.XXXXXX)
chown postgres:postgres "$pg_root"
pg_data="$pg_root/data"
log "starting PostgreSQL on 127.0.0.1:$pg_port ($pg_root)"
su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D '$pg_data' -U postgres -A trust -E UTF8 >'$pg_root/initdb.log' 2>&1"
su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$pg_data' -l '$pg_root/server.log' -w \
  -o \"-c listen_addresses=127.0.0.1 -p $pg_port -k '$pg_root' -c fsync=on -c max_connections=300\" start" >/dev/null
export ENC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

# --- Docker engine: no bridge, no iptables (containers use network none or host) -------------
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd --bridge=none --iptables=false"
  dockerd --bridge=none --iptables=false --ip6tables=false >"$work/dockerd.log" 2>&1 &
  started_dockerd=$!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start; see $work/dockerd.log" >&2; tail -20 "$work/dockerd.log" >&2; exit 1; }
fi
export ENC_TEST_DOCKER=${DOCKER_HOST:-unix:///var/run/docker.sock}

# --- Offline test image: a busybox-static rootfs imported as busybox:local -------------------
if ! docker image inspect busybox:local >/dev/null 2>&1; then
  log "building image busybox:local offline from busybox-static"
  rootfs=$(mktemp -d /tmp/enc-rootfs.XXXXXX)
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"; done
  echo 'root:x:0:0:root:/:/bin/sh' >"$rootfs/etc/passwd"
  tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - busybox:local >/dev/null
  rm -rf "$rootfs"
fi
export ENC_TEST_IMAGE=busybox:local

# --- Build and test ----------------------------------------------------------------------------
log "building"
dotnet build Enc.sln -c Release -nologo -v:q
log "running tests"
set +e
dotnet test --solution Enc.sln -c Release --no-build 2>&1 | tee "$work/test.log"
rc=${PIPESTATUS[0]}
set -e
failed=$(grep -E '^\s+failed:' "$work/test.log" | tail -1 | awk '{print $2}')
succeeded=$(grep -E '^\s+succeeded:' "$work/test.log" | tail -1 | awk '{print $2}')
skipped=$(grep -E '^\s+skipped:' "$work/test.log" | tail -1 | awk '{print $2}')
echo "tests: ${succeeded:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$rc"
