//! Per-article annotators, each writing its own layer of spans over the immutable cleaned text.
//!
//! Layers so far: tokens, sentences, named entities and the roles attached to person names.

pub mod ner;
pub mod numbers;
mod roles;
mod sentences;
mod tokens;
mod words;

pub use ner::{Entity, EntityKind, Tagger};
pub use roles::{is_name_title, is_role_head, office, people_after_roles, roles, Role};
pub use sentences::sentences;
pub use tokens::{tokenize, tokens_within, Token, TokenKind};
pub use words::{is_function_word, is_title_abbreviation, joins_two_names};

/// Every layer of one text, computed in order: tokens, sentences, entities, roles.
#[derive(Debug, Clone)]
pub struct Layers {
    pub tokens: Vec<Token>,
    pub sentences: Vec<model::Span>,
    pub entities: Vec<Entity>,
    pub roles: Vec<Role>,
}

/// Annotates `text` with the committed entity model.
pub fn annotate(text: &str) -> Layers {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    let entities = Tagger::builtin().entities(text, &tokens, &sentences);
    let entities = people_after_roles(text, &tokens, &entities);
    let roles = roles(text, &tokens, &entities);
    Layers {
        tokens,
        sentences,
        entities,
        roles,
    }
}

#[cfg(test)]
mod tests;
