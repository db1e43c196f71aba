use std::io::Read;
fn main() {
    let dir = std::path::Path::new("../shared/data/zyte-aeb/html");
    let mut pages = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(std::fs::File::open(&p).unwrap()).read_to_end(&mut out).unwrap();
        pages.push(String::from_utf8_lossy(&out).into_owned());
    }
    let t = std::time::Instant::now();
    for p in &pages { let _ = dom_query::Document::from(p.as_str()); }
    println!("parse only: {:.1} pages/s", pages.len() as f64 / t.elapsed().as_secs_f64());
    for (name, o) in [
        ("precision", rs_trafilatura::Options { favor_precision: true, ..Default::default() }),
        ("no-fallback", rs_trafilatura::Options { use_fallback_extraction: false, ..Default::default() }),
        ("article-type", rs_trafilatura::Options { page_type: Some(rs_trafilatura::page_type::PageType::Article), ..Default::default() }),
    ] {
        let t = std::time::Instant::now();
        for p in &pages { let _ = rs_trafilatura::extract_with_options(p, &o); }
        println!("{name}: {:.1} pages/s", pages.len() as f64 / t.elapsed().as_secs_f64());
    }
}
