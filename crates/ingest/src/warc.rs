//! A streaming WARC reader (gzipped or not): every `response` record with an HTML payload becomes
//! an article. Memory is bounded by one record; a truncated or corrupt file ends the stream with a
//! problem after everything before the damage has been read.

use crate::{html, human_size, Meta, Problem, Severity};
use model::{Article, Format};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};

/// One WARC record: its headers and its content block.
#[derive(Debug)]
pub struct WarcRecord {
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl WarcRecord {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

const MAX_HEADER_LINE: u64 = 64 * 1024;

/// Reads WARC records one at a time from any reader, gunzipping when the data is gzip.
pub struct WarcReader<'a> {
    path: String,
    inner: Box<dyn BufRead + 'a>,
    max_record: u64,
    records: usize,
    done: bool,
    pending: VecDeque<Result<Article, Problem>>,
}

impl<'a> WarcReader<'a> {
    pub fn new<R: Read + 'a>(path: &str, reader: R, max_record: u64) -> WarcReader<'a> {
        let mut buffered = BufReader::with_capacity(64 * 1024, reader);
        let gz = matches!(buffered.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
        let inner: Box<dyn BufRead + 'a> = if gz {
            Box::new(BufReader::with_capacity(
                64 * 1024,
                flate2::bufread::MultiGzDecoder::new(buffered),
            ))
        } else {
            Box::new(buffered)
        };
        WarcReader {
            path: path.to_string(),
            inner,
            max_record,
            records: 0,
            done: false,
            pending: VecDeque::new(),
        }
    }

    fn problem(&mut self, severity: Severity, msg: String) -> Problem {
        Problem {
            path: self.path.clone(),
            location: Some(format!("record {}", self.records)),
            severity,
            message: msg,
        }
    }

    fn fail(&mut self, msg: String) -> Option<Result<WarcRecord, Problem>> {
        self.done = true;
        Some(Err(self.problem(Severity::Error, msg)))
    }

    fn read_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        buf.clear();
        (&mut self.inner)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', buf)
    }

    /// The next record, or a problem that ends the stream, or `None` at the end.
    pub fn next_record(&mut self) -> Option<Result<WarcRecord, Problem>> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        // Skip the blank lines between records.
        loop {
            match self.read_line(&mut line) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => break,
                Err(e) => return self.fail(read_error(e, self.records)),
            }
        }
        self.records += 1;
        if !line.starts_with(b"WARC/") {
            return self.fail("not a WARC record (no 'WARC/' version line)".to_string());
        }
        let mut headers = Vec::new();
        loop {
            match self.read_line(&mut line) {
                Ok(0) => return self.fail("truncated WARC record: headers end early".to_string()),
                Ok(_) => {
                    let l = String::from_utf8_lossy(&line);
                    let l = l.trim_end();
                    if l.is_empty() {
                        break;
                    }
                    if let Some((k, v)) = l.split_once(':') {
                        headers.push((k.trim().to_string(), v.trim().to_string()));
                    }
                }
                Err(e) => return self.fail(read_error(e, self.records - 1)),
            }
        }
        let record = WarcRecord {
            headers,
            block: Vec::new(),
        };
        let Some(len) = record
            .header("Content-Length")
            .and_then(|v| v.parse::<u64>().ok())
        else {
            return self.fail("WARC record without a valid Content-Length".to_string());
        };
        if len > self.max_record {
            match std::io::copy(&mut (&mut self.inner).take(len), &mut std::io::sink()) {
                Ok(n) if n == len => {
                    let msg = format!(
                        "record of {} skipped, over the {} record limit",
                        human_size(len),
                        human_size(self.max_record)
                    );
                    return Some(Err(self.problem(Severity::Warning, msg)));
                }
                Ok(_) => return self.fail("truncated WARC record".to_string()),
                Err(e) => return self.fail(read_error(e, self.records - 1)),
            }
        }
        let mut block = Vec::with_capacity(len as usize);
        match (&mut self.inner).take(len).read_to_end(&mut block) {
            Ok(n) if n as u64 == len => Some(Ok(WarcRecord { block, ..record })),
            Ok(n) => self.fail(format!(
                "truncated WARC record: {n} of {len} content bytes present"
            )),
            Err(e) => self.fail(read_error(e, self.records - 1)),
        }
    }

    /// The next article (or problem) from the HTML responses in the file.
    pub fn next_article(&mut self) -> Option<Result<Article, Problem>> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            let record = match self.next_record()? {
                Ok(r) => r,
                Err(p) => return Some(Err(p)),
            };
            let kind = record
                .header("WARC-Type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let uri = record
                .header("WARC-Target-URI")
                .map(|u| u.trim_matches(['<', '>']).to_string());
            let body = match kind.as_str() {
                "response" => match http_html_body(&record.block, self.max_record) {
                    Ok(Some(body)) => body,
                    Ok(None) => continue,
                    Err(msg) => {
                        let p = self.problem(Severity::Warning, msg);
                        return Some(Err(p));
                    }
                },
                "resource"
                    if record
                        .header("Content-Type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("html")) =>
                {
                    record.block
                }
                _ => continue,
            };
            let location = Some(match &uri {
                Some(u) => format!("record {} ({u})", self.records),
                None => format!("record {}", self.records),
            });
            let given = Meta {
                url: uri,
                ..Meta::default()
            };
            let got = html::read_page(&self.path, &body, location, Format::Warc, given);
            self.pending.extend(got.articles.into_iter().map(Ok));
            // A page without article text is normal in a crawl: a warning, not a read failure.
            self.pending.extend(got.problems.into_iter().map(|mut p| {
                p.severity = Severity::Warning;
                Err(p)
            }));
        }
    }
}

fn read_error(e: std::io::Error, records: usize) -> String {
    format!("truncated or corrupt data after {records} complete records: {e}")
}

/// The HTML body of an HTTP response block, or `None` when it is not a successful HTML response.
fn http_html_body(block: &[u8], limit: u64) -> Result<Option<Vec<u8>>, String> {
    let Some(split) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, 2)))
    else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(&block[..split.0]);
    let body = &block[split.0 + split.1..];
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Ok(None);
    }
    if status.split_whitespace().nth(1) != Some("200") {
        return Ok(None);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(v),
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = Some(v),
                _ => {}
            }
        }
    }
    if content_type.as_deref().is_some_and(|t| !t.contains("html")) {
        return Ok(None);
    }
    let body = if chunked {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    match encoding.as_deref() {
        None | Some("identity") | Some("") => Ok(Some(body)),
        Some("gzip") | Some("x-gzip") => {
            decompress(flate2::read::MultiGzDecoder::new(&body[..]), limit)
        }
        Some("deflate") => decompress(flate2::read::ZlibDecoder::new(&body[..]), limit),
        Some(other) => Err(format!("HTTP content encoding '{other}' is not supported")),
    }
}

fn decompress(r: impl Read, limit: u64) -> Result<Option<Vec<u8>>, String> {
    let mut out = Vec::new();
    r.take(limit)
        .read_to_end(&mut out)
        .map_err(|e| format!("broken compressed HTTP body: {e}"))?;
    Ok(Some(out))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = memchr::memchr(b'\n', data)?;
        let size_line = std::str::from_utf8(&data[..nl]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        data = &data[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))?;
    }
}
