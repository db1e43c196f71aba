//! Byte spans into an article's immutable cleaned text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into one article's cleaned text.
///
/// `start <= end` always holds: the constructor checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Builds a span. Panics if `start > end` or an offset exceeds `u32::MAX`: both are caller bugs.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        let start = u32::try_from(start).expect("span offset fits in u32");
        let end = u32::try_from(end).expect("span offset fits in u32");
        Span { start, end }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The text this span covers, or `None` if it does not fall on char boundaries of `text`.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn slices_text_on_char_boundaries_only() {
        let text = "Kyiv’s mayor";
        assert_eq!(Span::new(0, 4).slice(text), Some("Kyiv"));
        // The curly apostrophe is three bytes; a span ending inside it is refused.
        assert_eq!(Span::new(0, 5).slice(text), None);
        assert!(Span::new(0, 12).contains(Span::new(4, 7)));
    }

    #[test]
    fn overlapping_spans_share_a_byte() {
        assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn refuses_reversed_spans() {
        Span::new(5, 4);
    }
}
