#!/usr/bin/env bash
# Extraction speed before and after a change, in one run: criterion's `extraction` bench of the
# facets crate at REV (default: the first parent of HEAD) saved as the baseline `before`, then the
# same bench of the working tree compared with it (criterion prints each figure with its change).
#
#   scripts/bench-extraction-compare.sh [REV]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD~1}"
target="${CARGO_TARGET_DIR:-$root/target}"
tmp="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$tmp/before" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$root" worktree add --detach -q "$tmp/before" "$rev"
# The shared data sits beside the clone; the benches read it as ../shared/data.
ln -s "$root/../shared" "$tmp/shared"
echo "== before: $(git -C "$root" rev-parse --short "$rev")"
(cd "$tmp/before" && CARGO_TARGET_DIR="$target" cargo bench -q -p sahel-facets --bench extraction -- --save-baseline before)
# Both trees build the same bench target in the same target directory: make cargo see this tree's
# sources as newer than the binary just built from the other.
find "$root/crates" -path '*/src/*' -name '*.rs' -exec touch {} +
find "$root/crates" -path '*/data/*' -exec touch {} +
echo "== after: working tree of $(git -C "$root" rev-parse --short HEAD)"
(cd "$root" && CARGO_TARGET_DIR="$target" cargo bench -q -p sahel-facets --bench extraction -- --baseline before)
