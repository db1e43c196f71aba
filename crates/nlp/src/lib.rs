//! Per-article annotators, each writing its own layer of spans over the immutable cleaned text.
//!
//! Layers so far: tokens and sentences.

mod sentences;
mod tokens;

pub use sentences::sentences;
pub use tokens::{tokenize, Token, TokenKind};

#[cfg(test)]
mod tests;
