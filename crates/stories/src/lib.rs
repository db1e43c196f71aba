//! Stories: articles grouped into stories incrementally, the copies and rewrites among a story's
//! articles (so that one newsroom's text counts once), and the story's entities merged across
//! its articles with suspicious variants flagged.

pub mod cluster;
pub mod copies;
pub mod entities;
pub mod terms;

pub use cluster::{
    blend, embedding_text, similarity, Clusterer, Item, DEFAULT_THRESHOLD,
    DEFAULT_THRESHOLD_EMBEDDED,
};
pub use copies::{independent_groups, Passage, PassageKind, Relation, RelationKind};
pub use entities::{Merged, RoleSeen};

/// One analysed article, as the story stage reads it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub text: &'a str,
    /// Publication day (days since 1970-01-01) when known.
    pub day: Option<i32>,
    pub layers: &'a nlp::Layers,
    pub credits: &'a [String],
    /// The article's sentence embedding, when a model is in use.
    pub embedding: Option<&'a [f32]>,
}

/// One story: its articles (indexes into the input) and what was found across them.
#[derive(Debug, Clone)]
pub struct Story {
    pub articles: Vec<usize>,
    pub headline: String,
    /// Pairs of articles that are not independent; `a` and `b` index the input.
    pub relations: Vec<Relation>,
    /// The story's articles grouped so that copies and rewrites share a group.
    pub independent_groups: Vec<Vec<usize>>,
    /// Entities merged across the story; mention articles index the input.
    pub entities: Vec<Merged>,
}

/// Groups `inputs` into stories (as one batch: the most alike articles are grouped first) and
/// analyses each story.
pub fn stories(inputs: &[Input], threshold: f32) -> Vec<Story> {
    let mut c = Clusterer::new(threshold);
    let items: Vec<Item> = inputs
        .iter()
        .map(|i| Item {
            title: i.title,
            text: i.text,
            day: i.day,
            embedding: i.embedding,
        })
        .collect();
    c.add_batch(&items);
    c.stories()
        .into_iter()
        .map(|members| story(inputs, members))
        .collect()
}

fn story(inputs: &[Input], members: Vec<usize>) -> Story {
    let views: Vec<copies::View> = members
        .iter()
        .map(|&i| copies::View {
            text: inputs[i].text,
            sentences: &inputs[i].layers.sentences,
            credits: inputs[i].credits,
        })
        .collect();
    let mut relations = copies::relations(&views);
    let groups = copies::independent_groups(members.len(), &relations);
    for r in &mut relations {
        r.a = members[r.a];
        r.b = members[r.b];
    }
    let sources: Vec<entities::Source> = members
        .iter()
        .map(|&i| entities::Source {
            id: inputs[i].id,
            text: inputs[i].text,
            layers: inputs[i].layers,
        })
        .collect();
    let mut merged = entities::merge(&sources);
    for m in &mut merged {
        for (a, _) in &mut m.mentions {
            *a = members[*a];
        }
        for a in &mut m.articles {
            *a = members[*a];
        }
        for r in &mut m.roles {
            r.article = members[r.article];
        }
    }
    let headline = members
        .iter()
        .find_map(|&i| inputs[i].title)
        .map(str::to_string)
        .unwrap_or_else(|| {
            let first = inputs[members[0]];
            let s = first
                .layers
                .sentences
                .first()
                .map_or("", |s| &first.text[s.range()]);
            s.chars().take(120).collect()
        })
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Story {
        independent_groups: groups
            .into_iter()
            .map(|g| g.into_iter().map(|i| members[i]).collect())
            .collect(),
        articles: members,
        headline,
        relations,
        entities: merged,
    }
}

#[cfg(test)]
mod tests;
