use crate::{quote_groups, Article};
use expect_test::{expect, Expect};

/// Annotates `texts` (ids `a0`, `a1`, ...) with every layer the dossier reads, groups them
/// into stories at `threshold`, and renders each story with `render`.
fn with_stories(
    texts: &[&str],
    threshold: f32,
    mut render: impl FnMut(&stories::Story, &[Article], &mut String),
) -> String {
    let layers: Vec<nlp::Layers> = texts.iter().map(|t| nlp::annotate(t)).collect();
    let quotes: Vec<Vec<quotes::Quote>> = texts
        .iter()
        .zip(&layers)
        .map(|(t, l)| quotes::quotes(t, l))
        .collect();
    let numbers: Vec<Vec<quantities::Quantity>> = texts
        .iter()
        .zip(&layers)
        .map(|(t, l)| quantities::quantities(t, l, &[]))
        .collect();
    // Every text is read as published on Wednesday 2025-11-26.
    let anchor = chrono::NaiveDate::from_ymd_opt(2025, 11, 26);
    let times: Vec<Vec<temporal::Timex>> = texts
        .iter()
        .zip(&layers)
        .map(|(t, l)| temporal::timexes(t, &l.tokens, &l.sentences, anchor))
        .collect();
    let calendar: Vec<Vec<temporal::CalendarNote>> = texts
        .iter()
        .zip(&times)
        .map(|(t, x)| temporal::calendar_checks(t, x, anchor))
        .collect();
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("a{i}")).collect();
    let inputs: Vec<stories::Input> = (0..texts.len())
        .map(|i| stories::Input {
            id: &ids[i],
            title: None,
            text: texts[i],
            day: None,
            layers: &layers[i],
            credits: &[],
            embedding: None,
        })
        .collect();
    let articles: Vec<Article> = (0..texts.len())
        .map(|i| Article {
            text: texts[i],
            layers: &layers[i],
            quotes: &quotes[i],
            quantities: &numbers[i],
            calendar: &calendar[i],
            times: &times[i],
        })
        .collect();
    let mut out = String::new();
    for story in stories::stories(&inputs, threshold) {
        render(&story, &articles, &mut out);
    }
    out
}

/// Renders each speaker's remark groups: the speaker, then each rendering with its article.
fn check(texts: &[&str], expect: Expect) {
    let out = with_stories(texts, stories::DEFAULT_THRESHOLD, |story, articles, out| {
        for g in quote_groups(story, articles) {
            let mark = if g.verbatim { " (verbatim)" } else { "" };
            out.push_str(&format!("{}{mark}\n", g.speaker));
            for v in &g.variants {
                let said: Vec<&str> = v
                    .parts
                    .iter()
                    .map(|s| &texts[v.article][s.range()])
                    .collect();
                out.push_str(&format!("  a{}: {}\n", v.article, said.join(" … ")));
            }
            for f in &g.flags {
                out.push_str(&format!("  ! {f}\n"));
            }
        }
    });
    expect.assert_eq(&out);
}

#[test]
fn one_remark_in_two_wordings_and_a_verbatim_one() {
    check(
        &[
            "Asked by reporters whether a peace deal was close, Kremlin spokesman Dmitry Peskov said: “It is too early to say.” Peskov also said the talks in Moscow would be “useful”. Minister Anna Berg said: “We are ready.”",
            "Asked by reporters whether a peace agreement was imminent, Kremlin spokesman Dmitry Peskov said: “Wait, it is premature to say that yet.” The talks in Moscow went on. Minister Anna Berg said: “We are ready.”",
        ],
        expect![[r#"
            Dmitry Peskov
              a0: “It is too early to say.”
              a1: “Wait, it is premature to say that yet.”
              ! worded differently inside quotation marks by different outlets
            Anna Berg (verbatim)
              a0: “We are ready.”
              a1: “We are ready.”
            Dmitry Peskov
              a0: the talks in Moscow would be “useful”
        "#]],
    );
}

#[test]
fn a_paraphrase_and_a_turn_of_phrase_are_one_remark_each() {
    // Different settings, so only the words said can join them: "will" / "willingness" with
    // two more words in common, and "blueprint", which only the minister's quotes use. Her
    // remark about prices shares one word with the first and stays apart.
    check(
        &[
            "The storm season opened on Monday. Minister Anna Berg warned that there was “clearly no Dutch willingness” for a truce on fishing quotas. Berg said of the draft: “That is only a blueprint.” Berg said the harvest was late.",
            "Fishing boats stayed in port all week as talks stalled in Brussels and the fleet waited. Anna Berg said she saw “no Dutch will for a truce”. Later she added: “it was never a plan, only a blueprint”. Berg also said the truce on bread prices was working well.",
        ],
        expect![[r#"
            Anna Berg
              a0: that there was “clearly no Dutch willingness” for a truce on fishing quotas
              a1: she saw “no Dutch will for a truce”
              ! worded differently inside quotation marks by different outlets
            Anna Berg
              a0: “That is only a blueprint.”
              a1: “it was never a plan, only a blueprint”
              ! worded differently inside quotation marks by different outlets
            Anna Berg
              a0: the harvest was late
            Anna Berg
              a1: the truce on bread prices was working well
        "#]],
    );
}

/// Renders the conflicts of the story the texts make: kind, subject, and each side's value
/// with its articles.
fn check_conflicts(texts: &[&str], expect: Expect) {
    let out = with_stories(texts, 0.05, |story, articles, out| {
        let timeline = crate::timeline::timeline(story, articles);
        for c in crate::conflicts::conflicts(story, articles, &timeline) {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|s| format!("{} {:?}", s.value, s.articles))
                .collect();
            out.push_str(&format!(
                "{} / {}: {}\n",
                c.kind.as_str(),
                c.about,
                sides.join(" vs ")
            ));
        }
    });
    expect.assert_eq(&out);
}

#[test]
fn counts_conflict_only_for_one_event_in_one_place() {
    check_conflicts(
        &[
            "Russian drones struck Kharkiv overnight. At least seven people were injured in Kharkiv, and two people were killed in Odesa.",
            "Russian drones struck Kharkiv overnight, and 18 people were wounded in Kharkiv. Five people were killed in Kyiv.",
            "Russian drones struck Kharkiv overnight; some 19 people were hurt in Kharkiv, officials said.",
        ],
        expect![[r#"
            number / wounded in Kharkiv: at least 7 [0] vs 18 [1] vs about 19 [2]
        "#]],
    );
}

#[test]
fn a_former_title_against_a_sitting_one() {
    // One outlet's "former" for what the president does now, against two that give the office
    // as current, is flagged; one against one is not (a past-tense mention of an old office
    // reads the same), nor a "former" in an account of the past against titles right for
    // that time ("when he fired the ... director"), nor a title inside someone's quote.
    check_conflicts(
        &[
            "Former U.S. President Donald Trump has arrived in Geneva for the trade talks with the European envoy. He recalled that he fired James Cole, the agency director, in May.",
            "U.S. President Donald Trump spoke in Geneva about the trade talks, and former President Joe Biden stayed home. The agency director James Cole was fired in May.",
            "U.S. President Donald Trump said in Geneva that the trade talks with the European envoy went well. “Director James Cole was loyal,” Biden said.",
            "The campaign chairman Paul Hart resigned over the Geneva trade talks with the European envoy. The fired agency director James Cole said nothing.",
            "The former campaign chairman Paul Hart spoke about the Geneva trade talks with the European envoy. The former agency director James Cole wrote a memo in May.",
        ],
        expect![[r#"
            role / Donald Trump: former president [0] vs president [1, 2]
        "#]],
    );
}

#[test]
fn will_travel_against_may_join() {
    check_conflicts(
        &[
            "The envoy Mark Hollis will travel to Vienna next week for the water talks, the ministry said.",
            "The ministry said the envoy Mark Hollis may join the water talks in Vienna next week.",
            "Mark Hollis is expected to attend the water talks in Vienna next week.",
        ],
        expect![[r#"
            certainty / Mark Hollis: Mark Hollis will go / take part [0] vs Mark Hollis may go / take part [1]
        "#]],
    );
}

#[test]
fn one_statement_credited_to_two_speakers() {
    // The same words credited to the minister by one outlet and to her office by another; a
    // short common phrase said by two people, an article quoting one through the other, and
    // one that credits only "they", are not conflicts.
    check_conflicts(
        &[
            "Finance Minister Clara Voss said on Monday: “The budget talks will resume after the harvest festival, not before.” Voss added: “We agree.”",
            "The Finance Ministry said the budget talks would resume “after the harvest festival, not before”. Union leader Tom Reed said: “We agree.”",
            "Tom Reed said Clara Voss told him the budget talks would resume after the harvest festival. Clara Voss said: “The budget talks will resume after the harvest festival.”",
            "The Farmers Union met Clara Voss on Monday. They said the budget talks would resume after the harvest festival, not before.",
        ],
        expect![[r#"
            attribution / “The budget talks will resume after the harvest festival, not before.”: Clara Voss [0, 2] vs Finance Ministry [1]
        "#]],
    );
}

#[test]
fn one_event_on_two_dates() {
    // Two outlets put the strike on different days; the third dates only its report of it
    // ("officials said on Monday"), which is no disagreement about the strike.
    check_conflicts(
        &[
            "A drone struck the grain terminal in the port of Izmail on Sunday night and damaged two silos.",
            "A drone struck the grain terminal in the port of Izmail on Monday night and damaged two silos.",
            "A drone struck the grain terminal in the port of Izmail and damaged two silos, officials said on Tuesday.",
        ],
        expect![[r#"
            date / A drone struck the grain terminal in the port of Izmail on Sunday night…: 2025-11-23 [0] vs 2025-11-24 [1]
        "#]],
    );
}

#[test]
fn facts_count_copies_once() {
    let out = with_stories(
        &[
            "Heavy floods hit the Danube valley near Vienna on Monday. Rescue teams evacuated 300 families from villages along the Danube river. The mayor of Vienna asked the army for help.",
            "Heavy floods hit the Danube valley near Vienna on Monday. Rescue teams evacuated 300 families from villages along the Danube river. Schools stayed closed.",
            "Rescue teams evacuated some 300 families from villages along the Danube river after floods near Vienna. The weather service expects more rain.",
        ],
        stories::DEFAULT_THRESHOLD,
        |story, articles, out| {
            for f in crate::facts::facts(story, articles) {
                out.push_str(&format!(
                    "{} of {:?}: {}\n",
                    f.independent_sources, f.articles, f.text
                ));
            }
        },
    );
    expect![[r#"
        2 of [0, 1, 2]: Rescue teams evacuated 300 families from villages along the Danube river.
        1 of [0, 1]: Heavy floods hit the Danube valley near Vienna on Monday.
    "#]]
    .assert_eq(&out);
}

#[test]
fn coverage_shows_what_one_outlet_alone_reports() {
    let out = with_stories(
        &[
            "Heavy floods hit the Danube valley near Vienna on Monday. Rescue teams evacuated 300 families from villages along the Danube river. The mayor of Vienna asked the Austrian army for help.",
            "Heavy floods hit the Danube valley near Vienna on Monday, officials said. Rescue teams evacuated 300 families from villages along the Danube river.",
            "Rescue teams evacuated some 300 families from villages along the Danube river after floods near Vienna. The weather service expects more rain.",
        ],
        stories::DEFAULT_THRESHOLD,
        |story, articles, out| {
            let facts = crate::facts::facts(story, articles);
            for c in crate::facts::coverage(story, articles, &facts) {
                let only: Vec<&str> = c.only.iter().map(|s| &articles[c.article].text[s.range()]).collect();
                out.push_str(&format!("a{} only {:?}, misses facts {:?}\n", c.article, only, c.missing));
            }
        },
    );
    expect![[r#"
        a0 only ["The mayor of Vienna asked the Austrian army for help."], misses facts []
        a1 only [], misses facts []
        a2 only [], misses facts []
    "#]]
    .assert_eq(&out);
}
