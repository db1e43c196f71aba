//! The HTML dossier in a real headless browser: the page renders, shows the conflicts, and
//! markup inside an article stays inert text.
//!
//! Needs Chromium. `scripts/test` (the README's test command) installs Debian's `chromium` and
//! sets `CORROBORATE_REQUIRE_BROWSER=1`, which turns a missing browser into a failure; a plain
//! `cargo test` without a browser skips these tests with a notice. `CORROBORATE_BROWSER` names
//! the browser binary when it is not on the `PATH`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CORROBORATE_BROWSER") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The browser, or `None` (after saying so) when it is missing and not required.
fn browser_or_skip() -> Option<PathBuf> {
    let found = browser();
    if found.is_none() {
        assert!(
            std::env::var("CORROBORATE_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "CORROBORATE_REQUIRE_BROWSER=1 but no chromium found (install Debian's chromium or set CORROBORATE_BROWSER)"
        );
        eprintln!("skipped: no chromium on PATH (scripts/test installs it)");
    }
    found
}

/// Runs headless Chromium on `page` with `extra` arguments, and returns its standard output.
fn chromium(bin: &Path, profile: &Path, page: &Path, extra: &[&str]) -> String {
    let url = format!("file://{}", page.display());
    // Standard output goes to a file: a page's DOM is larger than a pipe holds.
    let dump = profile.with_extension("out");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,2400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(&url)
        .stdout(std::fs::File::create(&dump).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if child
            .try_wait()
            .expect("chromium can be waited on")
            .is_some()
        {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    String::from_utf8_lossy(&std::fs::read(&dump).unwrap()).into_owned()
}

/// The reference reports plus two hostile articles on one small story of their own, whose
/// texts carry markup and script and whose counts disagree (so that the markup sits inside
/// conflict evidence too).
fn write_inputs(dir: &Path) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/witkoff-moscow");
    for e in std::fs::read_dir(&example).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    std::fs::write(
        dir.join("hostile-a.txt"),
        "title: Floods hit the river valley <script>document.body.setAttribute('data-pwned','title')</script>\n\n\
         Heavy rain flooded the river valley overnight. At least 12 people were injured in Dornbach <script>document.body.setAttribute('data-pwned','a')</script> when the old dam overflowed, rescue teams said.\n\n\
         The regional governor Lena Hartmann said: \"We are sending boats to every village.\" <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("hostile-b.txt"),
        "title: River valley floods after dam overflows\n\n\
         Heavy rain flooded the river valley overnight, and 40 people were injured in Dornbach when the old dam overflowed, rescue teams said. <b onmouseover=alert(1)>bold</b>\n\n\
         The regional governor Lena Hartmann said boats were on their way to every village. </div></details><script>document.body.setAttribute('data-pwned','b')</script>\n",
    )
    .unwrap();
}

#[test]
fn html_dossier_renders_its_conflicts_and_keeps_article_markup_inert() {
    let Some(bin) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_inputs(&inputs);
    let page = dir.path().join("dossier.html");
    let status = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args([
            "analyze",
            inputs.to_str().unwrap(),
            "--format",
            "html",
            "-o",
        ])
        .arg(&page)
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(status.success());

    // The DOM as the browser built it, after any script would have run.
    let profile = dir.path().join("profile");
    let dom = chromium(&bin, &profile, &page, &["--dump-dom"]);
    assert!(
        dom.contains("<h1>corroborate dossier</h1>"),
        "no page: {dom:.300}"
    );
    assert!(
        !dom.contains("data-pwned="),
        "a script or handler from an article ran"
    );
    // Only the page's own elements: no script, image or bold element came from an article.
    for tag in ["<script", "<img", "<b onmouseover"] {
        assert!(!dom.contains(tag), "{tag} became an element");
    }
    // The markup is shown as the text it is.
    assert!(
        dom.contains("&lt;script&gt;document.body.setAttribute('data-pwned','a')&lt;/script&gt;")
    );
    assert!(dom.contains("&lt;img src=x onerror="));

    // The conflicts come first in each story, with the evidence of both sides.
    let conflicts = dom.matches("class=\"card conflict\"").count();
    assert!(conflicts >= 7, "{conflicts} conflicts shown");
    for kind in [
        "k-name",
        "k-role",
        "k-date",
        "k-number",
        "k-certainty",
        "k-attribution",
    ] {
        assert!(dom.contains(kind), "no {kind} conflict");
    }
    for section in dom.split("<section class=\"story\"").skip(1) {
        let first_conflict = section.find("card conflict").unwrap_or(0);
        let facts = section.find("Facts reported by").expect("facts heading");
        assert!(first_conflict < facts, "conflicts come before facts");
    }
    // Both counts of the hostile story's casualties, side by side.
    let floods = dom
        .find("Floods hit the river valley")
        .expect("the flood story");
    let flood_part = &dom[floods..];
    assert!(flood_part.contains("at least 12") && flood_part.contains(">40<"));
    // The timeline is drawn.
    assert!(dom.contains("<svg") && dom.contains("<circle"));

    // And it paints: a screenshot of the page is a real picture.
    let shot = dir.path().join("shot.png");
    chromium(
        &bin,
        &profile,
        &page,
        &[&format!("--screenshot={}", shot.display())],
    );
    let png = std::fs::read(&shot).expect("chromium wrote a screenshot");
    assert!(png.starts_with(b"\x89PNG"));
    assert!(png.len() > 50_000, "screenshot of {} bytes", png.len());
}
