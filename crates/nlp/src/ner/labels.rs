//! Entity kinds and the BILOU labels the tagger predicts, with conversion to and from spans.

/// The CoNLL-2003 entity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Misc,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Misc,
    ];

    /// The CoNLL short name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn short(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    pub fn from_short(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.short() == s)
    }

    /// The kind a name takes from its votes (mentions per kind): the most voted, with ties
    /// going to `own`, the kind it already has.
    pub fn majority(votes: [usize; 4], own: EntityKind) -> EntityKind {
        let (best, &n) = votes
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (n, i == own as usize))
            .expect("four kinds");
        if n > votes[own as usize] {
            EntityKind::ALL[best]
        } else {
            own
        }
    }

    fn index(self) -> u8 {
        self as u8
    }
}

/// Position of a token in an entity: Begin, Inside, Last, Unit (one-token entity); or Outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    B,
    I,
    L,
    U,
}

/// One BILOU label, stored as a small integer: 0 is `O`, then four parts for each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Label(pub u8);

pub const N_LABELS: usize = 1 + 4 * 4;

impl Label {
    pub const O: Label = Label(0);

    pub fn new(kind: EntityKind, part: Part) -> Label {
        Label(1 + kind.index() * 4 + part as u8)
    }

    pub fn kind(self) -> Option<EntityKind> {
        (self.0 > 0).then(|| EntityKind::ALL[usize::from((self.0 - 1) / 4)])
    }

    pub fn part(self) -> Option<Part> {
        (self.0 > 0).then(|| [Part::B, Part::I, Part::L, Part::U][usize::from((self.0 - 1) % 4)])
    }

    /// Whether `self` may follow `prev` in a well-formed BILOU sequence.
    pub fn may_follow(self, prev: Label) -> bool {
        match (prev.part(), self.part()) {
            (Some(Part::B | Part::I), Some(Part::I | Part::L)) => prev.kind() == self.kind(),
            (Some(Part::B | Part::I), _) => false,
            (_, Some(Part::I | Part::L)) => false,
            _ => true,
        }
    }

    /// The IOB2 tag for this label: `B-PER`, `I-PER`, `O`.
    pub fn iob(self) -> String {
        match (self.kind(), self.part()) {
            (Some(k), Some(Part::B | Part::U)) => format!("B-{}", k.short()),
            (Some(k), _) => format!("I-{}", k.short()),
            _ => "O".to_string(),
        }
    }

    pub fn name(self) -> String {
        match (self.kind(), self.part()) {
            (Some(k), Some(p)) => format!("{p:?}-{}", k.short()),
            _ => "O".to_string(),
        }
    }
}

/// Token ranges `(start, end_exclusive, kind)` read leniently from BILOU labels: a run that is
/// not closed properly still ends where the next label no longer continues it.
pub fn spans(labels: &[Label]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, l) in labels.iter().enumerate() {
        let continues = matches!(l.part(), Some(Part::I | Part::L))
            && open.is_some_and(|(_, k)| Some(k) == l.kind());
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if let Some(k) = l.kind() {
                open = Some((i, k));
            }
        }
        if matches!(l.part(), Some(Part::L | Part::U)) {
            if let Some((s, k)) = open.take() {
                out.push((s, i + 1, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, labels.len(), k));
    }
    out
}

/// BILOU labels for `n` tokens holding the given token ranges.
pub fn from_spans(n: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<Label> {
    let mut out = vec![Label::O; n];
    for &(s, e, k) in spans {
        if e - s == 1 {
            out[s] = Label::new(k, Part::U);
        } else {
            out[s] = Label::new(k, Part::B);
            for l in &mut out[s + 1..e - 1] {
                *l = Label::new(k, Part::I);
            }
            out[e - 1] = Label::new(k, Part::L);
        }
    }
    out
}

/// Token ranges from CoNLL IOB1 or IOB2 tags, as `conlleval` reads them.
pub fn spans_from_iob<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut prev_kind = "";
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (tag, kind) = t.split_once('-').unwrap_or((t, ""));
        let starts = tag == "B" || (tag == "I" && (open.is_none() || kind != prev_kind));
        if tag == "O" || starts {
            if let Some((s, k)) = open.take() {
                out.extend(EntityKind::from_short(k).map(|k| (s, i, k)));
            }
        }
        if starts {
            open = Some((i, kind));
        }
        prev_kind = if tag == "O" { "" } else { kind };
    }
    if let Some((s, k)) = open {
        out.extend(EntityKind::from_short(k).map(|k| (s, tags.len(), k)));
    }
    out
}
