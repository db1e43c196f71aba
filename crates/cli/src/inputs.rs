//! Finding and reading the inputs: files, directories (recursively) and standard input.

use indicatif::{ProgressBar, ProgressStyle};
use ingest::{Options, Problem, Severity, Sniffed};
use model::Article;
use std::fs::File;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// Everything read from the inputs.
pub struct ReadReport {
    pub articles: Vec<Article>,
    /// Inputs that gave at least one error.
    pub failed_inputs: usize,
}

enum Input {
    Stdin,
    File(PathBuf),
}

/// How many files make a progress bar worth showing.
const PROGRESS_FILES: usize = 100;
const HEAD: usize = 64 * 1024;

/// Reads every input in order; problems go to `on_problem` as they are found.
pub fn read_all(
    paths: &[String],
    opts: &Options,
    mut on_problem: impl FnMut(&Problem),
) -> ReadReport {
    let mut report = ReadReport {
        articles: Vec::new(),
        failed_inputs: 0,
    };
    let mut inputs = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                if let Err(e) = walk(path, &mut files) {
                    on_problem(&Problem::error(
                        p,
                        None,
                        format!("cannot list directory: {e}"),
                    ));
                    report.failed_inputs += 1;
                }
                if files.is_empty() {
                    on_problem(&Problem::error(p, None, "directory has no files"));
                    report.failed_inputs += 1;
                }
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
            Err(e) => {
                on_problem(&Problem::error(p, None, io_message(&e)));
                report.failed_inputs += 1;
            }
        }
    }
    let bar = if inputs.len() >= PROGRESS_FILES {
        ProgressBar::new(inputs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} files · {msg}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    for input in inputs {
        let name = match &input {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        };
        let mut failed = false;
        let mut problem = |p: Problem| {
            failed |= p.severity == Severity::Error;
            bar.suspend(|| on_problem(&p));
        };
        read_one(
            &input,
            &name,
            opts,
            &bar,
            &mut report.articles,
            &mut problem,
        );
        if failed {
            report.failed_inputs += 1;
        }
        bar.inc(1);
        bar.set_message(format!("{} articles", report.articles.len()));
    }
    bar.finish_and_clear();
    report
}

fn read_one(
    input: &Input,
    name: &str,
    opts: &Options,
    bar: &ProgressBar,
    articles: &mut Vec<Article>,
    problem: &mut impl FnMut(Problem),
) {
    let mut reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(p) => match File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => return problem(Problem::error(name, None, io_message(&e))),
        },
    };
    let mut head = Vec::with_capacity(HEAD);
    if let Err(e) = (&mut reader).take(HEAD as u64).read_to_end(&mut head) {
        return problem(Problem::error(name, None, io_message(&e)));
    }
    let rest = Cursor::new(head).chain(reader);
    match ingest::sniff(rest.get_ref().0.get_ref()) {
        Sniffed::Warc | Sniffed::WarcGz => {
            // Streamed: a WARC can be far larger than memory.
            let spinner = if bar.is_hidden() {
                ProgressBar::new_spinner()
            } else {
                ProgressBar::hidden()
            };
            ingest::read_warc(
                name,
                rest,
                opts,
                |a| {
                    articles.push(a);
                    spinner.set_message(format!("{name}: {} articles", articles.len()));
                    spinner.tick();
                },
                |p| spinner.suspend(|| problem(p)),
            );
            spinner.finish_and_clear();
        }
        _ => {
            // A file known to be too large is refused before it is read.
            if let Input::File(p) = input {
                if let Ok(m) = std::fs::metadata(p) {
                    if m.len() > opts.max_bytes {
                        return problem(too_large(input, m.len(), opts.max_bytes, name));
                    }
                }
            }
            let mut bytes = Vec::new();
            if let Err(e) = rest.take(opts.max_bytes + 1).read_to_end(&mut bytes) {
                return problem(Problem::error(name, None, io_message(&e)));
            }
            if bytes.len() as u64 > opts.max_bytes {
                let size = match input {
                    Input::File(p) => std::fs::metadata(p)
                        .map(|m| m.len())
                        .unwrap_or(bytes.len() as u64),
                    Input::Stdin => bytes.len() as u64,
                };
                return problem(Problem::error(
                    name,
                    None,
                    format!(
                        "{} over the {} limit (raise it with --max-file-size)",
                        if matches!(input, Input::Stdin) {
                            "input is".to_string()
                        } else {
                            format!("file is {},", ingest::human_size(size))
                        },
                        ingest::human_size(opts.max_bytes)
                    ),
                ));
            }
            let got = ingest::read_bytes(name, &bytes, opts);
            articles.extend(got.articles);
            for p in got.problems {
                problem(p);
            }
        }
    }
}

fn too_large(input: &Input, size: u64, limit: u64, name: &str) -> Problem {
    // Standard input is only read up to the limit, so its full size is not known.
    let size = matches!(input, Input::File(_)).then_some(size);
    Problem::error(name, None, ingest::too_large(size, limit))
}

/// Files below a directory, sorted, skipping hidden files and directories.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ty = e.file_type()?;
        if ty.is_dir() {
            walk(&e.path(), out)?;
        } else if ty.is_file() || ty.is_symlink() && e.path().is_file() {
            out.push(e.path());
        }
    }
    Ok(())
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => format!("cannot read: {e}"),
    }
}
