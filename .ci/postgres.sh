#!/usr/bin/env bash
# Throwaway PostgreSQL for the store/postgres contract test.
#
# Sourced (from .ci/run):   source .ci/postgres.sh
#   installs PostgreSQL from Debian packages if absent, starts a cluster in a
#   temporary data directory on 127.0.0.1 on a free port, creates the
#   database brief_test, exports BRIEF_TEST_POSTGRES=postgres://… and stops
#   and removes the cluster when the shell exits (brief_postgres_stop).
# Executed:                 bash .ci/postgres.sh
#   does the same, prints the export line and the stop command, and leaves
#   the cluster running; stop it with: bash .ci/postgres.sh stop DATADIR
# Needs root (apt-get, and initdb runs as the postgres user).

brief_postgres_bin() {
	local d
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	return 1
}

brief_postgres_stop() {
	local dir=${1:-${BRIEF_POSTGRES_DIR:-}} bin
	[ -n "$dir" ] && [ -d "$dir" ] || return 0
	bin=$(brief_postgres_bin) || return 0
	runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}

brief_postgres_start() {
	local bin dir port
	if ! bin=$(brief_postgres_bin); then
		echo "postgres.sh: installing postgresql" >&2
		apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
		bin=$(brief_postgres_bin) || return 1
	fi
	id postgres >/dev/null 2>&1 || { echo "postgres.sh: no postgres user" >&2; return 1; }
	for _ in $(seq 50); do
		port=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
	done
	dir=$(mktemp -d /tmp/brief-pg.XXXXXX) || return 1
	chown postgres: "$dir"
	runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || { rm -rf "$dir"; return 1; }
	runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start >/dev/null || { cat "$dir/log" >&2; rm -rf "$dir"; return 1; }
	runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres brief_test || { brief_postgres_stop "$dir"; return 1; }
	export BRIEF_POSTGRES_DIR=$dir
	export BRIEF_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/brief_test?sslmode=disable"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	# Sourced: start, export, and stop on exit (keeping any earlier EXIT trap).
	if brief_postgres_start; then
		brief_prev_trap=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
		trap "brief_postgres_stop; ${brief_prev_trap:-:}" EXIT
		echo "postgres.sh: BRIEF_TEST_POSTGRES=$BRIEF_TEST_POSTGRES" >&2
	else
		echo "postgres.sh: could not start PostgreSQL; its tests will skip" >&2
	fi
else
	set -euo pipefail
	if [ "${1:-}" = stop ]; then
		brief_postgres_stop "${2:?usage: postgres.sh stop DATADIR}"
		exit 0
	fi
	brief_postgres_start
	echo "export BRIEF_TEST_POSTGRES='$BRIEF_TEST_POSTGRES'"
	echo "# stop with: bash .ci/postgres.sh stop $BRIEF_POSTGRES_DIR"
fi
