#!/usr/bin/env bash
# Starts one `ccteam serve` on a free loopback port with a temporary database and runs the
# server tests against it, one after the other: the API tests (tests/server/api_test.py), the
# browser tests (web/tests, node --test), the hostile-client test (tests/server/hostile_client.py),
# then a graceful stop (SIGTERM: exit status 0 within 10 s).
# Usage: tests/server/run_server_tests.sh BUILD_DIR
# Prints "== <test> <seconds>s" per test and, last, "server tests: N passed, M failed".
set -uo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$(cd "${1:?usage: run_server_tests.sh BUILD_DIR}" && pwd)
binary="$build_dir/bin/ccteam"
work=$(mktemp -d "${TMPDIR:-/tmp}/ccteam-server-test.XXXXXX")
passed=0
failed=0
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

source "$repo_root/tests/server/lib.sh"

# Short attackers' deadlines so that the hostile-client test ends in seconds; the cap on
# connections is low so that it can be reached.
# Loopback is a trusted proxy, so that the applications test can send a burst from an address
# of its own (X-Forwarded-For) without throttling the browser tests' applications.
# E-mail goes to a port where nothing listens until the applications test starts its SMTP sink
# there (tests/server/smtp_sink.py): the acknowledgement waits, then is sent. Retries are short.
smtp_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/config.yaml" <<YAML
listen: 127.0.0.1:0
db: $work/workspace.db
trusted_proxies: [127.0.0.1]
limits:
  max_connections: 64
  header_timeout_ms: 1000
  body_timeout_ms: 1000
  write_timeout_ms: 2000
  keep_alive_idle_ms: 1500
  max_body_bytes: 8388608
  extract_cpu_seconds: 1
  extract_timeout_ms: 10000
  max_active_simulations: 1
  max_simulated_calls: 50000000
smtp:
  url: smtp://127.0.0.1:$smtp_port
  from: bewerbung@example.org
  from_name: Demo Recruiting
  timeout_ms: 5000
  retry_after_ms: 200
  retry_max_ms: 1000
YAML

# AddressSanitizer keeps freed memory in quarantine (256 MiB by default) to catch use after
# free; each Argon2id hash frees 64 MiB, so the quarantine alone would fill the hostile-client
# test's memory cap. A smaller quarantine still catches use after free of recent blocks.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=32" \
  "$binary" serve --config "$work/config.yaml" --demo >"$work/stdout" 2>"$work/server.log" &
server_pid=$!
url=
for _ in $(seq 1 300); do
  url=$(grep -oE 'http://[0-9.]+:[0-9]+/' "$work/stdout" | head -n1)
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "the server did not start:"; tail -n 30 "$work/stdout" "$work/server.log"
  echo "server tests: 0 passed, 1 failed"
  exit 1
fi
url=${url%/}
port=${url##*:}
echo "server: $url (pid $server_pid)"

run_api_tests "API tests" "$url"
demo_logins "$work/stdout" >"$work/logins.json"
run_access_tests "access tests" "$url" "$work/logins.json"
run_python_test "plans API tests" plans.out plans_test.py --url "$url" --logins "$work/logins.json" \
  --ccteam "$binary" --openapi "$repo_root/docs/api/openapi.yaml"
run_python_test "pay bands API tests" pay_bands.out pay_bands_test.py --url "$url" \
  --logins "$work/logins.json" --openapi "$repo_root/docs/api/openapi.yaml"
run_python_test "employer API tests" employers.out employers_test.py --url "$url" \
  --logins "$work/logins.json" --openapi "$repo_root/docs/api/openapi.yaml"
run_python_test "opening API tests" openings.out openings_test.py --url "$url" \
  --logins "$work/logins.json" --openapi "$repo_root/docs/api/openapi.yaml" --db "$work/workspace.db" \
  --expired-out "$work/expired.json"
run_python_test "application API tests" applications.out applications_test.py --url "$url" \
  --logins "$work/logins.json" --openapi "$repo_root/docs/api/openapi.yaml" --smtp-port "$smtp_port"
run_python_test "simulation tests" simulations.out simulations_test.py --url "$url" \
  --logins "$work/logins.json" --ccteam "$binary" --openapi "$repo_root/docs/api/openapi.yaml"

t=$SECONDS
mkdir -p "$build_dir/screenshots"
CCTEAM_URL="$url" CCTEAM_SCREENSHOTS="$build_dir/screenshots" CCTEAM_LOGINS="$work/logins.json" \
  CCTEAM_EXPIRED="$work/expired.json" \
  node --test --test-reporter=spec "$repo_root/web/tests/" >"$work/browser.out" 2>&1
status=$?
grep -E '✖|✔|^# (pass|fail)|JavaScript|violation' "$work/browser.out" | head -n 60
[[ $status -ne 0 ]] && tail -n 40 "$work/browser.out"
result "browser tests" $((SECONDS - t)) $status

t=$SECONDS
python3 "$repo_root/tests/server/hostile_client.py" --host 127.0.0.1 --port "$port" \
  --pid "$server_pid" --max-connections 64 --header-timeout-ms 1000 --rss-growth-cap-mib 96 \
  --body-path /api/v1/plans/calculate --body-limit-bytes 8388608 \
  >"$work/hostile.out" 2>&1
status=$?
cat "$work/hostile.out" | tail -n 30
result "hostile-client test" $((SECONDS - t)) $status

t=$SECONDS
kill -TERM "$server_pid"
status=1
for _ in $(seq 1 100); do
  if ! kill -0 "$server_pid" 2>/dev/null; then wait "$server_pid"; status=$?; break; fi
  sleep 0.1
done
server_pid=
if grep -qE '"level":"error"|ERROR: AddressSanitizer|runtime error:' "$work/server.log"; then
  grep -E '"level":"error"|AddressSanitizer|runtime error:' "$work/server.log" | head -n 20
  status=1
fi
result "graceful stop (exit $status, log clean)" $((SECONDS - t)) $status


echo "server tests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
