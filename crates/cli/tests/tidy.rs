//! Architecture invariants that code review would otherwise have to catch.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The analysis crates take values and return values: no files, network, processes or printing.
#[test]
fn pure_crates_do_no_io() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let forbidden = [
        "std::fs",
        "File::open",
        "std::net",
        "std::process",
        "println!",
        "eprintln!",
        "std::env::var",
    ];
    let mut offences = Vec::new();
    for name in [
        "model",
        "extract",
        "ingest",
        "nlp",
        "temporal",
        "quotes",
        "quantities",
        "stories",
        "dossier",
        "report",
    ] {
        let mut files = Vec::new();
        rust_files(&crates.join(name).join("src"), &mut files);
        assert!(!files.is_empty(), "no sources found for {name}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for f in forbidden {
                    if line.contains(f) {
                        offences.push(format!("{}:{}: {f}", file.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "I/O in pure crates:\n{}",
        offences.join("\n")
    );
}

/// Every module says what it is for in its first line.
#[test]
fn every_module_opens_with_a_doc_line() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&crates).unwrap() {
        let src = entry.unwrap().path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut files);
        }
    }
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("tests.rs"))
        .filter(|f| !std::fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a `//!` line:\n{}",
        missing.join("\n")
    );
}
