// scratch: why is text missing? prints ancestors of the node containing a needle
use std::io::Read;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&a[1]).unwrap())
        .read_to_end(&mut out)
        .unwrap();
    let html = extract::decode(&out).into_owned();
    for l in extract::explain(&html, &a[2]) {
        println!("{l}");
    }
    let e = extract::extract(&html);
    println!(
        "EXTRACTED {} chars: {}",
        e.text.len(),
        e.text.chars().take(200).collect::<String>()
    );
    let dom = extract::dom::parse(&html);
    if a.len() > 3 {
        outline(&dom, 0, 0, a[3].parse().unwrap());
    }
    for (i, n) in dom.nodes.iter().enumerate() {
        if n.tag.is_empty() && n.text.contains(a[2].as_str()) {
            let mut id = i as u32;
            let mut chain = vec![];
            while id != 0 {
                let m = &dom.nodes[id as usize];
                chain.push(format!(
                    "<{} {:?} {:?}>",
                    m.tag,
                    m.class_id,
                    m.attrs
                        .iter()
                        .filter(|(k, _)| &**k == "style" || &**k == "role" || &**k == "hidden")
                        .collect::<Vec<_>>()
                ));
                id = m.parent;
            }
            chain.reverse();
            for c in chain {
                println!("{c}");
            }
            break;
        }
    }
}
#[allow(dead_code)]
fn _x() {}
#[allow(dead_code)]
pub fn outline(dom: &extract::dom::Dom, id: u32, depth: usize, max: usize) {
    if depth > max {
        return;
    }
    let n = &dom.nodes[id as usize];
    if !n.tag.is_empty() {
        println!(
            "{}<{} {:?}> children={}",
            "  ".repeat(depth),
            n.tag,
            n.class_id.chars().take(40).collect::<String>(),
            n.children.len()
        );
    }
    for &c in &n.children {
        outline(dom, c, depth + 1, max);
    }
}
