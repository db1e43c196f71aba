use crate::quotes;
use expect_test::{expect, Expect};

/// Renders `text` with each quote marked inline: direct content `«…»`, reported content `{…}`,
/// the cue `<…>`, the speaker `[…]` followed by `=Name` when it resolves to a name it does not
/// spell out and `=?` when it does not resolve; a quote with no speaker phrase ends `(=Name)`.
fn check(text: &str, expect: Expect) {
    let layers = nlp::annotate(text);
    let mut marks: Vec<(usize, bool, String)> = Vec::new();
    for q in quotes(text, &layers) {
        let (open, close) = if q.direct { ("«", "»") } else { ("{", "}") };
        for part in &q.content {
            marks.push((part.start(), true, open.into()));
            marks.push((part.end(), false, close.into()));
        }
        let resolved = q.resolved.map(|r| &text[r.span.range()]);
        if let Some(cue) = q.cue {
            marks.push((cue.start(), true, "<".into()));
            marks.push((cue.end(), false, ">".into()));
        }
        match q.speaker {
            Some(s) => {
                let said = &text[s.range()];
                let tail = match resolved {
                    Some(name) if !said.contains(name) => format!("={name}]"),
                    Some(_) => "]".into(),
                    None => "=?]".into(),
                };
                marks.push((s.start(), true, "[".into()));
                marks.push((s.end(), false, tail));
            }
            None => {
                let end = q.hull().end();
                marks.push((end, false, format!("(={})", resolved.unwrap_or("?"))));
            }
        }
    }
    // Closing marks before opening ones at the same place.
    marks.sort_by_key(|(at, opens, _)| (*at, *opens));
    let mut out = String::new();
    let mut at = 0;
    for (pos, _, mark) in marks {
        out.push_str(&text[at..pos]);
        out.push_str(&mark);
        at = pos;
    }
    out.push_str(&text[at..]);
    expect.assert_eq(&out);
}

#[test]
fn direct_quotes_before_and_after_the_attribution() {
    check(
        "“It is too early to say,” Kremlin spokesman Dmitry Peskov said on Tuesday.",
        expect![[
            r#"«“It is too early to say,”» [Kremlin spokesman Dmitry Peskov] <said> on Tuesday."#
        ]],
    );
    check(
        "Dmitry Peskov told reporters: \"We have nothing to add.\"",
        expect![[r#"[Dmitry Peskov] <told> reporters: «"We have nothing to add."»"#]],
    );
}

#[test]
fn inverted_attribution_with_a_role_after_the_name() {
    check(
        "“The meeting is planned,” said Yuri Ushakov, Putin's foreign policy aide.",
        expect![[
            r#"«“The meeting is planned,”» <said> [Yuri Ushakov], Putin's foreign policy aide."#
        ]],
    );
}

#[test]
fn a_quote_split_by_its_attribution() {
    check(
        "“We are ready,” the minister said, “to talk to anyone.”",
        expect![[r#"«“We are ready,”» [the minister=?] <said>, «“to talk to anyone.”»"#]],
    );
}

#[test]
fn reported_speech_with_and_without_that() {
    check(
        "Emmanuel Macron said that Europe must be at the table. Keir Starmer warned the plan could fail.",
        expect![[r#"[Emmanuel Macron] <said> {that Europe must be at the table}. [Keir Starmer] <warned> {the plan could fail}."#]],
    );
    check(
        "The talks failed, officials said on Friday.",
        expect!["{The talks failed}, [officials=?] <said> on Friday."],
    );
}

#[test]
fn a_clause_after_the_cue_is_the_content_and_a_second_statement_is_its_own() {
    check(
        "In Ohio, half of the voters said they were angry.",
        expect!["In Ohio, [half of the voters=?] <said> {they were angry}."],
    );
    check(
        "Marco Rubio spoke in Miami. He said his attacks on the front-runner had worked and said that the race was open.",
        expect!["Marco Rubio spoke in Miami. [[He=Marco Rubio]=Marco Rubio] <said> {his attacks on the front-runner had worked} and <said> {that the race was open}."],
    );
    check(
        "When asked about Jane Roe's remarks, John Doe said he had not heard them, but said he was not surprised.",
        expect!["When <asked> about {Jane Roe's remarks}(=?), [[John Doe]] <said> {he had not heard them}, but <said> {he was not surprised}."],
    );
}

#[test]
fn according_to_either_side_of_the_content() {
    check(
        "According to Bloomberg, the envoy met the president twice. The deal is close, according to two officials.",
        expect!["<According to> [Bloomberg], {the envoy met the president twice}. {The deal is close}, <according to> [two officials=?]."],
    );
}

#[test]
fn pronoun_speaker_two_sentences_after_the_name() {
    check(
        "Dmitry Peskov spoke to journalists in Moscow. The meeting lasted an hour. “Nothing is agreed yet,” he said.",
        expect![[r#"Dmitry Peskov spoke to journalists in Moscow. The meeting lasted an hour. «“Nothing is agreed yet,”» [he=Dmitry Peskov] <said>."#]],
    );
}

#[test]
fn role_nouns_and_organisations_as_speakers() {
    check(
        "Kremlin spokesman Dmitry Peskov arrived late. The spokesman said the visit was useful. The Kremlin said talks would resume, and Downing Street warned that time was short.",
        expect!["Kremlin spokesman Dmitry Peskov arrived late. [The spokesman=Dmitry Peskov] <said> {the visit was useful}. [The Kremlin] <said> {talks would resume}, and [Downing Street] <warned> {that time was short}."],
    );
}

#[test]
fn nested_quotes_and_paragraph_quotes() {
    check(
        "“He told me, ‘Stay home,’ and I did,” Smith said.\n\n“It was the right call.\n\n“I would do it again.”",
        expect![[r#"«“He told me, ‘Stay home,’ and I did,”» [Smith] <said>.

«“It was the right call.

“I would do it again.”»(=Smith)"#]],
    );
}

#[test]
fn scare_quotes_are_not_statements() {
    check(
        "The so-called \"peace plan\" was published on Monday.",
        expect![[r#"The so-called "peace plan" was published on Monday."#]],
    );
}

#[test]
fn participles_parentheticals_and_quotes_that_go_on() {
    check(
        "Senator Ted Cruz attacked the media on Monday, saying the coverage was unfair.",
        expect![
            "Senator [Ted Cruz] attacked the media on Monday, <saying> {the coverage was unfair}."
        ],
    );
    check(
        "The two nations, Xi Jinping said, now have a golden opportunity.",
        expect!["{The two nations}, [Xi Jinping] <said>, {now have a golden opportunity}."],
    );
    check(
        "“That would cost more,” Mayor Anne Hidalgo said. “Let us not create another layer.”",
        expect!["«“That would cost more,”» [Mayor Anne Hidalgo] <said>. «“Let us not create another layer.”»"],
    );
}

#[test]
fn nouns_that_look_like_cues_and_two_speakers_in_one_sentence() {
    check("The talks went on. European leaders, however, expressed caution. French President Emmanuel Macron said he saw “no Russian will for a ceasefire”, while Downing Street warned there was “a long way to go – a tough road ahead”.", expect!["The talks went on. European leaders, however, expressed caution. [French President Emmanuel Macron] <said> {he saw “no Russian will for a ceasefire”}, while [Downing Street] <warned> {there was “a long way to go – a tough road ahead”}."]);
}

#[test]
fn a_surname_does_not_resolve_to_a_family_member_named_beside_it() {
    // Marta Kemp is the president's wife, named beside him: "Kemp said" is the president.
    check(
        "President Kemp and Marta Kemp visited the flooded town. Kemp said aid would come soon.",
        expect!["President Kemp and Marta Kemp visited the flooded town. [Kemp] <said> {aid would come soon}."],
    );
}

#[test]
fn a_pronoun_subject_carries_on_past_names_in_what_was_said() {
    // "He" in the third sentence is still the attorney general, not the solicitor named in
    // what he said; "Mr Blair" after "Tony Blair" is not "Cherie Blair" named first.
    check(
        "Attorney General Peter Gold said on Monday the answer was drafted. He said the answer had been prepared with Solicitor General Anna Harm. He suggested the claim was a mistake.",
        expect!["[Attorney General Peter Gold] <said> on Monday {the answer was drafted}. [He=Peter Gold] <said> {the answer had been prepared with Solicitor General Anna Harm}. [He=Peter Gold] <suggested> {the claim was a mistake}."],
    );
    check(
        "Cherie Blair visited the school. Later, Tony Blair said the statement had been fair. Mr Blair said: “That is what I say.”",
        expect!["Cherie Blair visited the school. Later, [Tony Blair] <said> {the statement had been fair}. [Mr Blair=Tony Blair] <said>: «“That is what I say.”»"],
    );
}

#[test]
fn intentions_appeals_and_calls_report_what_was_asked_for() {
    check(
        "Senator Maria Lopez vowed to block the bill. The mayor urged residents to stay indoors. \
         Union leaders called for a general strike on Friday. Lopez declined to comment.",
        expect!["[Senator Maria Lopez] <vowed> {to block the bill}. [The mayor=?] <urged> {residents to stay indoors}. [Union leaders] <called> for {a general strike on Friday}. [Lopez=Maria Lopez] <declined> {to comment}."],
    );
    // Not cues: a plan as a noun, "call" without "for" or "on", an intention verb without "to".
    check(
        "The plan to build a dam was shelved. She called the hearing a sham. They want more money.",
        expect!["The plan to build a dam was shelved. [She=?] <called> {the hearing a sham}. They want more money."],
    );
}

#[test]
fn a_relative_pronoun_speaks_for_the_name_before_it() {
    check(
        "The vote is risky for Ted Cruz, who pointedly refused to endorse the nominee in July.",
        expect!["The vote is risky for Ted Cruz, [who=Ted Cruz] pointedly <refused> {to endorse the nominee in July}."],
    );
}

#[test]
fn stances_topics_and_longer_subjects() {
    check(
        "The governor endorsed Clinton in the race. Sanders spoke about his ties to the unions. \
         The city's campaign chairman, Phil Lovas, said he had not seen it. \
         Rep. Anna Berg (D-Ohio) said the law was clear. \
         Lopez says at a campaign stop in Toledo, Ohio, that taxes will fall.",
        expect!["[The governor=?] <endorsed> {Clinton in the race}. [Sanders=?] <spoke> about {his ties to the unions}. The city's campaign chairman, [Phil Lovas], <said> {he had not seen it}. [Rep. Anna Berg] (D-Ohio) <said> {the law was clear}. [Lopez] <says> at a campaign stop in Toledo, Ohio, {that taxes will fall}."],
    );
    // A participle after a determiner is no second cue, and a clause between commas is no
    // apposition: the speaker stays the phrase after the verb.
    check(
        "The plan is an insult to voters, top lawmakers said Friday, as they rejected the continued delays. \
         The talks did not go well, and the meeting ended early, said one source in the room.",
        expect!["{The plan is an insult to voters}, [top lawmakers=?] <said> Friday, as [they=?] <rejected> {the continued delays}. {The talks did not go well, and the meeting ended early}, <said> [one source=?] in the room."],
    );
    // Not stances: a passive, and a verb with no object after it.
    check(
        "The plan was criticized by experts. Voters who oppose it stayed home.",
        expect!["The plan was criticized by experts. Voters who oppose it stayed home."],
    );
}

#[test]
fn a_subordinate_clause_has_its_own_speaker() {
    check(
        "The development comes after Ukraine announced it had reached a deal with the White House.",
        expect!["The development comes after [Ukraine] <announced> {it had reached a deal with the White House}."],
    );
}

#[test]
fn names_called_documents_that_show_and_particles() {
    check(
        "The senator called him a liar. New polls show Clinton leading in Ohio. \
         Lopez pointed out that the fund was empty. The neighbours called the police.",
        expect!["[The senator=?] <called> {him a liar}. [New polls=?] <show> {Clinton leading in Ohio}. [Lopez] <pointed> out {that the fund was empty}. The neighbours called the police."],
    );
}

#[test]
fn standings_reported_in_polls() {
    check(
        "The mayor holds a narrow lead in the latest city poll, while her rival has gained ground.",
        expect!["{The mayor holds a narrow lead} <in> [the latest city poll=?], while her rival has gained ground."],
    );
    // The survey is where they took part, not a source.
    check(
        "Most residents of the town took part in the survey last year.",
        expect!["Most residents of the town took part in the survey last year."],
    );
}

#[test]
fn documents_described_by_what_they_cover_and_when_they_came_out() {
    check(
        "A survey of farmers released on Monday showed most of them planting less wheat.",
        expect!["[A survey of farmers=?] released on Monday <showed> {most of them planting less wheat}."],
    );
    check(
        "A regional poll, conducted jointly with a university, shows the mayor with a narrow lead.",
        expect!["[A regional poll=?], conducted jointly with a university, <shows> {the mayor with a narrow lead}."],
    );
    check(
        "Court filings from the bankruptcy case show the firm paid its fines late.",
        expect![
            "[Court filings from the bankruptcy case=?] <show> {the firm paid its fines late}."
        ],
    );
}

#[test]
fn a_time_after_the_verb_an_expressed_attitude_and_a_clarification() {
    check(
        "Zelensky said on Tuesday he was prepared to meet. Lopez expressed hope that the talks \
         would resume. The minister clarified that the plan was “authored by the government”.",
        expect!["[Zelensky] <said> on Tuesday {he was prepared to meet}. [Lopez] <expressed> hope that {the talks would resume}. [The minister=?] <clarified> {that the plan was “authored by the government”}."],
    );
}

#[test]
fn a_second_cue_after_and_and_plural_subjects_of_a_bare_verb() {
    check(
        "Rendell said he had battled pneumonia and called it a common ailment during campaigns. \
         The union called Clinton a “champion” for its members. Supporters in Congress say the \
         program has brought billions of dollars.",
        expect!["[[Rendell]] <said> {he had battled pneumonia} and <called> {it a common ailment during campaigns}. [The union=?] <called> {Clinton a “champion” for its members}. [Supporters in Congress] <say> {the program has brought billions of dollars}."],
    );
}

#[test]
fn postposed_speakers_with_brackets_hearers_and_tails_and_quotes_after_the_verb() {
    check(
        "“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday. “If indeed he is not intelligent, we lose.”\n\n\"Subpoenas are not optional,\" panel Chairman Rep. Jason Chaffetz (R-Utah) said after Pagliano failed to show up.\n\nAsked to describe the device, O'Neill said, \"Not going to go into that.\"\n\n\"Look, it's a phony system,\" Trump told Bill O'Reilly of Fox News this week.\n\nTrump attacked Clinton for her support of military action, saying, \"She's trigger-happy and very unstable.\"",
        expect![[r#"
            «“It’s a dog whistle to all Americans,”» [Rep. Gwen Moore] (D-Wis.) <said> Friday. «“If indeed he is not intelligent, we lose.”»

            «"Subpoenas are not optional,"» [panel Chairman Rep. Jason Chaffetz] (R-Utah) <said> after Pagliano failed to show up.

            <Asked> {to describe the device}(=?), [O'Neill] <said>, «"Not going to go into that."»

            «"Look, it's a phony system,"» [Trump=?] <told> Bill O'Reilly of Fox News this week.

            [Trump] attacked Clinton for her support of military action, <saying>, «"She's trigger-happy and very unstable."»"#]],
    );
}

#[test]
fn questions_hearers_before_a_clause_and_things_noted() {
    check(
        "Lawmakers also asked whether the deals required cooperation. Schiff told reporters it \
         was clear that Russia was behind the hacking. In her book, Clinton noted the clot's \
         existence.",
        expect!["[Lawmakers=?] also <asked> {whether the deals required cooperation}. [Schiff=?] <told> reporters {it was clear that Russia was behind the hacking}. In her book, [Clinton] <noted> {the clot's existence}."],
    );
}

#[test]
fn a_stance_in_a_relative_clause_ends_where_the_next_speaker_begins() {
    check(
        "Speaking after a call between the so-called coalition of the willing, which supports Kyiv, Macron warned on Tuesday that there is “clearly no Russian willingness” for a ceasefire.",
        expect!["Speaking after a call between [the so-called coalition of the willing=?], which <supports> {Kyiv}, [Macron] <warned> on Tuesday {that there is “clearly no Russian willingness” for a ceasefire}."],
    );
}

#[test]
fn a_quote_signed_with_a_dash_and_a_name() {
    check(
        "“The debate showed who he really is. We deserve better than this.” ― Karen Bobadilla.\n\
         “Nobody listens to us any more, and that is the problem.” — Ana M. Ruiz\n\
         “This is a quote with no name after it at all, so it stays unattributed.”",
        expect![[r#"
            «“The debate showed who he really is. We deserve better than this.”» <―> [Karen Bobadilla].
            «“Nobody listens to us any more, and that is the problem.”» <—> [Ana M. Ruiz]
            «“This is a quote with no name after it at all, so it stays unattributed.”»(=?)"#]],
    );
}

#[test]
fn a_transcript_line_names_its_speaker_in_capitals() {
    check(
        "\"WALLACE: Will she be at the debate tomorrow night, Governor?\n\n\"PENCE: She will not be attending the debate tomorrow night.\"",
        expect![[r#"
            «"[WALLACE=?]<:> Will she be at the debate tomorrow night, Governor?»

            «"[PENCE=?]<:> She will not be attending the debate tomorrow night."»"#]],
    );
}

#[test]
fn what_is_pointed_to_expected_of_someone_and_offered() {
    check(
        "Clinton pointed to reports that the pageant winner was mocked. Mr. McKinley expects \
         loans to become less available. He offered no proof that she had a role.",
        expect!["[Clinton] <pointed> to {reports that the pageant winner was mocked}. [Mr. McKinley=?] <expects> {loans to become less available}. [He=Clinton] <offered> {no proof that she had a role}."],
    );
}

#[test]
fn a_claim_named_by_a_noun_with_its_owner() {
    check(
        "Senator Maria Lopez repeated her claim that the vote was rigged. Critics mocked Lopez's \
         call for a recount. The plan was shelved.",
        expect!["Senator Maria Lopez repeated [her=Maria Lopez] <claim> that {the vote was rigged}. Critics mocked [Lopez=Maria Lopez]'s <call> for {a recount}. The plan was shelved."],
    );
}

#[test]
fn a_setting_without_a_comma_long_relative_clauses_and_dashes_before_the_verb() {
    check(
        "In a meeting with the board Trump said that the plan may go.",
        expect!["In a meeting with the board [Trump] <said> {that the plan may go}."],
    );
    check(
        "The middle group paid more, the agency said in a June report.",
        expect!["{The middle group paid more}, [the agency=?] <said> in a June report."],
    );
    check(
        "Connie Mariano, who as a Navy captain was the White House physician in the administration of a former president and later retired from the service, said that in 1998 the public had been misled.",
        expect!["[Connie Mariano], who as a Navy captain was the White House physician in the administration of a former president and later retired from the service, <said> {that in 1998 the public had been misled}."],
    );
    check(
        "Kall -- co-editor of a book analyzing the debates, which sold well -- said the candidate tended to make announcements there.",
        expect!["[Kall] -- co-editor of a book analyzing the debates, which sold well -- <said> {the candidate tended to make announcements there}."],
    );
}

#[test]
fn a_cue_word_as_a_noun_after_a_determiner_and_a_subordinate_clause_ends_at_its_comma() {
    check(
        "The campaign called the charges unsubstantiated and fabricated by former employees.",
        expect!["[The campaign=?] <called> {the charges unsubstantiated and fabricated by former employees}."],
    );
    check(
        "Although he said the plan would fail, Smith voted for it.",
        expect!["Although [he=?] <said> {the plan would fail}, Smith voted for it."],
    );
}

#[test]
fn a_relative_clause_inside_the_subject_describes_the_speaker() {
    check(
        "A 2014 study that appeared in the British Medical Journal found that the advice was unsupported.",
        expect!["[A 2014 study=?] that appeared in the British Medical Journal <found> {that the advice was unsupported}."],
    );
    check(
        "Voters who oppose the plan said it would fail.",
        expect!["[Voters=?] who oppose the plan <said> {it would fail}."],
    );
    check(
        "Officials who spoke to reporters said the talks would resume.",
        expect!["[Officials=?] who spoke to reporters <said> {the talks would resume}."],
    );
}

#[test]
fn possessive_speakers_and_a_participle_after_the_attribution() {
    check(
        "The paranoia remained. \"We live in a dark kingdom,\" my father often said.",
        expect![[
            r#"The paranoia remained. «"We live in a dark kingdom,"» [my father=?] often <said>."#
        ]],
    );
    check(
        "\"This is what I know. We like you, we don't like you,\" Sanders said, going on to contrast the two plans.",
        expect![[r#"«"This is what I know. We like you, we don't like you,"» [Sanders] <said>, going on to contrast the two plans."#]],
    );
}

#[test]
fn ages_and_relative_clauses_between_name_and_verb_and_cue_words_as_nouns() {
    check(
        "Schiff, 56, who has served on the committee for a decade, told the newspaper's video series it is clear that the hacking can be traced.",
        expect!["[Schiff], 56, who has served on the committee for a decade, <told> the newspaper's video series {it is clear that the hacking can be traced}."],
    );
    check(
        "Mr. Obama, who understood that a legislative push would be fruitless, told his advisers to figure out how to cut emissions.",
        expect!["[Mr. Obama], who understood that a legislative push would be fruitless, <told> {his advisers to figure out how to cut emissions}."],
    );
    check(
        "Trump repeatedly demeaned women with sexist language, according to show insiders.",
        expect!["{Trump repeatedly demeaned women with sexist language}, <according to> [show insiders=?]."],
    );
    check(
        "Goldman Sachs holds billions offshore, and the report says the company has 987 subsidiaries in tax havens.",
        expect!["Goldman Sachs holds billions offshore, and [the report=?] <says> {the company has 987 subsidiaries in tax havens}."],
    );
}

#[test]
fn according_to_in_the_middle_after_a_lead_and_without_a_comma() {
    check(
        "In addition, according to the department, nearly nine million more workers will be protected.",
        expect!["In addition, <according to> [the department=?], {nearly nine million more workers will be protected}."],
    );
    check(
        "Fundraising, according to the campaign, has surged in the same period.",
        expect!["{Fundraising}, <according to> [the campaign=?], {has surged in the same period}."],
    );
    check(
        "But according to reports emerging in the news media, he could not convince the family.",
        expect!["But <according to> [reports emerging in the news media=?], {he could not convince the family}."],
    );
    check(
        "Clinton leads Sanders by 271 pledged delegates according to a count by The Associated Press, but the race goes on.",
        expect!["{Clinton leads Sanders by 271 pledged delegates} <according to> [a count by The Associated Press], but the race goes on."],
    );
    check(
        "The council will meet, according to one of his senior aides. The plan would cost $1.38 trillion a year, according to the \"Medicare for all\" document.",
        expect![[r#"{The council will meet}, <according to> [one of his senior aides=?]. {The plan would cost $1.38 trillion a year}, <according to> [the "Medicare for all" document=?]."#]],
    );
}

#[test]
fn questions_and_topics_put_to_a_hearer() {
    check(
        "A reporter asked Sanders how he was feeling on caucus day.",
        expect!["[A reporter=?] <asked> Sanders {how he was feeling on caucus day}."],
    );
    check(
        "HuffPost asked the 2016 Democratic contender if he had been preparing himself.",
        expect!["[HuffPost=?] <asked> the 2016 Democratic contender {if he had been preparing himself}."],
    );
    check(
        "Neera Tanden asked former Attorney General Eric Holder whether he had thoughts on the committee.",
        expect!["[Neera Tanden] <asked> former Attorney General Eric Holder {whether he had thoughts on the committee}."],
    );
    check(
        "Radio host Hugh Hewitt asked Trump about statements he had made the previous night.",
        expect!["[Radio host Hugh Hewitt] <asked> Trump about {statements he had made the previous night}."],
    );
}

#[test]
fn what_a_remark_referred_to_and_progressive_cues() {
    check(
        "Trump said things “should be wrapped up by Cleveland,” referring to the party’s July convention.",
        expect!["[[Trump=?]=?] <said> {things “should be wrapped up by Cleveland,”} <referring> to {the party’s July convention}."],
    );
    check(
        "He was referring to the deal. Those discussions are continuing, he said.",
        expect!["[He=?] was <referring> to {the deal}. {Those discussions are continuing}, [he=?] <said>."],
    );
}

#[test]
fn the_said_frames_news_uses_most() {
    check(
        "Bob Friedman, a talk show host at the oldest radio station in Alabama, said that he noticed the shift.",
        expect!["[Bob Friedman], a talk show host at the oldest radio station in Alabama, <said> {that he noticed the shift}."],
    );
    check(
        "Rep. Gregory Meeks (D-N.Y.) said Clinton reassured them.",
        expect!["[Rep. Gregory Meeks] (D-N.Y.) <said> {Clinton reassured them}."],
    );
    check(
        "Hours later, Intel said the event was canceled.",
        expect!["Hours later, [Intel] <said> {the event was canceled}."],
    );
    check(
        "The budget office said about half of the adjustment reflected revenue losses.",
        expect![
            "[The budget office=?] <said> {about half of the adjustment reflected revenue losses}."
        ],
    );
    check(
        "Another pollster, David Woodard of Clemson University, said his survey showed support holding steady.",
        expect!["Another pollster, [David Woodard] of Clemson University, <said> {his survey showed support holding steady}."],
    );
    check(
        "Still, he said, officials have to decide who gets extra scrutiny.",
        expect!["Still, [he=?] <said>, {officials have to decide who gets extra scrutiny}."],
    );
    check(
        "But Mr. Guerrero, a Republican who described himself as a religious Catholic, said he recoiled.",
        expect!["But [Mr. Guerrero], a Republican who described himself as a religious Catholic, <said> {he recoiled}."],
    );
    check(
        "The plan, officials said on Tuesday, will fail.",
        expect!["{The plan}, [officials=?] <said> on Tuesday, {will fail}."],
    );
}

#[test]
fn a_topic_then_a_quote_after_a_colon() {
    check(
        "Berg said of the draft: “That is only a blueprint.” Berg said the harvest was late.",
        expect!["[Berg] <said> of the draft: «“That is only a blueprint.”» [Berg] <said> {the harvest was late}."],
    );
}

#[test]
fn subjects_with_clauses_and_brackets_and_tails_with_titles() {
    check(
        "Barkley, who said he typically votes democratic, said one candidate he likes is the governor.",
        expect!["[Barkley], [who=Barkley] <said> {he typically votes democratic}, <said> {one candidate he likes is the governor}."],
    );
    check(
        "An earlier report in a New Hampshire paper said that Sanders had used the images.",
        expect!["An earlier [report in a New Hampshire paper] <said> {that Sanders had used the images}."],
    );
    check(
        "In Vermont, about half of Democratic primary voters said they want more liberal policies.",
        expect!["In Vermont, [about half of Democratic primary voters=?] <said> {they want more liberal policies}."],
    );
    check(
        "Many speakers at the service — including Muslims, Christians and Jews — said his death was painful.",
        expect!["[Many speakers at the service=?] — including Muslims, Christians and Jews — <said> {his death was painful}."],
    );
    check(
        "Minnesota state delegate Mary Susan, clad in a red cape with lights that formed the name, said the convention could fail.",
        expect!["Minnesota state [delegate Mary Susan], clad in a red cape with lights that formed the name, <said> {the convention could fail}."],
    );
    check(
        "Wasserman Schultz said in her opening remarks that the platform should name its allies.",
        expect!["[Wasserman Schultz] <said> in her opening remarks {that the platform should name its allies}."],
    );
    check(
        "Rep. Elijah Cummings (D-Md.), chair of the drafting committee, said Clinton did not appear concerned.",
        expect!["[Rep. Elijah Cummings] (D-Md.), chair of the drafting committee, <said> {Clinton did not appear concerned}."],
    );
    check(
        "In all, hackers compromised 12 workstations, the congressional report said.",
        expect![
            "{In all, hackers compromised 12 workstations}, [the congressional report=?] <said>."
        ],
    );
    check(
        "WASHINGTON (Reuters) - U.S. presidential candidate Hillary Clinton said hackers broke in.",
        expect!["WASHINGTON (Reuters) - [U.S. presidential candidate Hillary Clinton] <said> {hackers broke in}."],
    );
    check(
        "Trump’s “excesses” are sickening, Hollande said Tuesday in Paris, noting the nominee “makes you want to retch.”",
        expect!["{Trump’s “excesses” are sickening}, [[Hollande]] <said> Tuesday in Paris, <noting> {the nominee “makes you want to retch.”}"],
    );
    check(
        "“Being a dad, that’s my job,” Weiner said in May on the podcast “Here’s the Thing.”",
        expect!["«“Being a dad, that’s my job,”» [Weiner] <said> in May on the podcast “Here’s the Thing.”"],
    );
}

#[test]
fn inverted_speakers_with_roles_and_plural_subjects_with_their_modifiers() {
    check(
        "“If you don't have a positive tone, you will have a hard time,” said Alfonso Aguilar, the executive director of the Latino Partnership.",
        expect!["«“If you don't have a positive tone, you will have a hard time,”» <said> [Alfonso Aguilar], the executive director of the Latino Partnership."],
    );
    check(
        "Yet Democratic economists, like their Republican counterparts, say taxing consumption encourages savings.",
        expect!["Yet [Democratic economists=?], like their Republican counterparts, <say> {taxing consumption encourages savings}."],
    );
    check(
        "People briefed on the situation say that the governor has revealed almost nothing.",
        expect!["[People briefed on the situation=?] <say> {that the governor has revealed almost nothing}."],
    );
    check(
        "Still, people who have battled other online threats say it could be doing more.",
        expect!["Still, [people=?] who have battled other online threats <say> {it could be doing more}."],
    );
    check(
        "Paul Porter, a truck driver from Ava, Mo., who is a member of the Teamsters union, said he already received overtime.",
        expect!["[Paul Porter], a truck driver from Ava, Mo., who is a member of the Teamsters union, <said> {he already received overtime}."],
    );
    check(
        "A more subdued Bill Clinton may not be such a bad thing either, say some Democrats.",
        expect!["{A more subdued Bill Clinton may not be such a bad thing either}, <say> [some Democrats=?]."],
    );
}

#[test]
fn a_relative_pronoun_after_a_role_stands_for_the_person() {
    check(
        "“We will see,” said Alfonso Aguilar, the executive director of the Latino Partnership, who also said that the two men had a chance.", expect!["«“We will see,”» <said> [Alfonso Aguilar], the executive director of the Latino Partnership, [who=Alfonso Aguilar] also <said> {that the two men had a chance}."]);
    check(
        "“We will see,” said Howard Rubel, a senior analyst at Jefferies, who notes that the firm has vowed to cut costs.", expect!["«“We will see,”» <said> [Howard Rubel], a senior analyst at Jefferies, [who=Howard Rubel] <notes> {that the firm has vowed to cut costs}."]);
}

#[test]
fn according_to_ends_where_another_clause_or_source_begins() {
    check(
        "Rebels hold more than a fifth of the province, according to independent maps, although the advances remain slow and the army says the rebels have lost heavily.",
        expect!["{Rebels hold more than a fifth of the province}, <according to> [independent maps=?], although the advances remain slow and [the army=?] <says> {the rebels have lost heavily}."],
    );
    check(
        "The plan may have begun in a call between the envoys, according to a transcript of their conversation Reuters said it had seen.",
        expect!["{The plan may have begun in a call between the envoys}, <according to> [[a transcript of their conversation=?] Reuters] <said> {it had seen}."],
    );
    check(
        "The agency reported that the envoy, in a call with the adviser on Monday, said they should draft a plan together.",
        expect!["[The agency=?] <reported> {that the envoy, in a call with the adviser on Monday, said they should draft a plan together}."],
    );
}

#[test]
fn headlines_that_give_a_speaker_before_a_colon() {
    check(
        "Poll: Senator Ties Governor in a Three-Way Contest.\n\nThe poll was taken on Monday.",
        expect![[r#"
            [Poll=?]<:> {Senator Ties Governor in a Three-Way Contest}.

            The poll was taken on Monday."#]],
    );
    check(
        "Clinton camp: Rival’s plan threatens national security.\n\nText.",
        expect![[r#"
            [Clinton camp]<:> {Rival’s plan threatens national security}.

            Text."#]],
    );
    check(
        "Former Mayor Jane Ortiz: Build The Bridge Before Winter.\n\nText.",
        expect![[r#"
            [Former Mayor Jane Ortiz]<:> {Build The Bridge Before Winter}.

            Text."#]],
    );
    check(
        "Ortiz and Lee: A Long Rivalry Over The Bridge.\n\nText.",
        expect![[r#"
            Ortiz and Lee: A Long Rivalry Over The Bridge.

            Text."#]],
    );
    check(
        "Clinton to Planned Parenthood: Trump will reverse the ruling.\n\nText.",
        expect![[r#"
            [Clinton] to Planned Parenthood<:> {Trump will reverse the ruling}.

            Text."#]],
    );
    check(
        "The reason: nobody came. At 7:25 a.m. the talks began.",
        expect!["The reason: nobody came. At 7:25 a.m. the talks began."],
    );
}

#[test]
fn a_cue_as_the_first_word_and_names_called_further_on() {
    check(
        "Boasting 108,000 residents, the county leans Republican, according to Politico.",
        expect!["Boasting 108,000 residents, the county leans Republican, according to Politico."],
    );
    check(
        "Claims that the vote was rigged spread fast.",
        expect!["Claims that the vote was rigged spread fast."],
    );
    check(
        "Graham called both Trump and Clinton “crazy” and said the party would lose.",
        expect!["[[Graham]] <called> {both Trump and Clinton “crazy”} and <said> {the party would lose}."],
    );
    check(
        "Trump called Clinton, his Democratic challenger, an ISIS “co-founder.”",
        expect!["[Trump=?] <called> {Clinton, his Democratic challenger, an ISIS “co-founder.”}"],
    );
}

#[test]
fn a_participle_or_a_clause_after_the_hearer_and_a_nickname_in_an_apposition() {
    check(
        "“Man, you are working it hard,” Crowley told Becerra, alluding to his rumored ambitions.",
        expect!["«“Man, you are working it hard,”» [Crowley] <told> Becerra, alluding to his rumored ambitions."],
    );
    check(
        "This is not about me, President Obama told his closest advisers as he labored over the address.",
        expect!["{This is not about me}, [President Obama] <told> his closest advisers as he labored over the address."],
    );
    check(
        "Marcel Lehel, the hacker known as “Guccifer,” stated that he had access to the server.",
        expect!["[Marcel Lehel], the hacker known as “Guccifer,” <stated> {that he had access to the server}."],
    );
}

#[test]
fn only_speech_verbs_invert_and_a_second_said_ends_the_first_content() {
    check(
        "Mukasey, the attorney general under a former president, criticized her email use.",
        expect![
            "Mukasey, the attorney general under a former president, criticized her email use."
        ],
    );
    check(
        "However debates are not likely to alter the campaign, noted NBC’s Dante Chinni.",
        expect![
            "{However debates are not likely to alter the campaign}, <noted> [NBC’s Dante Chinni]."
        ],
    );
    check(
        "The senator criticized the president’s foreign policy and said allies wanted answers.",
        expect!["[[The senator=?]=?] <criticized> {the president’s foreign policy} and <said> {allies wanted answers}."],
    );
}

#[test]
fn a_second_present_cue_roles_without_an_article_and_many_of_whom() {
    check(
        "Donald Trump is telling a veterans group that the United States’ military is “depleted” and says he will expand the armed forces.",
        expect!["[[Donald Trump]] is <telling> a veterans group {that the United States’ military is “depleted”} and <says> {he will expand the armed forces}."],
    );
    check(
        "“I don’t think there’s any connection,” said Len Burman, head of the centrist Tax Policy Center.",
        expect!["«“I don’t think there’s any connection,”» <said> [Len Burman], head of the centrist Tax Policy Center."],
    );
    check(
        "This has not gone over well with the families, many of whom say the claims are unfounded.",
        expect!["This has not gone over well with the families, [many of whom=?] <say> {the claims are unfounded}."],
    );
}

#[test]
fn a_setting_after_the_cue_is_not_content() {
    check(
        "The campaign said via email that the event would go ahead.",
        expect!["[The campaign=?] <said> via email {that the event would go ahead}."],
    );
    check(
        "“I think he will be very fair,” Trump said during a rally in Kenansville, N.C.",
        expect![
            "«“I think he will be very fair,”» [Trump] <said> during a rally in Kenansville, N.C."
        ],
    );
}

#[test]
fn judgements_with_as_and_quantifiers_as_subjects() {
    check(
        "In South Florida, where land is fast disappearing, developers see golf courses as wasted space.",
        expect!["In South Florida, where land is fast disappearing, [developers=?] <see> {golf courses as wasted space}."],
    );
    check(
        "Mr. Obama sees Mr. Netanyahu as captured by a hard-line philosophy.",
        expect!["[Mr. Obama] <sees> {Mr. Netanyahu as captured by a hard-line philosophy}."],
    );
    check(
        "But few believe their relationship can ever be more than coolly transactional.",
        expect!["But [few=?] <believe> {their relationship can ever be more than coolly transactional}."],
    );
    check(
        "After Rubio stumbles, rivals see opening in New Hampshire.",
        expect!["After Rubio stumbles, rivals see opening in New Hampshire."],
    );
}

#[test]
fn an_adverb_a_suffix_or_a_relative_clause_between_subject_and_verb() {
    check(
        "Others, however, say a recalibration is overdue.",
        expect!["[Others=?], however, <say> {a recalibration is overdue}."],
    );
    check(
        "Vice President Joseph R. Biden Jr. said the remarks had made him a danger to allies.",
        expect!["[Vice President Joseph R. Biden Jr.] <said> {the remarks had made him a danger to allies}."],
    );
    check(
        "Clinton's presidential campaign, which has been shadowed for months by the controversy, said that the emails had no bearing.",
        expect!["[Clinton's presidential campaign], which has been shadowed for months by the controversy, <said> {that the emails had no bearing}."],
    );
}

#[test]
fn speakers_described_by_a_phrase_or_a_clause_of_their_own() {
    check(
        "Those close to her say that she would weigh three other offers.",
        expect!["[Those close to her=?] <say> {that she would weigh three other offers}."],
    );
    check(
        "Analysts in the capital and across the region say the minister deserves a second term.",
        expect!["[Analysts in the capital and across the region=?] <say> {the minister deserves a second term}."],
    );
    check(
        "To be fair, all the engineers we consulted said the design was sound.",
        expect!["To be fair, all [the engineers=?] we consulted <said> {the design was sound}."],
    );
    check(
        "The firm stayed calm, though a review board in 1998 found the company was at fault.",
        expect!["The firm stayed calm, though [a review board=?] in 1998 <found> {the company was at fault}."],
    );
    // A form in -s after a number is a noun, and a setting after "But" is no content.
    check(
        "Her results in the three states that voted on Sunday have hurt her.",
        expect!["Her results in the three states that voted on Sunday have hurt her."],
    );
    check(
        "But throughout the winter, members within both parties criticized the ruling.",
        expect![
            "But throughout the winter, [members within both parties=?] <criticized> {the ruling}."
        ],
    );
}

#[test]
fn findings_and_agreement_in_a_bare_clause_and_a_gerund_after_by() {
    check(
        "She cut the levy, but economists agreed it was still a lopsided budget.",
        expect!["She cut the levy, but [economists=?] <agreed> {it was still a lopsided budget}."],
    );
    check(
        "Data from the census show that farmers made up about 12 percent of the workforce.",
        expect!["[Data from the census=?] <show> {that farmers made up about 12 percent of the workforce}."],
    );
    check(
        "Dr. Ruth Keller went on the radio on Friday and began by saying she would “never” judge a patient that way.",
        expect!["Dr. [Ruth Keller] went on the radio on Friday and began by <saying> {she would “never” judge a patient that way}."],
    );
    // Not a report: the gerund has an object, not a clause.
    check(
        "The school cut costs by admitting more pupils from abroad.",
        expect!["The school cut costs by admitting more pupils from abroad."],
    );
}

#[test]
fn shares_of_people_as_speakers() {
    check(
        "Seven in 10 say the mayor is at least fairly honest.",
        expect!["[Seven in 10=?] <say> {the mayor is at least fairly honest}."],
    );
    check(
        "And a full 83 percent of union members say they would back the deal, while only 41 percent of managers say the same of it.",
        expect!["And [a full 83 percent of union members=?] <say> {they would back the deal}, while [only 41 percent of managers=?] <say> {the same of it}."],
    );
    check(
        "At least half of residents in each district say the new rules are “fair enough.”",
        expect!["At least [half of residents in each district=?] <say> {the new rules are “fair enough.”}"],
    );
    check(
        "Even so, two-thirds of the nurses said they were exhausted, and more than 3 in 10 said the hospital would lose staff.",
        expect!["Even so, [two-thirds of the nurses=?] <said> {they were exhausted}, and [more than 3 in 10=?] <said> {the hospital would lose staff}."],
    );
    check(
        "Aides to the minister say he is changing his approach to the strike.",
        expect!["[Aides to the minister=?] <say> {he is changing his approach to the strike}."],
    );
    // A time before the comma is no content, and a noun after a share is no cue.
    check(
        "Last year, 31 percent said the same.",
        expect!["Last year, [31 percent=?] <said> {the same}."],
    );
    check(
        "Her support is well below the 57 percent support her predecessor had that year.",
        expect!["Her support is well below the 57 percent support her predecessor had that year."],
    );
}

#[test]
fn an_apposition_with_a_noun_that_looks_like_a_cue() {
    check(
        "Karl Brandt, a lawyer from the city and self-described pragmatist, said delay is the source of the anger.",
        expect!["[Karl Brandt], a lawyer from the city and self-described pragmatist, <said> {delay is the source of the anger}."],
    );
    check(
        "The mayor said the real culprit in the dispute is his rival, and he railed against the referees.",
        expect!["[The mayor=?] <said> {the real culprit in the dispute is his rival}, and [he=?] <railed> against {the referees}."],
    );
}

#[test]
fn a_place_with_its_state_in_an_apposition_and_a_quote_in_the_paragraph_before() {
    check(
        "Anna Lopez, a teacher from Dayton, Ohio, said Monday's speeches had led her to rule both men out.",
        expect!["[Anna Lopez], a teacher from Dayton, Ohio, <said> {Monday's speeches had led her to rule both men out}."],
    );
    // The quote ending the paragraph before is not what "Others say".
    check(
        "The board still faces “a market that can set its own prices.”\n\nOthers say this is only a passing phase.",
        expect![[r#"
            The board still faces «“a market that can set its own prices.”»(=?)

            [Others=?] <say> {this is only a passing phase}."#]],
    );
}

#[test]
fn parts_of_groups_offices_and_possessives_before_the_verb() {
    check(
        "To win the region, the party needs about a third of the rural vote, pollsters say; in 2019 it won a fifth.",
        expect!["{To win the region, the party needs about a third of the rural vote}, [pollsters=?] <say>; in 2019 it won a fifth."],
    );
    check(
        "Until the plant closed, most of them said they had liked working there.",
        expect!["Until the plant closed, [most of them=?] <said> {they had liked working there}."],
    );
    check(
        "The new foreign minister and former secretary of state said the talks “clearly” needed more time.",
        expect!["The new foreign minister and [former secretary of state=?] <said> {the talks “clearly” needed more time}."],
    );
    check(
        "Neighbours of the mayor's who have met him at the market recently say that his mood has improved.",
        expect!["[Neighbours of the mayor's=?] who have met him at the market recently <say> {that his mood has improved}."],
    );
    check(
        "One in five nurses in a union survey last year said wards should be closed at night.",
        expect!["[One in five nurses in a union survey=?] last year <said> {wards should be closed at night}."],
    );
}

#[test]
fn questions_put_to_the_speaker() {
    check(
        "When asked whether the levy was the right step, 61 percent said yes.",
        expect![
            "When <asked> {whether the levy was the right step}(=?), [61 percent=?] <said> {yes}."
        ],
    );
    check(
        "When asked by a reporter whether this differed from the old rules, the mayor said, \"You tell me.\"",
        expect![[r#"When <asked> by [a reporter=?] {whether this differed from the old rules}, [the mayor=?] <said>, «"You tell me."»"#]],
    );
    check(
        "In a radio interview, the coach was asked by the host whether the team would move.",
        expect!["In a radio interview, the coach was <asked> by [the host=?] {whether the team would move}."],
    );
    check(
        "“It has been a long wait,” the minister said, asked about the delay in an interview.",
        expect!["«“It has been a long wait,”» [the minister=?] <said>, <asked> about {the delay in an interview}(=?)."],
    );
    // A question of the speaker's own is a report of the usual kind.
    check(
        "He asked about the weather.",
        expect!["[He=?] <asked> about {the weather}."],
    );
}

#[test]
fn name_calling_with_a_determiner_and_a_second_verb() {
    check(
        "Critics call it the costliest bridge in the world.",
        expect!["[Critics=?] <call> {it the costliest bridge in the world}."],
    );
    check(
        "Maria Ortiz calls the valley her home.",
        expect!["[Maria Ortiz] <calls> {the valley her home}."],
    );
    check(
        "Sen. Paul Hart (D-Ore.) called him reckless and accused him of lying.",
        expect![
            "[Sen. [Paul Hart]] (D-Ore.) <called> {him reckless} and <accused> {him of lying}."
        ],
    );
    check(
        "The coach called the referee “a disgrace” and walked off the field.",
        expect!["[The coach=?] <called> {the referee “a disgrace”} and walked off the field."],
    );
    check(
        "The council passed what the mayor called “a fair budget” on Monday.",
        expect!["The council passed what [the mayor=?] <called> «“a fair budget”» on Monday."],
    );
    check(
        "On Monday, Sen. Paul Hart (D-Ore.) called on Gov. Mark Ruiz (R) to resign over the spill.",
        expect!["On Monday, [Sen. Paul Hart] (D-Ore.) <called> on {Gov. Mark Ruiz (R) to resign over the spill}."],
    );
    // A cue word after a possessive is a noun.
    check(
        "The mayor's remarks on the budget came during a dinner.",
        expect!["The mayor's remarks on the budget came during a dinner."],
    );
}

#[test]
fn when_or_how_something_was_said_is_not_what() {
    check(
        "“We will not move,” the mayor said Thursday on Twitter.",
        expect!["«“We will not move,”» [the mayor=?] <said> Thursday on Twitter."],
    );
    check(
        "The minister said without further comment.",
        expect!["The minister said without further comment."],
    );
    // "states" is a verb only before what it states.
    check(
        "The governor is campaigning in two states where turnout is low.",
        expect!["The governor is campaigning in two states where turnout is low."],
    );
    check(
        "The report states that turnout was low.",
        expect!["[The report=?] <states> {that turnout was low}."],
    );
}

#[test]
fn settings_participles_dashes_and_as_clauses_around_the_speaker() {
    check(
        "The veterans' group wrote to the senator’s office that it had not given permission.",
        expect!["The veterans' [group=?] <wrote> to the senator’s office {that it had not given permission}."],
    );
    check(
        "Larsen, after two earlier rallies, wrote that he expected trouble at the next one.",
        expect!["[Larsen], after two earlier rallies, <wrote> {that he expected trouble at the next one}."],
    );
    check(
        "Many parents who have followed the school board for years, at public meetings or at small-town fairs, say it rarely listens.",
        expect!["[Many parents=?] who have followed the school board for years, at public meetings or at small-town fairs, <say> {it rarely listens}."],
    );
    check(
        "Farmers questioned at markets in the north this month, including a dairy owner, said prices had fallen.",
        expect!["[Farmers questioned at markets in the north=?] this month, including a dairy owner, <said> {prices had fallen}."],
    );
    check(
        "The aides, led by campaign manager Ana Ruiz, told the donors that they did not expect to win.",
        expect!["[The aides=?], led by campaign manager Ana Ruiz, <told> the donors {that they did not expect to win}."],
    );
    check(
        "In an interview, Maria Costa - his partner and co-host on the show - told the newspaper that his views changed in 2004.",
        expect!["In an interview, [Maria Costa] - his partner and co-host on the show - <told> the newspaper {that his views changed in 2004}."],
    );
    check(
        "As an earlier study from 2012 noted, younger voters turn out less often.",
        expect!["As an earlier [study from 2012=?] <noted>, {younger voters turn out less often}."],
    );
    check(
        "Support is strongest among the youngest members, nurses and union officials told the paper.",
        expect!["{Support is strongest among the youngest members}, [nurses and union officials=?] <told> the paper."],
    );
    // "this" after the hearer opens the content, not a time.
    check(
        "While others pushed for new talks, the senator told reporters this was the last chance.",
        expect!["While others pushed for new talks, [the senator=?] <told> {reporters this was the last chance}."],
    );
}

#[test]
fn polls_in_percent_and_out_of_and_long_appositions() {
    check(
        "On housing, 38% say rents are too high.",
        expect!["On housing, [38%=?] <say> {rents are too high}."],
    );
    check(
        "Nearly seven out of 10 say they will need a second job.",
        expect!["[Nearly seven out of 10=?] <say> {they will need a second job}."],
    );
    check(
        "By wide margins, those surveyed say schools should come first.",
        expect!["By wide margins, [those surveyed=?] <say> {schools should come first}."],
    );
    check(
        "But those who back her rivals say the coverage has hurt her.",
        expect!["But [those=?] who back her rivals <say> {the coverage has hurt her}."],
    );
    check(
        "Sen. Ann Lee, R-Ore., a long-shot candidate, said the plan would fail.",
        expect!["[Sen. Ann Lee], R-Ore., a long-shot candidate, <said> {the plan would fail}."],
    );
    check(
        "Sen. Paul Hart (a state Democrat so young he is often taken for an intern) says he felt lost.",
        expect!["[Sen. Paul Hart] (a state Democrat so young he is often taken for an intern) <says> {he felt lost}."],
    );
}

#[test]
fn a_second_verb_after_an_adverb_and_a_speaker_known_by_a_name() {
    check(
        "Hale said he first heard sirens about 9 p.m. and suspected immediately that the depot was on fire.",
        expect!["[[Hale]] <said> {he first heard sirens about 9 p.m.} and <suspected> immediately {that the depot was on fire}."],
    );
    check(
        "\"There never was an order,\" said the base chief known as Robert Hale, speaking publicly for the first time.",
        expect![[r#"«"There never was an order,"» <said> [the base chief known as Robert Hale], speaking publicly for the first time."#]],
    );
}

#[test]
fn a_report_passed_on_by_a_source() {
    check(
        "“I will be voting for him,” Welling said, according to a local radio station.",
        expect![
            "«“I will be voting for him,”» [Welling] <said>, according to a local radio station."
        ],
    );
}

#[test]
fn narration_after_a_quote_and_its_speaker() {
    check(
        "“I love these biscuits. I will never eat them again,” Marsh said in June after the bakery announced it was closing.",
        expect!["«“I love these biscuits. I will never eat them again,”» [Marsh] <said> in June after [the bakery=?] <announced> {it was closing}."],
    );
    check(
        "“We have had better meetings than this one,” delegate Ed Brandt, wearing a cowboy hat, said flatly as balloons fell.",
        expect!["«“We have had better meetings than this one,”» [delegate Ed Brandt], wearing a cowboy hat, <said> flatly as balloons fell."],
    );
    check(
        "“That is a fair concern,” Lena Fox, 64, told a radio host Monday when asked about the vote.",
        expect!["«“That is a fair concern,”» [Lena Fox], 64, <told> a radio host Monday when <asked> about {the vote}(=?)."],
    );
    // A title in quotation marks after a word is no quote of the speaker's.
    check(
        "On the broadcast of “Weekend Review,” Gov. Ann Lee said the invitation was only a joke.",
        expect!["On the broadcast of “Weekend Review,” [Gov. Ann Lee] <said> {the invitation was only a joke}."],
    );
}

#[test]
fn a_quotation_after_the_ones_addressed() {
    check(
        "Soon after the vote, Okafor wrote to his 9,000 followers, “It is time to end this,” and shared a link.",
        expect!["Soon after the vote, [Okafor] <wrote> to his 9,000 followers, «“It is time to end this,”» and shared a link."],
    );
}
