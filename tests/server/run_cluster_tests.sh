#!/usr/bin/env bash
# The workspace on PostgreSQL with two nodes: starts two `ccteam serve` on one PostgreSQL
# database (a schema of its own on the cluster of CCTEAM_TEST_POSTGRES, from scripts/pg-cluster)
# and nginx on loopback in front of them, then runs the API and access tests through nginx
# (requests alternate between the nodes), the two-node test (tests/server/nodes_test.py: sessions,
# throttling and conflicts across nodes, the database going away and coming back), and stops
# both nodes gracefully.
# Usage: tests/server/run_cluster_tests.sh BUILD_DIR PG_DIR   (PG_DIR: the cluster's folder)
# Prints "== <test> passed|FAILED" per test and, last, "cluster tests: N passed, M failed".
set -uo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$(cd "${1:?usage: run_cluster_tests.sh BUILD_DIR PG_DIR}" && pwd)
pg_dir=$(cd "${2:?usage: run_cluster_tests.sh BUILD_DIR PG_DIR}" && pwd)
binary="$build_dir/bin/ccteam"
base_url=${CCTEAM_TEST_POSTGRES:?CCTEAM_TEST_POSTGRES must name the test cluster}
work=$(mktemp -d "${TMPDIR:-/tmp}/ccteam-cluster-test.XXXXXX")
chmod 0755 "$work"
passed=0
failed=0
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

source "$repo_root/tests/server/lib.sh"
give_up() {
  echo "$1"; for f in "$work"/*.log "$work"/*.out; do [[ -f $f ]] && tail -n 20 "$f"; done
  echo "cluster tests: $passed passed, $((failed + 1)) failed"
  exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

schema="nodes_$$"
psql "$base_url" -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA $schema" >/dev/null ||
  give_up "cannot create the schema $schema on $base_url"
db_url="${base_url}&options=-csearch_path%3D${schema}"

# No secret in the configuration: the nodes share the one the first stored in the database.
cat >"$work/config.yaml" <<YAML
listen: 127.0.0.1:0
db: "$db_url"
trusted_proxies: [127.0.0.1]
YAML

start_node() {  # name, extra arguments...: starts it in the background (pid in pids)
  local name=$1; shift
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=32" \
    "$binary" serve --config "$work/config.yaml" "$@" >"$work/$name.out" 2>"$work/$name.log" &
  pids+=($!)
}
node_url() {  # name, pid: waits for the address the node prints
  local url=
  for _ in $(seq 1 300); do
    url=$(grep -oE 'http://[0-9.]+:[0-9]+/' "$work/$1.out" | head -n1)
    [[ -n "$url" ]] && break
    kill -0 "$2" 2>/dev/null || break
    sleep 0.1
  done
  echo "${url%/}"
}
# Node A first: it migrates, seeds the demo and stores the shared secret; then node B.
start_node a --demo
url_a=$(node_url a "${pids[0]}")
[[ -n "$url_a" ]] || give_up "node A did not start"
start_node b
url_b=$(node_url b "${pids[1]}")
[[ -n "$url_b" ]] || give_up "node B did not start"
echo "nodes: $url_a (A, --demo) and $url_b (B) on ${db_url%%\?*} schema $schema"
demo_logins "$work/a.out" >"$work/logins.json"

# nginx in front of both, round robin, as docs/deployment.md configures it.
proxy_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream ccteam {
    server ${url_a#http://};
    server ${url_b#http://};
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://ccteam;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
command -v nginx >/dev/null || give_up "nginx is not installed (scripts/deps installs it)"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx.out" 2>&1 &
pids+=($!)
proxy="http://127.0.0.1:$proxy_port"
for _ in $(seq 1 100); do
  curl -fs "$proxy/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "proxy: $proxy"

run_api_tests "API tests (PostgreSQL, two nodes)" "$proxy" --behind-proxy
run_access_tests "access tests (PostgreSQL, two nodes)" "$proxy" "$work/logins.json"
run_python_test "two-node test" nodes.out nodes_test.py --node-a "$url_a" --node-b "$url_b" \
  --logins "$work/logins.json" \
  --db-down "$repo_root/scripts/pg-cluster down $pg_dir" \
  --db-up "$repo_root/scripts/pg-cluster up $pg_dir"

kill -QUIT "${pids[2]}" 2>/dev/null && wait "${pids[2]}" 2>/dev/null
t=$SECONDS
status=0
for i in 0 1; do
  pid=${pids[$i]}
  kill -TERM "$pid"
  stopped=1
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; stopped=$?; break; fi
    sleep 0.1
  done
  [[ $stopped -eq 0 ]] || status=1
done
pids=()
if grep -qE 'ERROR: AddressSanitizer|runtime error:' "$work/a.log" "$work/b.log"; then
  grep -E 'AddressSanitizer|runtime error:' "$work/a.log" "$work/b.log" | head -n 20
  status=1
fi
result "graceful stop of both nodes" $((SECONDS - t)) $status
psql "$base_url" -q -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1

echo "cluster tests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
