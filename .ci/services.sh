# Sourced by .ci/run: services for the integration tests. Each test skips
# when its service is missing, so a failed install here is reported and the
# rest of the suite still runs.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	if ! command -v chromium >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null 2>&1 || echo "ci: apt-get update failed"
		apt-get install -y -qq chromium postgresql >/dev/null 2>&1 || echo "ci: could not install chromium/postgresql; their tests will skip"
	fi
fi
if [ -f .ci/postgres.sh ]; then
	# shellcheck source=/dev/null
	source .ci/postgres.sh || echo "ci: PostgreSQL did not start; its tests will skip"
fi
