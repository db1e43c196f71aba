//! `eval quotes`: quotes and their speakers against PolNeAR's attribution relations (brat
//! standoff: Source, Cue and Content spans joined by an Attribution event), for direct and
//! reported quotes separately and together.

use anyhow::{bail, Context, Result};
use model::Span;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// One gold attribution: byte spans into the article text.
struct Gold {
    content: Vec<Span>,
    cue: Vec<Span>,
    source: Vec<Span>,
    direct: bool,
}

struct Doc {
    name: String,
    text: String,
    gold: Vec<Gold>,
}

/// Byte offset of every char offset (brat counts characters), plus the end.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Parses `0 15;20 30` into byte spans.
fn spans(field: &str, bytes: &[usize]) -> Option<Vec<Span>> {
    field
        .split(';')
        .map(|part| {
            let mut it = part.split_whitespace().map(|n| n.parse::<usize>().ok());
            let (a, b) = (it.next()??, it.next()??);
            (a <= b && b < bytes.len()).then(|| Span::new(bytes[a], bytes[b]))
        })
        .collect()
}

/// Whether a content span is a direct quote: it opens and closes with quotation marks.
fn is_direct(text: &str, parts: &[Span]) -> bool {
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'');
    parts.iter().all(|p| {
        let s = text[p.range()]
            .trim()
            .trim_end_matches(|c: char| ".,;:!?".contains(c));
        s.starts_with(quote) && s.ends_with(quote)
    })
}

/// Reads one brat `.ann` file against its text.
fn parse_ann(ann: &str, text: &str) -> Vec<Gold> {
    let bytes = char_to_byte(text);
    let mut labels: BTreeMap<&str, (&str, Vec<Span>)> = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((label, offsets)) = body.split_once(' ') else {
                continue;
            };
            if let Some(s) = spans(offsets, &bytes) {
                labels.insert(id, (label, s));
            }
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for e in events {
        let mut g = Gold {
            content: Vec::new(),
            cue: Vec::new(),
            source: Vec::new(),
            direct: false,
        };
        for arg in e.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, s)) = labels.get(id) else {
                continue;
            };
            match role {
                "Content" => g.content.clone_from(s),
                "Cue" => g.cue.clone_from(s),
                "Source" => g.source.clone_from(s),
                _ => {}
            }
        }
        if !g.content.is_empty() {
            g.direct = is_direct(text, &g.content);
            out.push(g);
        }
    }
    out
}

/// The split folder (`text/` and `attributions/`), given the corpus root or the split itself.
fn split_dir(dir: &Path, split: &str) -> Result<std::path::PathBuf> {
    for d in [dir.join(split), dir.to_path_buf()] {
        if d.join("text").is_dir() && d.join("attributions").is_dir() {
            return Ok(d);
        }
    }
    bail!(
        "{} has neither {split}/text and {split}/attributions nor text and attributions",
        dir.display()
    )
}

fn read(dir: &Path) -> Result<Vec<Doc>> {
    let mut anns: Vec<_> = std::fs::read_dir(dir.join("attributions"))
        .with_context(|| format!("listing {}", dir.join("attributions").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut docs: Vec<Doc> = Vec::new();
    for ann in anns {
        // `<article>_<annotator>.ann`: one annotator per article (the first by name).
        let stem = ann
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((article, _)) = stem.rsplit_once('_') else {
            continue;
        };
        if docs.last().is_some_and(|d| d.name == article) {
            continue;
        }
        let text_path = dir.join("text").join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let ann_text =
            std::fs::read_to_string(&ann).with_context(|| format!("reading {}", ann.display()))?;
        let gold = parse_ann(&ann_text, &text);
        docs.push(Doc {
            name: article.to_string(),
            text,
            gold,
        });
    }
    Ok(docs)
}

fn overlap(a: &[Span], b: &[Span]) -> usize {
    a.iter()
        .flat_map(|x| {
            b.iter().map(move |y| {
                x.end()
                    .min(y.end())
                    .saturating_sub(x.start().max(y.start()))
            })
        })
        .sum()
}

/// Trims spaces, sentence punctuation and quotation marks from both ends of the hull, so that
/// exact match does not hinge on whether a closing mark or full stop was included.
fn normal(text: &str, parts: &[Span]) -> (usize, usize) {
    let a = parts.iter().map(|p| p.start()).min().unwrap_or(0);
    let b = parts.iter().map(|p| p.end()).max().unwrap_or(a);
    let s = &text[a..b];
    let junk = |c: char| c.is_whitespace() || ".,;:!?\"“”‘’'".contains(c);
    let left = s.len() - s.trim_start_matches(junk).len();
    let right = s.trim_end_matches(junk).len();
    (a + left, a + right.max(left))
}

/// One-to-one pairs of gold and predicted items that share characters, largest overlap first.
fn pair(gold: &[&[Span]], pred: &[&[Span]]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let o = overlap(g, p);
            if o > 0 {
                cands.push((o, gi, pi));
            }
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    overlap: usize,
    exact: usize,
}

impl Counts {
    fn f1(self, hits: usize) -> (f64, f64, f64) {
        let p = hits as f64 / self.pred.max(1) as f64;
        let r = hits as f64 / self.gold.max(1) as f64;
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Whether our speaker is the gold source: the phrases share characters, or the name we
/// resolved to is named in the gold source phrase.
fn same_speaker(text: &str, q: &quotes::Quote, source: &[Span]) -> bool {
    if source.is_empty() {
        return false;
    }
    if q.speaker.is_some_and(|s| overlap(&[s], source) > 0) {
        return true;
    }
    let Some(r) = q.resolved else {
        return false;
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    };
    let ours = words(&text[r.span.range()]);
    source
        .iter()
        .flat_map(|s| words(&text[s.range()]))
        .any(|w| ours.contains(&w))
}

pub fn run(dir: &Path, split: &str, repeats: usize, dump: Option<&Path>) -> Result<()> {
    let dir = split_dir(dir, split)?;
    let docs = read(&dir)?;
    let gold_n: usize = docs.iter().map(|d| d.gold.len()).sum();
    say!(
        "{} articles, {gold_n} gold attributions from {}",
        docs.len(),
        dir.display()
    );
    let mut predicted = Vec::new();
    let (mut best, mut nlp_s, mut quote_s) = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    let mut number_s = f64::INFINITY;
    let mut numbers = 0;
    for _ in 0..repeats {
        let t = Instant::now();
        let layers: Vec<nlp::Layers> = docs.iter().map(|d| nlp::annotate(&d.text)).collect();
        let mid = Instant::now();
        predicted = docs
            .iter()
            .zip(&layers)
            .map(|(d, l)| quotes::quotes(&d.text, l))
            .collect();
        let end = Instant::now();
        // The quantity layer on the same articles (without time expressions to leave out).
        numbers = docs
            .iter()
            .zip(&layers)
            .map(|(d, l)| quantities::quantities(&d.text, l, &[]).len())
            .sum::<usize>();
        best = best.min((end - t).as_secs_f64());
        nlp_s = nlp_s.min((mid - t).as_secs_f64());
        quote_s = quote_s.min((end - mid).as_secs_f64());
        number_s = number_s.min(end.elapsed().as_secs_f64());
    }
    // Index 0: direct, 1: reported, 2: all.
    let mut counts = [Counts::default(); 3];
    let (mut cue_gold, mut cue_pred, mut cue_hit) = (0usize, 0usize, 0usize);
    let (mut spk_n, mut spk_ok) = (0usize, 0usize);
    let mut lines = Vec::new();
    for (d, pred) in docs.iter().zip(&predicted) {
        for (slot, want) in [(0, Some(true)), (1, Some(false)), (2, None)] {
            let gold: Vec<&Gold> = d
                .gold
                .iter()
                .filter(|g| want.is_none_or(|w| g.direct == w))
                .collect();
            let ours: Vec<&quotes::Quote> = pred
                .iter()
                .filter(|q| want.is_none_or(|w| q.direct == w))
                .collect();
            let gs: Vec<&[Span]> = gold.iter().map(|g| &g.content[..]).collect();
            let ps: Vec<&[Span]> = ours.iter().map(|q| &q.content[..]).collect();
            let pairs = pair(&gs, &ps);
            let c = &mut counts[slot];
            c.gold += gold.len();
            c.pred += ours.len();
            c.overlap += pairs.len();
            c.exact += pairs
                .iter()
                .filter(|&&(g, p)| normal(&d.text, gs[g]) == normal(&d.text, ps[p]))
                .count();
            if slot != 2 {
                continue;
            }
            for &(g, p) in &pairs {
                if gold[g].source.is_empty() {
                    continue;
                }
                spk_n += 1;
                let ok = same_speaker(&d.text, ours[p], &gold[g].source);
                spk_ok += usize::from(ok);
                if !ok {
                    let show =
                        |s: Option<Span>| s.map_or("-".into(), |s| d.text[s.range()].to_string());
                    lines.push(format!(
                        "{}\tSPEAKER\tgold {:?}\tours {:?} = {:?}\t{:?}",
                        d.name,
                        gold[g]
                            .source
                            .iter()
                            .map(|s| &d.text[s.range()])
                            .collect::<Vec<_>>()
                            .join(" … "),
                        show(ours[p].speaker),
                        show(ours[p].resolved.map(|r| r.span)),
                        &d.text[ps[p][0].range()],
                    ));
                }
            }
            let matched_g: Vec<bool> = (0..gs.len())
                .map(|g| pairs.iter().any(|x| x.0 == g))
                .collect();
            let matched_p: Vec<bool> = (0..ps.len())
                .map(|p| pairs.iter().any(|x| x.1 == p))
                .collect();
            for (g, hit) in gold.iter().zip(&matched_g) {
                if !hit {
                    let cue = g
                        .cue
                        .iter()
                        .map(|s| &d.text[s.range()])
                        .collect::<Vec<_>>()
                        .join(" ");
                    lines.push(format!(
                        "{}\tMISSED\t{}\tcue {cue:?}\t{:?}",
                        d.name,
                        if g.direct { "direct" } else { "reported" },
                        &d.text[g.content[0].range()]
                    ));
                }
            }
            for (q, hit) in ours.iter().zip(&matched_p) {
                if !hit {
                    lines.push(format!(
                        "{}\tSPURIOUS\tcue {:?}\t{:?}",
                        d.name,
                        q.cue.map_or("-", |c| &d.text[c.range()]),
                        &d.text[q.content[0].range()]
                    ));
                }
            }
            let gc: Vec<&[Span]> = gold
                .iter()
                .filter(|g| !g.cue.is_empty())
                .map(|g| &g.cue[..])
                .collect();
            let pc: Vec<[Span; 1]> = ours.iter().filter_map(|q| q.cue.map(|c| [c])).collect();
            let pc: Vec<&[Span]> = pc.iter().map(|c| &c[..]).collect();
            cue_gold += gc.len();
            cue_pred += pc.len();
            cue_hit += pair(&gc, &pc).len();
        }
    }
    if let Some(path) = dump {
        std::fs::write(path, lines.join("\n"))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    for (slot, name) in [(0, "direct"), (1, "reported"), (2, "all")] {
        let c = counts[slot];
        let (op, or, of) = c.f1(c.overlap);
        let (ep, er, ef) = c.f1(c.exact);
        say!(
            "{name:>8}: {} gold, {} ours; overlap P {op:.3} R {or:.3} F1 {of:.3}; exact P {ep:.3} R {er:.3} F1 {ef:.3}",
            c.gold, c.pred
        );
    }
    let cue = Counts {
        gold: cue_gold,
        pred: cue_pred,
        overlap: cue_hit,
        exact: 0,
    };
    let (cp, cr, cf) = cue.f1(cue_hit);
    let speaker_accuracy = spk_ok as f64 / spk_n.max(1) as f64;
    let docs_per_s = docs.len() as f64 / best;
    say!("     cue: P {cp:.3} R {cr:.3} F1 {cf:.3}");
    say!("speaker: {spk_ok}/{spk_n} matched quotes with a gold source = accuracy {speaker_accuracy:.3}");
    say!(
        "{docs_per_s:.0} articles/s (linguistic layer + quotes, one core); quotes cost {:.1}% of the linguistic layer, quantities ({numbers} found) {:.1}%",
        quote_s / nlp_s * 100.0,
        number_s / nlp_s * 100.0
    );
    let r = |x: f64| (x * 1e4).round() / 1e4;
    let all = counts[2];
    say!(
        "{}",
        serde_json::json!({"task": "quotes", "split": split,
            "content_overlap_f1": r(all.f1(all.overlap).2), "content_exact_f1": r(all.f1(all.exact).2),
            "direct_overlap_f1": r(counts[0].f1(counts[0].overlap).2), "direct_exact_f1": r(counts[0].f1(counts[0].exact).2),
            "reported_overlap_f1": r(counts[1].f1(counts[1].overlap).2), "reported_exact_f1": r(counts[1].f1(counts[1].exact).2),
            "cue_f1": r(cf), "speaker_accuracy": r(speaker_accuracy), "docs_per_s": docs_per_s.round(),
            "cost_vs_linguistic_layer": r(quote_s / nlp_s), "quantities_cost_vs_linguistic_layer": r(number_s / nlp_s)})
    );
    Ok(())
}
