//! Finding the files of an evaluation set: every file under a path whose name passes a test.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// `path` itself when it is a file that passes, else every passing file below it, in path order.
pub fn files_where(path: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<PathBuf>> {
    let passes = |p: &Path| p.file_name().is_some_and(|n| keep(&n.to_string_lossy()));
    if !path.is_dir() {
        return Ok(if passes(path) {
            vec![path.to_path_buf()]
        } else {
            Vec::new()
        });
    }
    let mut files = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if passes(&p) {
                files.push(p);
            }
        }
    }
    files.sort();
    Ok(files)
}
