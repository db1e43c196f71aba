#!/usr/bin/env bash
# Main-content extraction, side by side: corroborate's eval binary and Python trafilatura on the same pages,
# the same metric, the same machine, one process each.
# Usage: bench/extract.sh SHARED_DIR   (the folder holding data/zyte-aeb, data/trafilatura-eval and peers/)
set -euo pipefail
shared=${1:?usage: bench/extract.sh SHARED_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
venv=${VENV:-${TMPDIR:-/tmp}/corroborate-peers-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
  python3 -m venv "$venv"
  # lxml 6 moved the HTML cleaner trafilatura imports into its own package.
  "$venv/bin/pip" install -q "trafilatura==2.3.1" lxml_html_clean
fi
out=$(mktemp -d)
cd "$here"
cargo build --release -q -p eval
for set in zyte-aeb trafilatura-eval; do
  for ex in corroborate rs-trafilatura dom-smoothie; do
    ./target/release/eval extract "$shared/data/$set" --extractor "$ex" --repeats 3 | awk "NR == 1"
  done
done
"$venv/bin/python" "$shared/peers/traf_eval.py" --bench both --repeats 2 --outdir "$out" | awk '/^(zyte|traf-eval)/'
