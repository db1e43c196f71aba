//! The `corroborate` command: argument parsing, files, progress and exit codes.

mod inputs;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about = "Cross-checks news coverage of a story."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads articles (text, HTML, JSONL, WARC, RSS/Atom, directories, `-` for stdin) and writes the analysis.
    Analyze(AnalyzeArgs),
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Files or directories to read; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Also write the dossier as a self-contained HTML page to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// The largest file read whole, e.g. `64M`, `500K`, `1G` (WARC files stream and are not limited).
    #[arg(long, default_value = "64M", value_parser = parse_size)]
    max_file_size: u64,
    /// Do not print warnings (errors are still printed).
    #[arg(short, long)]
    quiet: bool,
    /// Resolve time expressions against this date (YYYY-MM-DD) instead of each article's
    /// publication date.
    #[arg(long, value_parser = parse_date)]
    published: Option<chrono::NaiveDate>,
    /// Today's date for inference (YYYY-MM-DD; default: the clock): a year worked out from the
    /// text is never later than this.
    #[arg(long, value_parser = parse_date)]
    now: Option<chrono::NaiveDate>,
    /// A sentence-embedding model directory (all-MiniLM-L6-v2, fetched by
    /// `scripts/fetch-minilm.sh` into models/minilm). Articles are then grouped into stories
    /// by meaning as well as by shared words: better grouping, at about 20 articles/s per core.
    #[arg(long, value_name = "DIR", env = "CORROBORATE_MODEL")]
    model: Option<PathBuf>,
}

/// The sentence embedding of each article (title and lead), computed on all cores; one entry
/// per article, in order (empty where a worker failed, so that no article takes another's).
fn embeddings(model: &embed::Model, articles: &[model::Article]) -> Vec<Vec<f32>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                let worker = scope.spawn(move || {
                    part.iter()
                        .map(|a| model.embed(&stories::embedding_text(a.title.as_deref(), &a.text)))
                        .collect::<Vec<_>>()
                });
                (part.len(), worker)
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(n, h)| h.join().unwrap_or_else(|_| vec![Vec::new(); n]))
            .collect()
    })
}

/// Fills in the publication year from the text when metadata and dateline did not give it
/// (a weekday written beside a date holds only in some years), and returns the date of that
/// pair: the anchor for time expressions when the publication date stays unknown.
fn infer_publication_year(
    a: &mut model::Article,
    layers: &nlp::Layers,
    now: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    if a.published.date.year.is_some() {
        return None;
    }
    let bare = temporal::timexes(&a.text, &layers.tokens, &layers.sentences, None);
    let found = temporal::infer_year(&a.text, &bare, now)?;
    let pair = chrono::NaiveDate::from_ymd_opt(found.year, found.month, found.day)?;
    let words = &a.text[found.span.range()];
    let why = format!(
        "year from \"{words}\": {} is a {} in {} ({} of {} weekday-date pairs agree)",
        pair.format("%B %-d"),
        pair.format("%A"),
        found.year,
        found.agreeing,
        found.pairs
    );
    let p = &mut a.published;
    match (p.date.month, p.date.day) {
        (Some(m), Some(d)) => {
            // The year that puts the publication date nearest the dated event.
            let year = (pair.year() - 1..=pair.year() + 1)
                .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
                .min_by_key(|x| (*x - pair).num_days().abs())?
                .year();
            p.date.year = Some(year);
            p.evidence = Some(match p.evidence.take() {
                Some(e) => format!("{e}; {why}"),
                None => why,
            });
        }
        _ => {
            p.date.year = Some(found.year);
            p.how = model::DateEvidence::Inferred;
            p.evidence = Some(why);
        }
    }
    Some(pair)
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| (1000..=9999).contains(&d.year()))
        .ok_or_else(|| format!("'{s}' is not a date like 2025-11-26"))
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Json,
    Md,
    Text,
    /// One self-contained HTML page (no scripts, no network).
    Html,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1024),
        Some((i, 'm' | 'M')) => (&s[..i], 1024 * 1024),
        Some((i, 'g' | 'G')) => (&s[..i], 1024 * 1024 * 1024),
        _ => (s, 1),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .filter(|&n| n > 0)
        .map(|n| n * mult)
        .ok_or_else(|| format!("'{s}' is not a size such as 64M, 500K or 1G"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Analyze(args) => match analyze(args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        },
    }
}

fn analyze(args: AnalyzeArgs) -> Result<ExitCode> {
    // A model that was asked for must load before any work is done.
    let embedder = match &args.model {
        Some(dir) => Some(embed::Model::load(dir).with_context(|| {
            format!(
                "loading the sentence-embedding model from {} (scripts/fetch-minilm.sh fetches it)",
                dir.display()
            )
        })?),
        None => None,
    };
    let opts = ingest::Options {
        max_bytes: args.max_file_size,
        ..ingest::Options::default()
    };
    let quiet = args.quiet;
    let report = inputs::read_all(&args.paths, &opts, |p| {
        if !quiet || p.severity == ingest::Severity::Error {
            eprintln!("{p}");
        }
    });
    let mut articles = report.articles;
    ingest::dedupe_ids(&mut articles);
    if articles.is_empty() {
        eprintln!("error: no articles could be read");
        return Ok(ExitCode::from(2));
    }
    // Each article's layers: tokens, sentences, entities and roles, and its time expressions
    // resolved against its publication date (or the date given).
    let now = args.now.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let layers: Vec<report::Annotations> = articles
        .iter_mut()
        .map(|a| {
            let layers = nlp::annotate(&a.text);
            let text_date = infer_publication_year(a, &layers, now);
            let anchor = args
                .published
                .map(|d| (d, "given"))
                .or_else(|| a.published.date.full().map(|d| (d, "published")))
                .or(text_date.map(|d| (d, "text")));
            let times = temporal::timexes(
                &a.text,
                &layers.tokens,
                &layers.sentences,
                anchor.map(|x| x.0),
            );
            let published = args.published.or_else(|| a.published.date.full());
            let calendar = temporal::calendar_checks(&a.text, &times, published);
            let quotes = quotes::quotes(&a.text, &layers);
            let time_spans: Vec<model::Span> = times.iter().map(|t| t.span).collect();
            let quantities = quantities::quantities(&a.text, &layers, &time_spans);
            report::Annotations {
                layers,
                anchor,
                times,
                calendar,
                quotes,
                quantities,
            }
        })
        .collect();
    // Stories: articles grouped in input order, then copies and entities within each story.
    let vectors = match &embedder {
        Some(model) => embeddings(model, &articles),
        None => Vec::new(),
    };
    let threshold = if vectors.is_empty() {
        stories::DEFAULT_THRESHOLD
    } else {
        stories::DEFAULT_THRESHOLD_EMBEDDED
    };
    let inputs: Vec<stories::Input> = articles
        .iter()
        .zip(&layers)
        .enumerate()
        .map(|(i, (a, l))| stories::Input {
            id: &a.id,
            title: a.title.as_deref(),
            text: &a.text,
            day: a
                .published
                .date
                .full()
                .map(|d| (d - chrono::NaiveDate::default()).num_days() as i32),
            layers: &l.layers,
            credits: &a.credits,
            embedding: vectors.get(i).filter(|v| !v.is_empty()).map(Vec::as_slice),
        })
        .collect();
    let found = stories::stories(&inputs, threshold);
    drop(inputs);
    // An article with no publication date of its own reads its times against its story's:
    // outlets covering one story write within days of each other. The story's date is the
    // most common publication date of its articles, a month and day completed with the year
    // the text gives; an article dated only by an event in its text (a weekday-date pair)
    // takes it too when it falls within the week after that event.
    let mut layers = layers;
    for s in &found {
        let years: Vec<i32> = s
            .articles
            .iter()
            .filter_map(|&i| layers[i].anchor.map(|x| chrono::Datelike::year(&x.0)))
            .collect();
        let mut dates: Vec<chrono::NaiveDate> = s
            .articles
            .iter()
            .filter_map(|&i| {
                let d = articles[i].published.date;
                d.full().or_else(|| {
                    let year = d.year.or_else(|| years.first().copied())?;
                    chrono::NaiveDate::from_ymd_opt(year, d.month?, d.day?)
                })
            })
            .collect();
        dates.sort();
        let Some(common) = dates
            .iter()
            .max_by_key(|d| {
                (
                    dates.iter().filter(|x| x == d).count(),
                    std::cmp::Reverse(**d),
                )
            })
            .copied()
        else {
            continue;
        };
        for &i in &s.articles {
            let l = &mut layers[i];
            let take = match l.anchor {
                None => true,
                Some((pair, "text")) => (0..=7).contains(&(common - pair).num_days()),
                Some(_) => false,
            };
            if take {
                l.times = temporal::timexes(
                    &articles[i].text,
                    &l.layers.tokens,
                    &l.layers.sentences,
                    Some(common),
                );
                l.anchor = Some((common, "story"));
            }
        }
    }
    let dossier_articles: Vec<dossier::Article> = articles
        .iter()
        .zip(&layers)
        .map(|(a, l)| dossier::Article {
            text: &a.text,
            layers: &l.layers,
            quotes: &l.quotes,
            quantities: &l.quantities,
            calendar: &l.calendar,
            times: &l.times,
        })
        .collect();
    let stories: Vec<dossier::Dossier> = found
        .into_iter()
        .map(|s| dossier::build(s, &dossier_articles))
        .collect();
    let rendered = match args.format {
        OutputFormat::Json => report::to_json(&articles, &layers, &stories),
        OutputFormat::Md => report::to_markdown(&articles, &layers, &stories),
        OutputFormat::Text => report::to_text(&articles, &layers, &stories),
        OutputFormat::Html => report::to_html(&articles, &layers, &stories),
    };
    if let Some(path) = &args.html {
        std::fs::write(path, report::to_html(&articles, &layers, &stories))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    match &args.output {
        Some(path) => std::fs::write(path, rendered.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            let res = stdout
                .write_all(rendered.as_bytes())
                .and_then(|_| stdout.flush());
            match res {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("cannot write to standard output")?,
            }
        }
    }
    if let Some(path) = &args.output {
        if std::io::stderr().is_terminal() {
            eprintln!("wrote {} articles to {}", articles.len(), path.display());
        }
    }
    if let Some(path) = &args.html {
        if !args.quiet {
            eprintln!(
                "the HTML dossier is in {} (open it in a browser)",
                path.display()
            );
        }
    }
    Ok(if report.failed_inputs > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
