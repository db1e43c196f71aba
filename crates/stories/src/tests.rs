use crate::{stories, Input};
use expect_test::{expect, Expect};

struct Doc {
    id: &'static str,
    text: &'static str,
    layers: nlp::Layers,
}

fn docs(texts: &[(&'static str, &'static str)]) -> Vec<Doc> {
    texts
        .iter()
        .map(|(id, text)| Doc {
            id,
            text,
            layers: nlp::annotate(text),
        })
        .collect()
}

/// Renders the stories: members, independent groups, relations with their evidence, and people.
fn check(texts: &[(&'static str, &'static str)], expect: Expect) {
    let d = docs(texts);
    let inputs: Vec<Input> = d
        .iter()
        .map(|d| Input {
            id: d.id,
            title: None,
            text: d.text,
            day: None,
            layers: &d.layers,
            credits: &[],
            embedding: None,
        })
        .collect();
    let mut out = String::new();
    for s in stories(&inputs, crate::DEFAULT_THRESHOLD) {
        let ids = |v: &[usize]| v.iter().map(|&i| d[i].id).collect::<Vec<_>>().join(" ");
        out.push_str(&format!("story: {}\n", ids(&s.articles)));
        let groups: Vec<String> = s
            .independent_groups
            .iter()
            .map(|g| format!("[{}]", ids(g)))
            .collect();
        out.push_str(&format!("  groups: {}\n", groups.join(" ")));
        for r in &s.relations {
            let agency = r
                .agency
                .as_deref()
                .map_or(String::new(), |a| format!(" ({a})"));
            out.push_str(&format!(
                "  {} {} {}{agency}: {} passages\n",
                r.kind.as_str(),
                d[r.a].id,
                d[r.b].id,
                r.passages.len()
            ));
        }
        for e in s
            .entities
            .iter()
            .filter(|e| e.kind == nlp::EntityKind::Person)
        {
            out.push_str(&format!("  person {} = {}", e.name, e.aliases.join(" | ")));
            for f in &e.flags {
                out.push_str(&format!(" !{f}"));
            }
            out.push('\n');
        }
    }
    expect.assert_eq(&out);
}

const STORY_A: &str = "Kremlin spokesman Dmitry Peskov said on Tuesday that talks in Moscow would begin next week. The American envoy Steven Witkoff will fly to Moscow with a delegation. Peskov said the meeting with President Vladimir Putin was confirmed.";
const STORY_A_COPY: &str = "Kremlin spokesman Dmitry Peskov said on Tuesday that talks in Moscow would begin next week. The American envoy Steven Witkoff will fly to Moscow with a delegation. Officials gave no further details.";
const STORY_A_OTHER: &str = "Envoy Steven Witkov is expected in Moscow next week for talks with Vladimir Putin, the Kremlin said, as Dmitry Peskov confirmed the meeting in Moscow.";
const STORY_B: &str = "Heavy rain flooded the river valley in northern Italy, and rescuers in Bologna evacuated hundreds of families from their homes as water levels rose overnight.";

#[test]
fn groups_stories_and_finds_copies_with_their_passages() {
    check(
        &[
            ("a1", STORY_A),
            ("b1", STORY_B),
            ("a2", STORY_A_COPY),
            ("a3", STORY_A_OTHER),
        ],
        expect![[r#"
            story: a1 a2 a3
              groups: [a1 a2] [a3]
              copy a1 a2: 2 passages
              person Dmitry Peskov = Dmitry Peskov | Peskov
              person Steven Witkoff = Steven Witkoff | Steven Witkov !surname spelled "Witkov" only in a3; the others write "Witkoff"
              person Vladimir Putin = Vladimir Putin
            story: b1
              groups: [b1]
        "#]],
    );
}

#[test]
fn clustering_is_incremental() {
    let d = docs(&[("a1", STORY_A), ("b1", STORY_B), ("a3", STORY_A_OTHER)]);
    let mut c = crate::Clusterer::default();
    let first: Vec<usize> = d[..2]
        .iter()
        .map(|d| {
            c.add(crate::Item {
                title: None,
                text: d.text,
                day: None,
                embedding: None,
            })
        })
        .collect();
    let later = c.add(crate::Item {
        title: None,
        text: d[2].text,
        day: None,
        embedding: None,
    });
    // The earlier stories keep their ids and members; the new article joins the first story.
    assert_eq!(first, vec![0, 1]);
    assert_eq!(later, 0);
    assert_eq!(c.stories(), vec![vec![0, 2], vec![1]]);
}

const STORY_B_OTHER: &str = "Rescuers evacuated more families in Bologna on Sunday as the flooded river in northern Italy kept rising after heavy rain.";

fn item(text: &str) -> crate::Item<'_> {
    crate::Item {
        title: None,
        text,
        day: None,
        embedding: None,
    }
}

#[test]
fn later_batches_join_stories_that_never_merge() {
    let mut c = crate::Clusterer::default();
    assert_eq!(c.add_batch(&[item(STORY_A), item(STORY_B)]), vec![0, 1]);
    // An article that reports both joins one of them; the two stories stay apart.
    let both = format!("{STORY_B_OTHER} {STORY_A_OTHER}");
    let later = c.add_batch(&[item(STORY_B_OTHER), item(&both), item(STORY_A_OTHER)]);
    assert_eq!(later[0], 1);
    assert_eq!(later[2], 0);
    assert!(later[1] < 2, "{later:?}");
    assert_eq!(c.stories().len(), 2);
    assert_eq!(c.stories()[0][0], 0);
    assert_eq!(c.stories()[1][0], 1);
}

const FLOOD_RAIN: &str = "Heavy rain fell across northern Italy for a third day and the river burst its banks near Bologna.";
const FLOOD_RESCUE: &str = "Firefighters used boats to reach elderly residents trapped in their homes, the civil protection agency said.";
const FLOOD_BOTH: &str = "After a third day of heavy rain the river burst its banks near Bologna, and firefighters used boats to reach elderly residents trapped in their homes.";

#[test]
fn a_batch_groups_the_closest_articles_first() {
    let texts = [FLOOD_RAIN, FLOOD_RESCUE, STORY_A, FLOOD_BOTH];
    // One at a time, the first two reports share too little to be grouped, and the third
    // report of the flood, close to both, can join only one of them.
    let mut c = crate::Clusterer::default();
    let one_by_one: Vec<usize> = texts.iter().map(|t| c.add(item(t))).collect();
    // Together, the report close to both is grouped first with one, and the other joins them.
    let mut c = crate::Clusterer::default();
    let batch = c.add_batch(&texts.map(item));
    assert_eq!((one_by_one, batch), (vec![0, 1, 2, 0], vec![0, 0, 1, 0]));
}

#[test]
fn a_loosely_worded_report_joins_the_story_of_its_batch() {
    // Alone it is not alike enough to the two close reports on average, but among articles
    // given together it joins them rather than start a story; the unrelated report stays apart.
    let loose = "Residents were told to stay indoors as the swollen river kept rising.";
    let mut c = crate::Clusterer::default();
    let stories = c.add_batch(&[FLOOD_RAIN, FLOOD_BOTH, STORY_A, loose].map(item));
    assert_eq!(stories, vec![0, 0, 1, 0]);
    // One at a time, it starts a story of its own.
    let mut c = crate::Clusterer::default();
    let one_by_one: Vec<usize> = [FLOOD_RAIN, FLOOD_BOTH, STORY_A, loose]
        .iter()
        .map(|t| c.add(item(t)))
        .collect();
    assert_eq!(one_by_one, vec![0, 0, 1, 2]);
}

/// Story ids given to a report of story A and a loosely worded report, with sentence
/// embeddings `ea` and `eb`.
fn joined_with_embeddings(ea: &[f32], eb: &[f32]) -> Vec<usize> {
    let mut c = crate::Clusterer::new(crate::DEFAULT_THRESHOLD_EMBEDDED);
    let loose = "A visit to Moscow by the special representative was confirmed by officials.";
    [(STORY_A, ea), (loose, eb)]
        .into_iter()
        .map(|(text, e)| {
            c.add(crate::Item {
                title: None,
                text,
                day: None,
                embedding: Some(e),
            })
        })
        .collect()
}

#[test]
fn embeddings_join_reports_worded_differently_and_keep_unlike_ones_apart() {
    // Few shared words: the meaning (alike embeddings) decides, either way.
    assert_eq!(
        joined_with_embeddings(&[1.0, 0.0, 0.0], &[0.96, 0.28, 0.0]),
        vec![0, 0]
    );
    assert_eq!(
        joined_with_embeddings(&[1.0, 0.0, 0.0], &[0.0, 0.6, 0.8]),
        vec![0, 1]
    );
    // The same-story score blends both; without embeddings it is the terms alone.
    assert_eq!(crate::blend(0.5, None), 0.5);
    assert!(crate::blend(0.5, Some(1.0)) > crate::blend(0.5, Some(0.2)));
}

#[test]
fn people_sharing_a_first_name_or_surname_stay_apart() {
    check(
        &[
            ("x1", "Ivan Petrov and Ivan Sidorov met in Kyiv to discuss the grain deal. Petrov said the grain deal was close."),
            ("x2", "Ivan Petrov said the grain deal in Kyiv was close, while Ivan Sidorov disagreed about the grain deal."),
            ("y1", "Hillary Clinton and Bill Clinton attended the gala in New York. Hillary Clinton spoke about the gala."),
        ],
        expect![[r#"
            story: x1 x2
              groups: [x1] [x2]
              person Ivan Petrov = Ivan Petrov | Petrov
              person Ivan Sidorov = Ivan Sidorov
            story: y1
              groups: [y1]
              person Hillary Clinton = Hillary Clinton
              person Bill Clinton = Bill Clinton
        "#]],
    );
}

#[test]
fn a_family_member_named_beside_the_surname_is_another_person() {
    // "President Kemp and Marta Kemp": Marta is not a variant first name of Luis Kemp, and the
    // bare surname stays with him.
    check(
        &[
            ("k1", "President Kemp and Marta Kemp, the first lady, visited the flooded town of Arles on Monday. Kemp promised aid for the flooded town."),
            ("k2", "President Luis Kemp visited the flooded town of Arles on Monday and promised aid to the flooded town."),
            ("k3", "Luis Kemp promised aid to the flooded town of Arles after visiting on Monday."),
        ],
        expect![[r#"
            story: k1 k2 k3
              groups: [k1] [k2] [k3]
              person Luis Kemp = Luis Kemp | Kemp
              person Marta Kemp = Marta Kemp
        "#]],
    );
}

#[test]
fn a_different_first_name_is_a_variant_only_with_the_same_office_or_a_close_spelling() {
    // One outlet's "Paul Brandt" against two outlets' "envoy Mark Brandt" without an office is
    // someone else; "envoy Joshua Kessler" against "envoy Tom Kessler" twice is a variant to
    // flag, and so is "Katharine Moll" against "Katherine Moll". "Prince William" and "Dr
    // Rowan Williams" in one article are two people.
    check(
        &[
            ("v1", "The envoy Mark Brandt and the envoy Tom Kessler met Katherine Moll in Oslo to discuss the fishing accord. Prince William and Dr Rowan Williams attended the fishing accord talks."),
            ("v2", "The envoy Mark Brandt and the envoy Tom Kessler said in Oslo that Katherine Moll backed the fishing accord with William."),
            ("v3", "Paul Brandt and the envoy Joshua Kessler told Katharine Moll in Oslo that the fishing accord was close."),
        ],
        expect![[r#"
            story: v1 v2 v3
              groups: [v1] [v2] [v3]
              person Tom Kessler = Tom Kessler | Joshua Kessler !first name differs: "Tom" in v1, v2 vs "Joshua" in v3
              person Katherine Moll = Katherine Moll | Katharine Moll !first name differs: "Katherine" in v1, v2 vs "Katharine" in v3
              person Mark Brandt = Mark Brandt
              person William = William
              person Paul Brandt = Paul Brandt
              person Dr Rowan Williams = Dr Rowan Williams
        "#]],
    );
}

#[test]
fn wire_copies_of_one_agency_are_one_source() {
    check(
        &[
            ("w1", "An official told AFP the plan for the Danube bridge was nearly ready. Engineers in Vienna inspected the Danube bridge on Monday."),
            ("w2", "Engineers inspected the Danube bridge in Vienna, and AFP reporters saw cracks in the Danube bridge pillars near the river bank."),
            ("w3", "The Danube bridge in Vienna will close for repairs, the city engineers said after inspecting the Danube bridge."),
        ],
        expect![[r#"
            story: w1 w2 w3
              groups: [w1 w2] [w3]
              same agency w1 w2 (afp): 0 passages
        "#]],
    );
}

#[test]
fn a_short_form_of_a_first_name_is_not_flagged() {
    check(
        &[
            ("n1", "Rick Gates met the prosecutors in Washington about the campaign finance inquiry."),
            ("n2", "Richard Gates met the prosecutors in Washington about the campaign finance inquiry again."),
            ("n3", "Steve Gates and Richard Gates met the prosecutors in Washington about the campaign finance inquiry."),
        ],
        expect![[r#"
            story: n1 n2 n3
              groups: [n1] [n2] [n3]
              person Richard Gates = Richard Gates | Rick Gates
              person Steve Gates = Steve Gates
        "#]],
    );
}

#[test]
fn a_first_name_in_brackets_before_a_surname_is_that_persons() {
    check(
        &[
            ("q1", "Mayor Anna Kowalski opened the new bridge over the river in Gdansk on Friday."),
            ("q2", "“Much depends on Mayor (Anna) Kowalski,” he said of the new bridge over the river in Gdansk."),
        ],
        expect![[r#"
            story: q1 q2
              groups: [q1] [q2]
              person Anna Kowalski = Mayor Anna Kowalski | Anna Kowalski | Kowalski
        "#]],
    );
}

/// Merges hand-tagged articles: each text with the kind given to every capitalised word.
fn check_kinds(articles: &[(&str, &[nlp::EntityKind])], expect: Expect) {
    let layers: Vec<nlp::Layers> = articles
        .iter()
        .map(|(text, kinds)| {
            let mut l = nlp::annotate(text);
            l.entities = l
                .tokens
                .iter()
                .filter(|t| t.text(text).starts_with(char::is_uppercase) && t.span.start() > 0)
                .zip(kinds.iter())
                .map(|(t, &kind)| nlp::Entity { span: t.span, kind })
                .collect();
            l
        })
        .collect();
    let sources: Vec<crate::entities::Source> = articles
        .iter()
        .zip(&layers)
        .map(|((text, _), layers)| crate::entities::Source {
            id: "a",
            text,
            layers,
        })
        .collect();
    let out: Vec<String> = crate::entities::merge(&sources)
        .iter()
        .map(|e| format!("{:?} {} in {:?}", e.kind, e.name, e.articles))
        .collect();
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn a_name_tagged_differently_by_articles_is_one_entity_of_the_story_majority_kind() {
    use nlp::EntityKind::{Location as L, Organization as O};
    check_kinds(
        &[
            ("Drones struck Odesa overnight.", &[L]),
            ("Officials in Odesa said two people died.", &[L]),
            ("The strike on Odesa killed two.", &[O]),
        ],
        expect![[r#"Location Odesa in [0, 1, 2]"#]],
    );
}
