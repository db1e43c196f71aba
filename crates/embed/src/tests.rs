//! Tests of the tokenizer on a small vocabulary and of the encoder on a tiny model made here.

use crate::{cosine, Config, Error, Model, WordPiece};
use expect_test::{expect, Expect};
use safetensors::tensor::{Dtype, TensorView};

const VOCAB: &str = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\nenvoy\nmet\nze\n##len\n##sk\n##iy\n##y\ncafe\n's\n'\ns\n.\n,\n\u{4e2d}\nin\nmoscow\n";

/// Renders the pieces `text` is cut into, by looking each id up in `VOCAB`.
fn check(text: &str, max_len: usize, expect: Expect) {
    let wp = WordPiece::from_vocab(VOCAB).unwrap();
    let words: Vec<&str> = VOCAB.lines().collect();
    let ids = wp.encode(text, max_len);
    let pieces: Vec<&str> = ids.iter().map(|&i| words[i as usize]).collect();
    expect.assert_eq(&pieces.join(" "));
}

#[test]
fn word_pieces() {
    // Lower case, accents stripped, punctuation split off, longest pieces first.
    check(
        "The envoy met Zelenskiy's CAFÉ.",
        64,
        expect!["[CLS] the envoy met ze ##len ##sk ##iy ' s cafe . [SEP]"],
    );
    // A word that cannot be cut is one [UNK]; control characters vanish; an ideograph is a word.
    check(
        "met\u{0007} Kyiv\u{4e2d}in",
        64,
        expect!["[CLS] met [UNK] 中 in [SEP]"],
    );
    // Cut to the length, [SEP] kept.
    check(
        "the envoy met in Moscow",
        4,
        expect!["[CLS] the envoy [SEP]"],
    );
}

#[test]
fn vocabulary_without_special_tokens_is_refused() {
    let err = WordPiece::from_vocab("the\nenvoy\n").unwrap_err();
    assert_eq!(err.to_string(), "the vocabulary has no [CLS]");
}

const CONFIG: &str = r#"{"hidden_size": 4, "num_attention_heads": 2, "num_hidden_layers": 1,
    "intermediate_size": 8, "max_position_embeddings": 16, "hidden_act": "gelu",
    "layer_norm_eps": 1e-12}"#;

/// The weights of a one-layer encoder with hidden size 4, filled with fixed pseudo-random
/// numbers; `skip` leaves one tensor out.
fn tiny_weights(skip: Option<&str>) -> Vec<u8> {
    let vocab = VOCAB.lines().count();
    let shapes: Vec<(String, Vec<usize>)> = [
        ("embeddings.word_embeddings.weight", vec![vocab, 4]),
        ("embeddings.position_embeddings.weight", vec![16, 4]),
        ("embeddings.token_type_embeddings.weight", vec![2, 4]),
        ("embeddings.LayerNorm.weight", vec![4]),
        ("embeddings.LayerNorm.bias", vec![4]),
    ]
    .into_iter()
    .map(|(n, s)| (n.to_string(), s))
    .chain(
        [
            ("attention.self.query", 4, 4),
            ("attention.self.key", 4, 4),
            ("attention.self.value", 4, 4),
            ("attention.output.dense", 4, 4),
            ("intermediate.dense", 4, 8),
            ("output.dense", 8, 4),
        ]
        .into_iter()
        .flat_map(|(n, i, o)| {
            [
                (format!("encoder.layer.0.{n}.weight"), vec![o, i]),
                (format!("encoder.layer.0.{n}.bias"), vec![o]),
            ]
        }),
    )
    .chain(
        ["attention.output.LayerNorm", "output.LayerNorm"]
            .into_iter()
            .flat_map(|n| {
                [
                    (format!("encoder.layer.0.{n}.weight"), vec![4]),
                    (format!("encoder.layer.0.{n}.bias"), vec![4]),
                ]
            }),
    )
    .filter(|(n, _)| Some(n.as_str()) != skip)
    .collect();
    let data: Vec<Vec<u8>> = shapes
        .iter()
        .enumerate()
        .map(|(k, (_, shape))| {
            let n: usize = shape.iter().product();
            let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ (k as u64 + 1);
            (0..n)
                .flat_map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ((state % 2001) as f32 / 1000.0 - 1.0).to_le_bytes()
                })
                .collect()
        })
        .collect();
    let views: Vec<(String, TensorView)> = shapes
        .iter()
        .zip(&data)
        .map(|((n, s), d)| {
            (
                n.clone(),
                TensorView::new(Dtype::F32, s.clone(), d).unwrap(),
            )
        })
        .collect();
    safetensors::serialize(views, None).unwrap()
}

#[test]
fn encoder_gives_unit_vectors_that_tell_texts_apart() {
    let model = Model::from_parts(CONFIG, VOCAB, &tiny_weights(None), 16).unwrap();
    let a = model.embed("The envoy met in Moscow.");
    let b = model.embed("The envoy met in Moscow.");
    let c = model.embed("Zelenskiy's cafe, in Moscow");
    assert_eq!(a.len(), 4);
    assert!((cosine(&a, &a) - 1.0).abs() < 1e-5);
    assert_eq!(a, b, "the same text gives the same vector");
    assert!(
        cosine(&a, &c) < 0.999,
        "different texts give different vectors"
    );
    // Longer than the positions the model has: cut, not a panic.
    let long = "the envoy met in moscow ".repeat(40);
    assert_eq!(model.tokens(&long).len(), 16);
    assert_eq!(model.embed(&long).len(), 4);
}

#[test]
fn broken_models_are_refused_with_the_reason() {
    let missing = Model::from_parts(
        CONFIG,
        VOCAB,
        &tiny_weights(Some("encoder.layer.0.output.dense.bias")),
        16,
    )
    .unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the weights have no `encoder.layer.0.output.dense.bias`"
    );
    let wrong = Model::from_parts(
        &CONFIG.replace("\"intermediate_size\": 8", "\"intermediate_size\": 6"),
        VOCAB,
        &tiny_weights(None),
        16,
    )
    .unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "`encoder.layer.0.intermediate.dense.weight` has shape [8, 4], expected [6, 4]"
    );
    assert!(matches!(
        Model::from_parts(CONFIG, VOCAB, b"not safetensors", 16),
        Err(Error::Format(_))
    ));
    let err = Model::load(std::path::Path::new("/nonexistent/model")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/model/config.json: "),
        "{err}"
    );
}

#[test]
fn config_is_read() {
    let c = Config::from_json(CONFIG).unwrap();
    assert_eq!((c.hidden, c.heads, c.layers, c.intermediate), (4, 2, 1, 8));
    let relu = Config::from_json(&CONFIG.replace("\"gelu\"", "\"relu\"")).unwrap_err();
    assert_eq!(relu.to_string(), "activation `relu` is not supported");
}
