//! End-to-end tests of the `corroborate` binary: inputs, outputs, problems and exit codes.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/witkoff-moscow")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `corroborate analyze PATH --format json EXTRA...`, which must succeed, as JSON.
fn analyze_json(path: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["analyze", path.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out)
}

fn article<'a>(doc: &'a Value, id_prefix: &str) -> &'a Value {
    doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_str().unwrap().starts_with(id_prefix))
        .unwrap_or_else(|| panic!("no article {id_prefix}"))
}

const BODY: &str = "The city council approved the new harbour plan on Tuesday after a debate that lasted most of the night. Opponents promised to challenge the vote in court next month.";

#[test]
fn bundled_example_is_cleaned_of_site_furniture() {
    let out = run(
        &[
            "analyze",
            example_dir().to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    assert_eq!(doc["schema"], "corroborate/analysis/v1");
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    for a in articles {
        let text = a["text"].as_str().unwrap();
        for furniture in [
            "CanadaWar",
            "Related Articles",
            "Leave a Reply",
            "Your email address",
            "Further Reading",
            "Daijiworld Media Network",
            "Faridah",
        ] {
            assert!(
                !text.contains(furniture),
                "{} still has {furniture:?}",
                a["id"]
            );
        }
        if let Some(title) = a["title"].as_str() {
            assert!(!text.contains(title), "{} repeats its headline", a["id"]);
        }
    }
    let reuters_like = article(&doc, "003");
    assert_eq!(
        reuters_like["title"],
        "Trump envoy Witkoff to discuss Ukraine peace moves in Moscow next week"
    );
    let dated = article(&doc, "002");
    assert_eq!(dated["dateline"]["place"], "Washington");
    assert_eq!(dated["published"]["partial"], "--11-26");
    assert_eq!(dated["published"]["how"], "dateline");
    assert_eq!(dated["outlet"], "Daijiworld Media Network");
    assert!(dated["text"]
        .as_str()
        .unwrap()
        .starts_with("Former US President"));
    let signed = article(&doc, "004");
    assert_eq!(signed["byline"], "Faridah Abdulkadiri");
    // The key points summary is kept but marked, so later stages do not count it as evidence.
    let summarised = article(&doc, "001");
    let zone = &summarised["zones"][0];
    assert_eq!(zone["kind"], "summary");
    let text = summarised["text"].as_str().unwrap();
    let start = zone["start"].as_u64().unwrap() as usize;
    assert!(text[start..].starts_with("KEY POINTS"));
}

#[test]
fn bad_files_are_named_and_the_rest_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), BODY).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("image.jpg"),
        b"\xFF\xD8\xFF\xE0\0\x10JFIF\0",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("lines.jsonl"),
        format!("{{\"id\":\"j1\",\"text\":\"{BODY}\"}}\n{{oops\n"),
    )
    .unwrap();
    let out = run(
        &["analyze", dir.path().to_str().unwrap(), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(
        stderr.contains("image.jpg: binary file (JPEG image)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lines.jsonl: line 2: invalid JSON"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let doc = json(&out);
    let ids: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good", "j1"]);
}

#[test]
fn nothing_readable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = run(&["analyze", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["analyze", "/no/such/path"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/no/such/path: no such file or directory")
    );
}

#[test]
fn a_missing_embedding_model_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("out.json");
    let missing = dir.path().join("no-model");
    let example = example_dir();
    let out = run(
        &[
            "analyze",
            example.to_str().unwrap(),
            "--model",
            missing.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("loading the sentence-embedding model from")
            && err.contains("no-model/config.json"),
        "{err}"
    );
    assert!(!out_file.exists());
}

#[test]
fn wrong_arguments_exit_2() {
    assert_eq!(run(&["analyze"], None).status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "x", "--format", "pdf"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["analyze", "x", "--max-file-size", "lots"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn standard_input_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    let out = run(
        &[
            "analyze",
            "-",
            "--format",
            "json",
            "-o",
            target.to_str().unwrap(),
        ],
        Some(BODY.as_bytes()),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let doc: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(doc["articles"][0]["id"], "stdin");
    assert_eq!(doc["articles"][0]["source"]["path"], "-");
}

#[test]
fn size_limit_is_enforced_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, BODY.repeat(2000)).unwrap();
    std::fs::write(dir.path().join("small.txt"), BODY).unwrap();
    let out = run(
        &[
            "analyze",
            dir.path().to_str().unwrap(),
            "--max-file-size",
            "100K",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "big.txt: file is 322.3 KB, over the 100.0 KB limit (raise it with --max-file-size)"
        ),
        "{stderr}"
    );
}

#[test]
fn hostile_text_is_escaped_in_markdown() {
    let hostile = format!("{BODY} The page carried <script>alert('x')</script> in its comments.");
    let out = run(
        &["analyze", "-", "--format", "md"],
        Some(hostile.as_bytes()),
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("&lt;script&gt;"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
}

#[test]
fn html_page_is_self_contained_and_escapes_article_text() {
    let hostile = format!(
        "title: A <b>bold</b> \"quoted\" title\n\n{BODY} The page carried <script>alert('x')</script> and <img src=x onerror=alert(1)> in its comments."
    );
    let out = run(
        &["analyze", "-", "--format", "html"],
        Some(hostile.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page:.200}");
    // Scripts are refused by the page itself, and nothing is fetched.
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<b>bold"));
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("A &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; title"));
}

#[test]
fn html_page_is_written_beside_the_terminal_summary() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("dossier.html");
    let out = run(
        &[
            "analyze",
            example_dir().to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("5 articles"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!("the HTML dossier is in {}", page.display())),
        "{said}"
    );
    let html = std::fs::read_to_string(&page).unwrap();
    // One story with its conflicts, facts, timeline picture and coverage grid.
    assert_eq!(html.matches("<section class=\"story\"").count(), 1);
    assert_eq!(html.matches("class=\"card conflict\"").count(), 7);
    assert!(html.contains("<svg") && html.contains("Coverage: sources by fact"));
    assert!(html.contains("Joshua Witkov") && html.contains("at least seven"));
}

#[test]
fn terminal_summary_lists_each_article() {
    let out = run(&["analyze", example_dir().to_str().unwrap()], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("5 articles"), "{text}");
    assert!(text.contains("by Faridah Abdulkadiri"), "{text}");
    assert!(text.contains("published --11-26 (dateline)"), "{text}");
}

/// The names found in each reference report, by kind: every person the reports name must be a
/// person in every report that names them, and nothing that is a plane, a holiday, a social
/// network or a building may be a person.
#[test]
fn reference_reports_name_their_people() {
    let doc = analyze_json(&example_dir(), &[]);
    let mut lines = Vec::new();
    for a in doc["articles"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        for kind in ["PER", "ORG", "LOC", "MISC"] {
            let mut names: Vec<String> = Vec::new();
            for e in a["entities"].as_array().unwrap() {
                let name = e["text"].as_str().unwrap().to_string();
                if e["kind"] == kind && !names.contains(&name) {
                    names.push(name);
                }
            }
            lines.push(format!("{} {kind}: {}", &id[..3], names.join("; ")));
        }
    }
    expect_test::expect![[r#"
        000 PER: Donald Trump; Joshua Witkov; Jared Kushner; Vladimir Putin; Trump; Witkov; Putin; Volodymyr Zelensky; Zelensky; Kushner; Dmitry Peskov; Ushakov
        000 ORG: Air Force; Voluntary Coalition; NATO
        000 LOC: US; Moscow; Florida; Russia; Ukraine; United States; Kyiv; Geneva; Gaza; Kremlin; White House
        000 MISC: Russian; Russia-Ukraine; Russians; Ukrainian; US-backed; European; US-proposed; mid-January
        001 PER: Trump; Steve Witkoff; Vladimir Putin; Jared Kushner; Macron; Donald Trump; Putin; Volodymyr Zelensky; Witkoff; Emmanuel Macron; Dan Driscoll; Rustem Umerov; Keir Starmer; Ivan Zadontsev
        001 ORG: Truth; Air Force; Bloomberg; AFP; Thanksgiving; NATO; European Union
        001 LOC: Moscow; Ukraine; Washington; Russia; Kyiv; France; U.S.; Zaporizhzhia; Gaza; US; White House; Europe; United States
        001 MISC: Ukraine-friendly; European; Russian; Ukrainian; French; US; British
        002 PER: Donald Trump; Vladimir Putin; Volodymyr Zelenskiy; Trump; Steve Witkoff; Putin; Jared Kushner; Dan Driscoll; Zelenskiy; Keir Starmer; Emmanuel Macron; Marco Rubio; Sergei Lavrov
        002 ORG: Army; NATO; UK
        002 LOC: US; Russia; Ukraine; Moscow; Washington; Kyiv; Kremlin; Geneva; Europe
        002 MISC: Ukrainian; European; French; Russian
        003 PER: Donald Trump; Steve Witkoff; Trump; Vladimir Putin; Volodymyr Zelenskiy; WITKOFF; Witkoff; Putin; Jared Kushner; Yuri Ushakov; Dmitry Peskov; Joe Biden; Zelenskiy; Ushakov
        003 ORG: NATO; Air Force; Hamas; Interfax; Bloomberg News; Bloomberg
        003 LOC: Moscow; U.S.; Ukraine; Kremlin; Kyiv; Gaza; Israel; Russia; West; Soviet Union; RUSSIA; White House; Abu Dhabi
        003 MISC: Russian; Ukrainian; European; Palestinian; pro-Ukrainian; Russians; Ukrainians
        004 PER: Donald Trump; Steve Witkoff; Vladimir Putin; Yuri Ushakov; Trump; Witkoff; Dan Driscoll; Jared Kushner; Sergei Lavrov; Driscoll; Volodymyr Zelensky; Donald; Zelensky; Putin; Emmanuel Macron; Macron; Sir Keir Starmer; Marco Rubio; Ushakov; Ivan Federov; Yevgeny Balitsky
        004 ORG: Army; Downing Street; UK; Nato; State; Bloomberg
        004 LOC: Moscow; Kremlin; United States; Ukraine; White House; US; Russia; Abu Dhabi; Kyiv; America; Crimea; Kherson; Zaporizhzhia; Geneva; Washington
        004 MISC: Russian; European; American; Ukrainian; French; Donbas"#]].assert_eq(&lines.join("\n"));
}

/// Time expressions come out resolved against `--published`, with their spans in the text.
#[test]
fn time_expressions_resolve_against_the_publication_date() {
    let text = "The envoy will travel to the capital next week. He met the minister on Tuesday, \
                nearly four years after the war began.";
    let out = run(
        &[
            "analyze",
            "-",
            "--format",
            "json",
            "--published",
            "2025-11-26",
        ],
        Some(text.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    let a = &doc["articles"][0];
    let body = a["text"].as_str().unwrap();
    let times: Vec<String> = a["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&body[s..e], t["text"].as_str().unwrap());
            format!("{} = {} {}", t["text"], t["kind"], t["value"])
        })
        .collect();
    expect_test::expect![[r#"
        "next week" = "DATE" "2025-W49"
        "Tuesday" = "DATE" "2025-11-25"
        "nearly four years" = "DURATION" "P4Y""#]]
    .assert_eq(&times.join("\n"));
    let bad = run(&["analyze", "x", "--published", "26/11/2025"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a date like 2025-11-26"));
}

/// The reference report with an impossible date: the weekday and the holiday beside it do
/// not fit, once the publication date fixes the year.
#[test]
fn impossible_dates_are_flagged() {
    let file = example_dir().join("000_72867ae46c04b685.txt");
    let doc = analyze_json(&file, &["--published", "2025-11-26"]);
    let notes: Vec<String> = doc["articles"][0]["calendar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"].as_str().unwrap().to_string())
        .collect();
    expect_test::expect![[r#"
        Thursday does not match 2025-10-27, which is a Monday
        Thanksgiving falls on 2025-11-27 in 2025, not on 2025-10-27"#]]
    .assert_eq(&notes.join("\n"));
}

/// A report without a publication date gets its year from a weekday written beside a date.
#[test]
fn the_year_is_worked_out_from_the_text() {
    let file = example_dir().join("000_72867ae46c04b685.txt");
    let doc = analyze_json(&file, &["--now", "2026-11-22"]);
    let published = &doc["articles"][0]["published"];
    expect_test::expect![[r#""2025" "inferred" "year from \"Tuesday (November 25)\": November 25 is a Tuesday in 2025 (1 of 2 weekday-date pairs agree)""#]].assert_eq(&format!(
        "{} {} {}",
        published["partial"], published["how"], published["evidence"]
    ));
}

/// Every direct quote of the reference reports comes with its speaker, and every casualty or
/// size figure with what it counts and its qualifier; each span's text is its slice.
#[test]
fn reference_reports_quote_their_speakers_and_count_their_figures() {
    let doc = analyze_json(&example_dir(), &[]);
    let mut lines = Vec::new();
    for a in doc["articles"].as_array().unwrap() {
        let id = &a["id"].as_str().unwrap()[..3];
        let text = a["text"].as_str().unwrap();
        let slice = |v: &Value| {
            let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
            assert_eq!(v["text"].as_str().unwrap(), &text[s as usize..e as usize]);
            v["text"].as_str().unwrap().to_string()
        };
        for q in a["quotes"].as_array().unwrap() {
            let parts: Vec<String> = q["parts"].as_array().unwrap().iter().map(slice).collect();
            if !q["direct"].as_bool().unwrap() {
                continue;
            }
            let said: String = parts.join(" … ").chars().take(48).collect();
            let who = q["resolved"]["name"].as_str().unwrap_or("?");
            lines.push(format!("{id} quote {who}: {said}"));
        }
        for n in a["quantities"].as_array().unwrap() {
            slice(n);
            let counted = if n["counted"].is_null() {
                "-".into()
            } else {
                slice(&n["counted"])
            };
            let event = if n["event"].is_null() {
                "-".into()
            } else {
                slice(&n["event"])
            };
            let place = if n["place"].is_null() {
                "-".into()
            } else {
                slice(&n["place"])
            };
            lines.push(format!(
                "{id} number {} {} {counted} {event} {place}",
                n["qualifier"].as_str().unwrap(),
                n["value"]
            ));
        }
    }
    expect_test::expect![[r#"
        000 quote Donald Trump: "provided that an agreement to end the war has b
        000 quote Volodymyr Zelensky: "This framework is on the table, and we are prep
        000 quote Dmitry Peskov: "It's too early to say."
        000 quote Donald Trump: "For me, the deadline is when everything is over
        000 quote Donald Trump: "That's just a roadmap, a concept,"
        000 number exact 19.0 points - -
        001 quote Donald Trump: “but ONLY when the deal to end this War is FINAL
        001 quote ?: “The talks are going well and we remain optimist
        001 quote Keir Starmer: “There’s still a long way to go and a tough road
        001 quote Ivan Zadontsev: “We also are getting tired of war. We need a bre
        001 number exact 18.0 people wounded Zaporizhzhia
        001 number exact 31.0 apartment blocks damaged Zaporizhzhia
        001 number exact 7.0 people killed -
        001 number exact 600000.0 members - -
        001 number about 20.0 - - -
        001 number at least 20000.0 civilians - -
        002 number exact 19.0 points - Geneva
        003 quote Yuri Ushakov: “As for Witkoff, I can say that a preliminary ag
        003 quote Dmitry Peskov: “Wait, it’s premature to say that yet.”
        003 number at least 20000.0 troops - -
        003 number exact 20.0 - - -
        003 number more than 19.0 - - -
        003 number more than 1200000.0 Russians - -
        004 quote ?: “the deadline for me is when it is over”
        004 quote Volodymyr Zelensky: “I am counting on further active cooperation wit
        004 quote Donald Trump: “that was not a plan, it was a concept”
        004 number exact 28.0 point - -
        004 number exact 28.0 point - -
        004 number at least 7.0 people injured -
        004 number up to 40000.0 people leaving -
        004 number at least 20000.0 soldiers - -
        004 number at least 2000.0 civilians killed -"#]]
    .assert_eq(&lines.join("\n"));
}

/// The five reference reports are one story of five independent sources; each person is one
/// entity under every spelling, and the variants one outlet alone uses are flagged.
#[test]
fn reference_reports_are_one_story_with_people_merged_across_outlets() {
    let doc = analyze_json(&example_dir(), &[]);
    let stories = doc["stories"].as_array().unwrap();
    let mut lines = vec![format!("{} stories", stories.len())];
    for s in stories {
        let short = |v: &Value| v.as_str().unwrap()[..3].to_string();
        let groups: Vec<String> = s["independent_groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                g.as_array()
                    .unwrap()
                    .iter()
                    .map(short)
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .collect();
        lines.push(format!("groups: {}", groups.join(" ")));
        lines.push(format!("copies: {}", s["copies"].as_array().unwrap().len()));
        for e in s["entities"].as_array().unwrap() {
            if e["kind"] != "PER" || e["articles"].as_array().unwrap().len() < 4 {
                continue;
            }
            let aliases: Vec<&str> = e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect();
            lines.push(format!(
                "{}: {}",
                e["name"].as_str().unwrap(),
                aliases.join(", ")
            ));
            for f in e["flags"].as_array().unwrap() {
                lines.push(format!("  flag: {}", f.as_str().unwrap()));
            }
        }
    }
    expect_test::expect![[r#"
        1 stories
        groups: 000 001 002 003 004
        copies: 0
        Donald Trump: Donald Trump, Trump
        Vladimir Putin: Vladimir Putin, Putin
        Steve Witkoff: Steve Witkoff, Witkoff, Joshua Witkov, WITKOFF, Witkov
          flag: first name differs: "Joshua" in 000_72867ae46c04b685 vs "Steve" in 001_5644d3c4fa8e9f3d, 002_429442e7b6a1e624, 003_31b66dd9831d616b, 004_f456a7232ca8bf48
          flag: surname spelled "Witkov" only in 000_72867ae46c04b685; the others write "Witkoff"
        Volodymyr Zelensky: Volodymyr Zelensky, Volodymyr Zelenskiy, Zelenskiy, Zelensky
        Jared Kushner: Jared Kushner, Kushner"#]].assert_eq(&lines.join("\n"));
}

/// The Kremlin spokesman's remark is one remark in two wordings across two outlets.
#[test]
fn reference_reports_group_remarks_worded_differently() {
    let doc = analyze_json(&example_dir(), &[]);
    let groups = doc["stories"][0]["quotes"].as_array().unwrap();
    let mut lines = Vec::new();
    for g in groups {
        let variants = g["variants"].as_array().unwrap();
        let mut articles: Vec<&str> = variants
            .iter()
            .map(|v| v["article"].as_str().unwrap())
            .collect();
        articles.dedup();
        // The spokesman's remark, the French president's, and the US president's remarks
        // that carry a wording of their own inside quotation marks.
        let quoted = variants.iter().all(|v| {
            v["parts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["text"].as_str().unwrap().contains(['"', '“']))
        });
        let wanted = match g["speaker"].as_str().unwrap() {
            "Dmitry Peskov" | "Emmanuel Macron" => true,
            "Donald Trump" => quoted,
            _ => false,
        };
        if !wanted || articles.len() < 2 {
            continue;
        }
        lines.push(g["speaker"].as_str().unwrap().to_string());
        for v in variants {
            let last = v["parts"].as_array().unwrap().last().unwrap();
            lines.push(format!(
                "{}: {}",
                &v["article"].as_str().unwrap()[..3],
                last["text"].as_str().unwrap()
            ));
        }
        lines.push(format!("flags: {}", g["flags"]));
    }
    expect_test::expect![[r#"
        Donald Trump
        000: "provided that an agreement to end the war has been reached or is in its final stages."
        001: to meet “soon” with Putin and Ukrainian President Volodymyr Zelensky
        001: “but ONLY when the deal to end this War is FINAL or, in its final stages.”
        004: that he expected to meet Zelensky and Putin “soon, but ONLY when the deal to end this War is FINAL or, in its final stages”
        flags: ["worded differently inside quotation marks by different outlets"]
        Dmitry Peskov
        000: "It's too early to say."
        003: “Wait, it’s premature to say that yet.”
        flags: ["worded differently inside quotation marks by different outlets"]
        Donald Trump
        000: "That's just a roadmap, a concept,"
        004: “that was not a plan, it was a concept”
        flags: ["worded differently inside quotation marks by different outlets"]
        Emmanuel Macron
        001: there is “clearly no Russian willingness” for a ceasefire despite U.S. optimism
        001: that there is “clearly no Russian willingness” for a ceasefire or the new, more Ukraine-friendly proposal
        004: he saw “no Russian will for a ceasefire”
        flags: ["worded differently inside quotation marks by different outlets"]
        Donald Trump
        002: “tremendous progress” on the original 28-point peace plan, now refined with input from both sides, though some points of disagreement remain
        004: had been “fine tuned, with additional input from both sides”
        flags: []"#]]
    .assert_eq(&lines.join("\n"));
}

/// The reference story's conflicts: the envoy's two names, the "former" title given to the
/// sitting president, the impossible deadline, and the two casualty counts for one city.
#[test]
fn reference_reports_show_their_conflicts_side_by_side() {
    let doc = analyze_json(&example_dir(), &[]);
    let mut lines = Vec::new();
    for c in doc["stories"][0]["conflicts"].as_array().unwrap() {
        let mut sides = Vec::new();
        for s in c["sides"].as_array().unwrap() {
            let arts: Vec<String> = s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap()[..3].to_string())
                .collect();
            let ev = &s["evidence"][0];
            sides.push(format!(
                "{} [{}] \"{}\"",
                s["value"].as_str().unwrap(),
                arts.join(" "),
                ev["text"].as_str().unwrap()
            ));
        }
        lines.push(format!(
            "{} / {}: {}",
            c["kind"].as_str().unwrap(),
            c["about"].as_str().unwrap(),
            sides.join(" | ")
        ));
    }
    expect_test::expect![[r#"
        name / Steve Witkoff: Joshua Witkov [000] "Joshua Witkov" | Steve Witkoff [001 002 003 004] "Steve Witkoff"
        role / Donald Trump: president [000 003] "US President" | former president [002] "Former US President"
        date / Thursday (October 27th): Thursday does not match 2025-10-27, which is a Monday [000] "Thursday (October 27th)"
        date / October 27th), the Thanksgiving: Thanksgiving falls on 2025-11-27 in 2025, not on 2025-10-27 [000] "October 27th), the Thanksgiving"
        number / wounded in Zaporizhzhia: 18 [001] "18" | at least 7 [004] "at least seven"
        certainty / Jared Kushner: Jared Kushner will go / take part [000] "dispatched special envoys Joshua Witkov and his son-in-law Jared Kushner" | Jared Kushner may go / take part [001 004] "Jared Kushner may join"
        attribution / “There’s still a long way to go and a tough road ahead.”: Keir Starmer [001] "“There’s still a long way to go and a tough road ahead.”" | Downing Street [004] "there was “a long way to go – a tough road ahead”""#]].assert_eq(&lines.join("\n"));
}

/// Articles without a publication date read their times against the story's date, and the
/// story's timeline places its events on calendar dates with their sources.
#[test]
fn reference_story_has_a_timeline_on_calendar_dates() {
    let doc = analyze_json(&example_dir(), &[]);
    let anchors: Vec<String> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} {} {}",
                &a["id"].as_str().unwrap()[..3],
                a["time_anchor"]["date"],
                a["time_anchor"]["how"]
            )
        })
        .collect();
    let mut lines = anchors;
    for e in doc["stories"][0]["timeline"].as_array().unwrap() {
        let label: String = e["label"].as_str().unwrap().chars().take(60).collect();
        let arts: Vec<String> = e["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap()[..3].to_string())
            .collect();
        lines.push(format!(
            "{} [{}] {label}",
            e["date"].as_str().unwrap(),
            arts.join(" ")
        ));
    }
    expect_test::expect![[r#"
        000 "2025-11-26" "story"
        001 "2025-11-26" "story"
        002 "2025-11-26" "story"
        003 "2025-11-26" "story"
        004 "2025-11-26" "story"
        2022-02 [003] Trump is leading efforts to secure an agreement to end a war
        2022-02 [004] Tens of thousands of soldiers and thousands of civilians hav
        2025-01 [000] Another source familiar with the matter revealed that the US
        2025-10-14 [000 003] Bloomberg News reported that Witkoff said in an October 14 t
        2025-10-27 [000] Trump had previously demanded that Ukraine accept the ceasef
        2025-W47 [000] The US-proposed 28-point peace plan for Russia and Ukraine w
        2025-W47 [003] Details of a U.S.-backed peace plan that emerged last week a
        2025-W47 [003] Trump said last week Zelenskiy could either agree to the U.S
        2025-W47 [004] The meeting follows the release of a 28 point draft peace pl
        2025-W47 [004] The Kremlin has previously claimed it was not consulted on t
        2025-11-20 [000] Trump had previously demanded that Ukraine accept the ceasef
        2025-11-23 [000] The US and Ukraine held talks in Geneva on Sunday (23rd), an
        2025-11-24 [004] While American officials did not respond publicly to Moscow’
        2025-11-24 [004] On Monday, Zelensky said the “main problem” was Putin’s dema
        2025-W48 [003] He said that the Ukraine peace plan was not discussed at mee
        2025-11-25 [003 004] Ukrainian President Volodymyr Zelensky said on Tuesday he wa
        2025-11-25 [000] On Tuesday (November 25), while traveling aboard Air Force O
        2025-11-25 [000] However, speaking to the Voluntary Coalition via video confe
        2025-11-25 [001] Speaking after a call between the so-called coalition of the
        2025-11-25 [001] On Tuesday night, Russia launched a series of strikes on Zap
        2025-11-25 [001] The night before, powerful explosions rocked Kyiv beginning 
        2025-11-25 [001] Ukrainian negotiator Rustem Umerov said Tuesday there was “c
        2025-11-25 [004] On Tuesday, Trump said he had instructed Witkoff to meet the
        2025-11-25 [004] As of Tuesday morning, he said Russia had not received the u
        2025-11-25 [004] On Tuesday, Bloomberg published what it said was a transcrip
        2025-11-26 [000 004] The visit was confirmed on Wednesday by Vladimir Putin’s for
        2025-11-27 [000 001] Trump had previously demanded that Ukraine accept the ceasef
        2025-11-27 [002] Officials in Kyiv have also been seeking a direct meeting wi
        2025-W49 [000 001 002 003 004] Trump said that Witkov and Kushner will travel to Moscow nex
        2025-W49 [003] “As for Witkoff, I can say that a preliminary agreement has "#]]
    .assert_eq(&lines.join("\n"));
}
