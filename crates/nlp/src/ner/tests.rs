//! Tests of the tagger's plumbing: reading labelled data, labels, scoring, the model file.

use super::conll::{parse, score};
use super::labels::{spans, Label, Part};
use super::{repair, EntityKind, Tagger};
use expect_test::{expect, Expect};

/// Parses CoNLL-style text and renders each sentence with its entities marked.
fn check_parse(text: &str, expect: Expect) {
    let out: Vec<String> = match parse(text) {
        Ok(docs) => docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.sentences.iter().map(move |s| {
                    let mut words: Vec<String> = s.words.clone();
                    for (a, b, k) in spans(&s.labels) {
                        words[a] = format!("[{}", words[a]);
                        words[b - 1] = format!("{}]{{{}}}", words[b - 1], k.short());
                    }
                    format!("doc {d}: {}", words.join(" "))
                })
            })
            .collect(),
        Err(e) => vec![format!("error: {e}")],
    };
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn reads_conll_columns_iob1_iob2_and_offset_lines() {
    check_parse(
        "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n",
        expect![[r#"
            doc 0: [EU]{ORG} rejects [German]{MISC} call
            doc 0: [Peter Blackburn]{PER}
            doc 1: [BRUSSELS]{LOC}"#]],
    );
    check_parse(
        "Dmitry 0 6 B-PER\nPeskov 7 13 I-PER\nspoke 14 19 O\n",
        expect!["doc 0: [Dmitry Peskov]{PER} spoke"],
    );
    check_parse(
        "Peskov\n",
        expect![[r#"error: line 1: expected a word and a tag, found "Peskov""#]],
    );
    check_parse(
        "Peskov NNP PERSON\n",
        expect![[r#"error: line 1: "PERSON" is not an IOB tag"#]],
    );
}

#[test]
fn labels_stay_well_formed() {
    let per = |p| Label::new(EntityKind::Person, p);
    let org = |p| Label::new(EntityKind::Organization, p);
    // A name left open when the next word is outside any name is closed at its last word.
    let mut labels = vec![per(Part::B), per(Part::I)];
    assert_eq!(repair(&mut labels, Label::O), Label::O);
    assert_eq!(labels, vec![per(Part::B), per(Part::L)]);
    // A continuation with nothing to continue starts a name.
    let mut labels = vec![Label::O];
    assert_eq!(repair(&mut labels, org(Part::L)), org(Part::U));
    // A different kind closes the open name and starts its own.
    let mut labels = vec![per(Part::B)];
    assert_eq!(repair(&mut labels, org(Part::I)), org(Part::B));
    assert_eq!(labels, vec![per(Part::U)]);
}

#[test]
fn scoring_counts_exact_spans_only() {
    let per = |p| Label::new(EntityKind::Person, p);
    let gold = vec![per(Part::B), per(Part::L), Label::O, per(Part::U)];
    let predicted = vec![per(Part::U), Label::O, Label::O, per(Part::U)];
    let s = score(&gold, &predicted);
    // One of two right, one wrong boundary: precision 1/2, recall 1/2.
    assert_eq!(s.counts[EntityKind::Person as usize], (1, 1, 1));
    assert_eq!(s.overall(), (0.5, 0.5, 0.5));
}

#[test]
fn the_committed_model_round_trips_and_bad_bytes_are_refused() {
    let model = Tagger::builtin().model();
    assert!(model.features() > 10_000 && model.words() > 1_000 && model.names() > 1_000);
    let again = Tagger::from_bytes(&model.to_bytes()).expect("a written model reads back");
    // What is written back is what was read: the same model file, byte for byte.
    let raw = |gz: &[u8]| {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gz), &mut out).unwrap();
        out
    };
    assert!(raw(&model.to_bytes()) == raw(super::BUILTIN));
    let words = vec![vec!["Dmitry", "Peskov", "spoke", "in", "Moscow", "."]];
    assert_eq!(again.tag_doc(&words), Tagger::builtin().tag_doc(&words));
    assert!(Tagger::from_bytes(b"not a model").is_err());
    let mut truncated = model.to_bytes();
    truncated.truncate(truncated.len() / 2);
    assert!(Tagger::from_bytes(&truncated).is_err());
}
