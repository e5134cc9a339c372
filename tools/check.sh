#!/usr/bin/env bash
# The gate `make test` runs before the tests (and a developer can run alone):
#   1. clang-format: every C++ file is formatted (.clang-format);
#   2. layering: domain/ and app/ include no adapter, platform, main or I/O library header;
#      platform/ includes nothing of ours above base/ (docs/architecture.md);
#   3. web: TypeScript type check.
#   tools/check.sh --tidy   also runs clang-tidy over every source (slow: minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0

mapfile -t cpp < <(git ls-files --cached --others --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

if ! clang-format --dry-run --Werror "${cpp[@]}" 2>/tmp/dialler-format.$$; then
  head -20 /tmp/dialler-format.$$ >&2
  echo "check: C++ files are not formatted; run: clang-format -i <files>" >&2
  fail=1
fi
rm -f /tmp/dialler-format.$$

core=$(printf '%s\n' "${cpp[@]}" | grep -E '^src/dialler/(base|domain|app)/' || true)
if [ -n "$core" ] && grep -nE '#include [<"](dialler/(adapters|platform|main)/|soci|libpq|sqlite3|mysql|mariadb|restinio|asio|nlohmann|spdlog|prometheus|sodium|openssl|curl|phonenumbers|CLI/|hiredis)' $core; then
  echo "check: base/domain/app must not include adapters, platform, main or I/O libraries" >&2
  fail=1
fi
base=$(printf '%s\n' "${cpp[@]}" | grep -E '^src/dialler/base/' || true)
if [ -n "$base" ] && grep -nE '#include "dialler/(domain|app)/' $base; then
  echo "check: base must not include domain or app" >&2
  fail=1
fi
platform=$(printf '%s\n' "${cpp[@]}" | grep -E '^src/dialler/platform/' || true)
if [ -n "$platform" ] && grep -nE '#include "dialler/(domain|app|adapters|main)/' $platform; then
  echo "check: platform may use base only (no business words)" >&2
  fail=1
fi
# Every adapter folder, including ones added later.
mapfile -t adapters < <(find src/dialler/adapters -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
for adapter in "${adapters[@]}"; do
  files=$(printf '%s\n' "${cpp[@]}" | grep -E "^src/dialler/adapters/$adapter/" || true)
  others=$(printf '%s\n' "${adapters[@]}" | grep -v "^$adapter$" | paste -sd'|')
  if [ -n "$files" ] && [ -n "$others" ] && grep -nE "#include \"dialler/(adapters/($others)|main)/" $files; then
    echo "check: adapters/$adapter must not include another adapter or main" >&2
    fail=1
  fi
done

# Routes and CLI commands call use cases (app services), never the storage ports behind them.
entry=$(printf '%s\n' "${cpp[@]}" | grep -E '^src/dialler/(adapters/http/|main/commands)' | grep -v '_test\.cpp$' || true)
if [ -n "$entry" ] && grep -nE '\bapp::[A-Za-z]*(Store|Leases|ContactLog|AuditLog)\b' $entry; then
  echo "check: routes and CLI commands must call app services, not stores" >&2
  fail=1
fi

# A comment that names a file of this repository names one that exists (files move; comments
# that point nowhere mislead the next reader).
while read -r ref; do
  if [ ! -e "$ref" ]; then
    echo "check: a comment names $ref, which does not exist" >&2
    fail=1
  fi
done < <(printf '%s\n' "${cpp[@]}" | xargs grep -ohE '//.*' \
  | grep -oE '\b(src|tests|tools|docs|web|migrations|bench|cmake|data)/[A-Za-z0-9_./*-]+' \
  | sed 's/[.,;:)]*$//' | grep -v '\*' | sort -u)

if [ -d web/node_modules ]; then
  (cd web && npx --no-install tsc -b) || { echo "check: web type check failed" >&2; fail=1; }
fi

if [ "${1:-}" = "--tidy" ]; then
  [ -f build/debug/compile_commands.json ] || { echo "check: configure first (cmake --preset debug)" >&2; exit 1; }
  # The fuzz target is built by clang outside the compile database (tests/CMakeLists.txt).
  srcs=$(printf '%s\n' "${cpp[@]}" | grep -E '\.cpp$' | grep -v '_test\.cpp$' | grep -v '^tests/fuzz/')
  run-clang-tidy -quiet -p build/debug -j "$(nproc)" $srcs >/tmp/dialler-tidy.$$ 2>&1 || {
    grep -E 'error:|warning:' /tmp/dialler-tidy.$$ | sort -u | head -50 >&2
    echo "check: clang-tidy found problems" >&2
    fail=1
  }
  rm -f /tmp/dialler-tidy.$$
fi

exit $fail
