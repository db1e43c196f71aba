//! The trained tagger's parameters and word table, and their compact binary form.

use super::gazetteer::Gazetteer;
use super::labels::N_LABELS;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

/// Feature keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// What the tagger knows about a word from unlabelled text: its word classes at three
/// granularities, and how it is usually written (0 lower case, 1 capitalised, 2 capitals, 3 mixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordEntry {
    pub clusters: [u16; 3],
    pub case: u8,
}

#[derive(Debug, Clone, Default)]
pub struct WordTable {
    words: HashMap<String, WordEntry>,
}

impl WordTable {
    pub fn new(words: HashMap<String, WordEntry>) -> WordTable {
        WordTable { words }
    }
    pub fn get(&self, lower: &str) -> Option<&WordEntry> {
        self.words.get(lower)
    }
    pub fn len(&self) -> usize {
        self.words.len()
    }
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The tagger: a first pass, and a second pass that also sees what the first said about the
/// same words elsewhere in the document; with the word table and name list both passes use.
pub struct Model {
    pub(crate) first: Weights,
    pub(crate) second: Option<Weights>,
    pub(crate) table: WordTable,
    pub(crate) gazetteer: Gazetteer,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a corroborate entity model (bad header)")]
    BadHeader,
    #[error("entity model is truncated or corrupt: {0}")]
    Corrupt(String),
}

const MAGIC: &[u8; 8] = b"CORNER\x00\x04";

/// Weights of one averaged perceptron, as the tagger reads them: an open-addressing table from
/// feature key to its row of label scores, quantised to 16 bits with one scale (as the model file
/// stores them), the row beside its key so that a lookup reads one cache line. Tagging spends
/// most of its time here.
#[derive(Default)]
pub struct Weights {
    /// Power-of-two capacity minus one.
    mask: usize,
    slots: Vec<Slot>,
    scale: f32,
    len: usize,
}

#[derive(Clone, Copy)]
struct Slot {
    /// `EMPTY` where no key is stored.
    key: u64,
    row: [i16; N_LABELS],
}

const EMPTY: u64 = 0;

/// Keys are hashes already; the empty marker is moved out of their way.
fn stored(key: u64) -> u64 {
    if key == EMPTY {
        1
    } else {
        key
    }
}

impl Weights {
    fn with_capacity(n: usize, scale: f32) -> Weights {
        let capacity = (n * 2).max(16).next_power_of_two();
        let empty = Slot {
            key: EMPTY,
            row: [0; N_LABELS],
        };
        Weights {
            mask: capacity - 1,
            slots: vec![empty; capacity],
            scale,
            len: 0,
        }
    }

    fn slot_of(&self, key: u64) -> usize {
        (stored(key) >> 7) as usize & self.mask
    }

    fn insert(&mut self, key: u64, row: [i16; N_LABELS]) {
        let mut slot = self.slot_of(key);
        while self.slots[slot].key != EMPTY {
            slot = (slot + 1) & self.mask;
        }
        self.slots[slot] = Slot {
            key: stored(key),
            row,
        };
        self.len += 1;
    }

    /// Quantises trained rows (`N_LABELS` weights each, in `index` order) into the table.
    pub(crate) fn from_rows(index: &KeyMap<u32>, weights: &[f32]) -> Weights {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / f32::from(i16::MAX);
        let mut t = Weights::with_capacity(index.len(), scale);
        for (&key, &row) in index {
            let r = row as usize * N_LABELS;
            let mut q = [0i16; N_LABELS];
            for (q, w) in q.iter_mut().zip(&weights[r..r + N_LABELS]) {
                *q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            t.insert(key, q);
        }
        t
    }

    /// The label scores for a token with these features: its rows summed.
    pub(crate) fn scores(&self, features: &[u64], out: &mut [f32; N_LABELS]) {
        let mut sums = [0i32; N_LABELS];
        if !self.slots.is_empty() {
            for &f in features {
                let key = stored(f);
                let mut slot = self.slot_of(key);
                loop {
                    let here = &self.slots[slot];
                    if here.key == key {
                        for (s, &q) in sums.iter_mut().zip(&here.row) {
                            *s += i32::from(q);
                        }
                        break;
                    }
                    if here.key == EMPTY {
                        break;
                    }
                    slot = (slot + 1) & self.mask;
                }
            }
        }
        for (o, s) in out.iter_mut().zip(sums) {
            *o = s as f32 * self.scale;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The scale, then the keys in order, then their rows.
    fn write(&self, buf: &mut Vec<u8>) {
        let mut rows: Vec<&Slot> = self.slots.iter().filter(|s| s.key != EMPTY).collect();
        rows.sort_unstable_by_key(|s| s.key);
        buf.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        buf.extend_from_slice(&self.scale.to_le_bytes());
        for s in &rows {
            buf.extend_from_slice(&s.key.to_le_bytes());
        }
        for s in &rows {
            for q in s.row {
                buf.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let n = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
        let keys = r.take(n * 8)?;
        let raw = r.take(n * N_LABELS * 2)?;
        let mut t = Weights::with_capacity(n, scale);
        for (k, row) in keys.chunks_exact(8).zip(raw.chunks_exact(N_LABELS * 2)) {
            let mut q = [0i16; N_LABELS];
            for (q, c) in q.iter_mut().zip(row.chunks_exact(2)) {
                *q = i16::from_le_bytes([c[0], c[1]]);
            }
            t.insert(u64::from_le_bytes(k.try_into().expect("8 bytes")), q);
        }
        Ok(t)
    }
}

impl Model {
    pub fn features(&self) -> usize {
        self.first.len() + self.second.as_ref().map_or(0, Weights::len)
    }

    pub fn names(&self) -> usize {
        self.gazetteer.len()
    }

    pub fn places(&self) -> usize {
        self.gazetteer.places()
    }

    pub fn words(&self) -> usize {
        self.table.len()
    }

    /// The gzipped binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut buf = Vec::new();
        buf.extend_from_slice(MAGIC);
        self.first.write(&mut buf);
        match &self.second {
            Some(w) => {
                buf.push(1);
                w.write(&mut buf);
            }
            None => buf.push(0),
        }
        let mut words: Vec<(&String, &WordEntry)> = self.table.words.iter().collect();
        words.sort_by(|a, b| a.0.cmp(b.0));
        buf.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, e) in words {
            put_str(&mut buf, w);
            for c in e.clusters {
                buf.extend_from_slice(&c.to_le_bytes());
            }
            buf.push(e.case);
        }
        let mut names: Vec<(&String, &[u32; 4])> = self.gazetteer.names.iter().collect();
        names.sort();
        buf.extend_from_slice(&(names.len() as u32).to_le_bytes());
        for (n, c) in names {
            put_str(&mut buf, n);
            for &x in c {
                buf.extend_from_slice(&(x.min(u32::from(u16::MAX)) as u16).to_le_bytes());
            }
        }
        let mut places: Vec<&String> = self.gazetteer.places.iter().collect();
        places.sort();
        buf.extend_from_slice(&(places.len() as u32).to_le_bytes());
        for p in places {
            put_str(&mut buf, p);
        }
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into a Vec cannot fail.
        gz.write_all(&buf).expect("in-memory write");
        gz.finish().expect("in-memory write")
    }

    pub fn from_bytes(gz: &[u8]) -> Result<Model, ModelError> {
        let mut buf = Vec::new();
        GzDecoder::new(gz)
            .read_to_end(&mut buf)
            .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        if !buf.starts_with(MAGIC) {
            return Err(ModelError::BadHeader);
        }
        let mut r = Reader {
            buf: &buf,
            at: MAGIC.len(),
        };
        let first = Weights::read(&mut r)?;
        let second = match r.take(1)?[0] {
            0 => None,
            _ => Some(Weights::read(&mut r)?),
        };
        let n_words = r.u32()? as usize;
        let mut words = HashMap::with_capacity(n_words);
        for _ in 0..n_words {
            let w = r.str("word table")?;
            let mut clusters = [0u16; 3];
            for c in &mut clusters {
                *c = r.u16()?;
            }
            let case = r.take(1)?[0];
            words.insert(w, WordEntry { clusters, case });
        }
        let n_names = r.u32()? as usize;
        let mut names = HashMap::with_capacity(n_names);
        for _ in 0..n_names {
            let n = r.str("name list")?;
            let mut c = [0u32; 4];
            for x in &mut c {
                *x = u32::from(r.u16()?);
            }
            names.insert(n, c);
        }
        let n_places = r.u32()? as usize;
        let mut places = Vec::with_capacity(n_places);
        for _ in 0..n_places {
            places.push(r.str("place list")?);
        }
        Ok(Model {
            first,
            second,
            table: WordTable { words },
            gazetteer: Gazetteer::new(names).with_places(places),
        })
    }
}

/// A string of at most 255 bytes, after its length.
fn put_str(buf: &mut Vec<u8>, s: &str) {
    let mut end = s.len().min(255);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    buf.push(end as u8);
    buf.extend_from_slice(&s.as_bytes()[..end]);
}

struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .buf
            .get(self.at..self.at + n)
            .ok_or_else(|| ModelError::Corrupt(format!("ends at byte {}", self.buf.len())))?;
        self.at += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    /// A string written by [`put_str`]; `what` names the part of the file for the error.
    fn str(&mut self, what: &str) -> Result<String, ModelError> {
        let len = self.take(1)?[0] as usize;
        std::str::from_utf8(self.take(len)?)
            .map(str::to_string)
            .map_err(|_| ModelError::Corrupt(format!("{what} is not UTF-8")))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}
