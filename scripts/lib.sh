# Shared by the scripts: where the repository is, and ccache settings.
# shellcheck shell=bash
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CCACHE_BASEDIR="$repo_root"   # cache hits across clones in different folders
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
# Debug builds (-g) hash the working directory unless told not to; without this a fresh clone
# (as CI makes) misses every object another clone of this machine compiled.
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
export CCTEAM_FIXTURES_DIR="${CCTEAM_FIXTURES_DIR:-$repo_root/../shared/fixtures}"

# Configures (once) and builds one preset quietly; prints the build log on failure.
build_preset() {
  local preset=$1; shift
  local log="$repo_root/build/$preset.log"
  mkdir -p "$repo_root/build"
  if [[ ! -f "$repo_root/build/$preset/build.ninja" ]]; then
    cmake --preset "$preset" -S "$repo_root" "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  fi
  cmake --build "$repo_root/build/$preset" >"$log" 2>&1 || { tail -n 80 "$log" >&2; return 1; }
}
