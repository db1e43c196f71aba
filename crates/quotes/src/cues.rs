//! The words that introduce speech and attributed thought: speech verbs in all their forms,
//! verbs of belief and intention, and the function words around them.

/// Verb lemmas that report speech, writing or a stated position, and the forms to build.
/// Each entry: base, third person, past, gerund.
const SPEECH: &[[&str; 4]] = &[
    ["say", "says", "said", "saying"],
    ["tell", "tells", "told", "telling"],
    ["add", "adds", "added", "adding"],
    ["ask", "asks", "asked", "asking"],
    ["write", "writes", "wrote", "writing"],
    ["note", "notes", "noted", "noting"],
    ["report", "reports", "reported", "reporting"],
    ["announce", "announces", "announced", "announcing"],
    ["explain", "explains", "explained", "explaining"],
    ["argue", "argues", "argued", "arguing"],
    ["warn", "warns", "warned", "warning"],
    ["insist", "insists", "insisted", "insisting"],
    ["claim", "claims", "claimed", "claiming"],
    ["state", "states", "stated", "stating"],
    ["declare", "declares", "declared", "declaring"],
    ["reply", "replies", "replied", "replying"],
    ["respond", "responds", "responded", "responding"],
    ["continue", "continues", "continued", "continuing"],
    [
        "acknowledge",
        "acknowledges",
        "acknowledged",
        "acknowledging",
    ],
    ["suggest", "suggests", "suggested", "suggesting"],
    ["recall", "recalls", "recalled", "recalling"],
    ["tweet", "tweets", "tweeted", "tweeting"],
    ["post", "posts", "posted", "posting"],
    ["confirm", "confirms", "confirmed", "confirming"],
    ["deny", "denies", "denied", "denying"],
    ["stress", "stresses", "stressed", "stressing"],
    ["emphasise", "emphasises", "emphasised", "emphasising"],
    ["emphasize", "emphasizes", "emphasized", "emphasizing"],
    ["complain", "complains", "complained", "complaining"],
    ["admit", "admits", "admitted", "admitting"],
    ["predict", "predicts", "predicted", "predicting"],
    ["promise", "promises", "promised", "promising"],
    ["vow", "vows", "vowed", "vowing"],
    ["pledge", "pledges", "pledged", "pledging"],
    ["assert", "asserts", "asserted", "asserting"],
    ["contend", "contends", "contended", "contending"],
    ["maintain", "maintains", "maintained", "maintaining"],
    ["reiterate", "reiterates", "reiterated", "reiterating"],
    ["repeat", "repeats", "repeated", "repeating"],
    ["joke", "jokes", "joked", "joking"],
    ["quip", "quips", "quipped", "quipping"],
    ["boast", "boasts", "boasted", "boasting"],
    ["concede", "concedes", "conceded", "conceding"],
    ["observe", "observes", "observed", "observing"],
    ["comment", "comments", "commented", "commenting"],
    ["remark", "remarks", "remarked", "remarking"],
    ["reveal", "reveals", "revealed", "revealing"],
    ["estimate", "estimates", "estimated", "estimating"],
    ["conclude", "concludes", "concluded", "concluding"],
    ["disclose", "discloses", "disclosed", "disclosing"],
    ["allege", "alleges", "alleged", "alleging"],
    ["agree", "agrees", "agreed", "agreeing"],
    ["urge", "urges", "urged", "urging"],
    ["cite", "cites", "cited", "citing"],
    ["indicate", "indicates", "indicated", "indicating"],
    ["point", "points", "pointed", "pointing"],
    ["shout", "shouts", "shouted", "shouting"],
    ["yell", "yells", "yelled", "yelling"],
    ["whisper", "whispers", "whispered", "whispering"],
    ["testify", "testifies", "testified", "testifying"],
    ["mention", "mentions", "mentioned", "mentioning"],
    ["describe", "describes", "described", "describing"],
    ["recount", "recounts", "recounted", "recounting"],
    ["counter", "counters", "countered", "countering"],
    ["retort", "retorts", "retorted", "retorting"],
    ["charge", "charges", "charged", "charging"],
    ["demand", "demands", "demanded", "demanding"],
    ["threaten", "threatens", "threatened", "threatening"],
    ["propose", "proposes", "proposed", "proposing"],
    ["caution", "cautions", "cautioned", "cautioning"],
    ["speculate", "speculates", "speculated", "speculating"],
    ["read", "reads", "read", "reading"],
    ["show", "shows", "showed", "showing"],
    ["find", "finds", "found", "finding"],
    ["interject", "interjects", "interjected", "interjecting"],
    ["explode", "explodes", "exploded", "exploding"],
    ["snap", "snaps", "snapped", "snapping"],
    ["scoff", "scoffs", "scoffed", "scoffing"],
    ["laugh", "laughs", "laughed", "laughing"],
    ["chant", "chants", "chanted", "chanting"],
    ["sing", "sings", "sang", "singing"],
    ["cry", "cries", "cried", "crying"],
    ["exclaim", "exclaims", "exclaimed", "exclaiming"],
    ["proclaim", "proclaims", "proclaimed", "proclaiming"],
    ["muse", "muses", "mused", "musing"],
    ["plead", "pleads", "pleaded", "pleading"],
    ["inquire", "inquires", "inquired", "inquiring"],
    ["answer", "answers", "answered", "answering"],
    ["clarify", "clarifies", "clarified", "clarifying"],
    ["underline", "underlines", "underlined", "underlining"],
    ["signal", "signals", "signalled", "signalling"],
    ["hint", "hints", "hinted", "hinting"],
];

/// Verbs of belief, knowledge and intention: "she believes that ...", "they fear ...".
const THOUGHT: &[[&str; 4]] = &[
    ["believe", "believes", "believed", "believing"],
    ["think", "thinks", "thought", "thinking"],
    ["expect", "expects", "expected", "expecting"],
    ["fear", "fears", "feared", "fearing"],
    ["hope", "hopes", "hoped", "hoping"],
    ["know", "knows", "knew", "knowing"],
    ["feel", "feels", "felt", "feeling"],
    ["worry", "worries", "worried", "worrying"],
    ["doubt", "doubts", "doubted", "doubting"],
    ["wonder", "wonders", "wondered", "wondering"],
    ["suspect", "suspects", "suspected", "suspecting"],
    ["learn", "learns", "learned", "learning"],
];

/// Verbs of intention and commitment whose content is an infinitive: "vowed to form a task
/// force", "declined to comment", "wants to preserve the policy". Cues only before "to".
const INTENT: &[[&str; 4]] = &[
    ["want", "wants", "wanted", "wanting"],
    ["plan", "plans", "planned", "planning"],
    ["refuse", "refuses", "refused", "refusing"],
    ["decline", "declines", "declined", "declining"],
    ["offer", "offers", "offered", "offering"],
    ["seek", "seeks", "sought", "seeking"],
    ["intend", "intends", "intended", "intending"],
    ["agree", "agrees", "agreed", "agreeing"],
    ["promise", "promises", "promised", "promising"],
    ["vow", "vows", "vowed", "vowing"],
    ["pledge", "pledges", "pledged", "pledging"],
    ["threaten", "threatens", "threatened", "threatening"],
    ["propose", "proposes", "proposed", "proposing"],
    ["demand", "demands", "demanded", "demanding"],
    ["hope", "hopes", "hoped", "hoping"],
    ["vote", "votes", "voted", "voting"],
];

/// Verbs that address a hearer and ask something of them: "urged Republicans to join",
/// "called on voters to turn out". Their content is the hearer with the infinitive.
const APPEAL: &[[&str; 4]] = &[
    ["urge", "urges", "urged", "urging"],
    ["ask", "asks", "asked", "asking"],
    ["encourage", "encourages", "encouraged", "encouraging"],
    ["implore", "implores", "implored", "imploring"],
    ["invite", "invites", "invited", "inviting"],
    ["press", "presses", "pressed", "pressing"],
    ["advise", "advises", "advised", "advising"],
    ["tell", "tells", "told", "telling"],
    ["warn", "warns", "warned", "warning"],
    ["remind", "reminds", "reminded", "reminding"],
];

/// Verbs of stance and citation whose object is what is held or said: "cited the poll",
/// "endorsed Clinton", "rejected that argument". Cues only with an object after them.
const STANCE: &[[&str; 4]] = &[
    ["cite", "cites", "cited", "citing"],
    ["support", "supports", "supported", "supporting"],
    ["endorse", "endorses", "endorsed", "endorsing"],
    ["oppose", "opposes", "opposed", "opposing"],
    ["reject", "rejects", "rejected", "rejecting"],
    ["criticize", "criticizes", "criticized", "criticizing"],
    ["criticise", "criticises", "criticised", "criticising"],
    ["praise", "praises", "praised", "praising"],
    ["condemn", "condemns", "condemned", "condemning"],
    ["denounce", "denounces", "denounced", "denouncing"],
    ["blame", "blames", "blamed", "blaming"],
    ["question", "questions", "questioned", "questioning"],
    ["defend", "defends", "defended", "defending"],
    ["welcome", "welcomes", "welcomed", "welcoming"],
    ["dismiss", "dismisses", "dismissed", "dismissing"],
    ["applaud", "applauds", "applauded", "applauding"],
    ["accuse", "accuses", "accused", "accusing"],
    ["recommend", "recommends", "recommended", "recommending"],
    ["advocate", "advocates", "advocated", "advocating"],
    ["announce", "announces", "announced", "announcing"],
    ["propose", "proposes", "proposed", "proposing"],
    ["demand", "demands", "demanded", "demanding"],
    ["describe", "describes", "described", "describing"],
    ["promise", "promises", "promised", "promising"],
    ["note", "notes", "noted", "noting"],
    ["mention", "mentions", "mentioned", "mentioning"],
    ["report", "reports", "reported", "reporting"],
    ["offer", "offers", "offered", "offering"],
];

/// Whether `word` is a verb of stance or citation that takes its content as an object.
pub fn takes_object(word: &str) -> bool {
    STANCE.iter().any(|forms| forms.contains(&word))
}

/// Verbs of talking that are cues only with their topic: "spoke about her ties to the church".
pub fn is_talk(word: &str) -> bool {
    matches!(
        word,
        "speak"
            | "speaks"
            | "spoke"
            | "speaking"
            | "talk"
            | "talks"
            | "talked"
            | "talking"
            | "rail"
            | "rails"
            | "railed"
            | "railing"
    )
}

/// Forms of "refer": "referring to the convention" names what a remark was about.
pub fn is_reference(word: &str) -> bool {
    matches!(word, "refer" | "refers" | "referred" | "referring")
}

/// Prepositions that introduce what was said or thought about: "warned against", "spoke of".
pub fn is_topic_preposition(word: &str) -> bool {
    matches!(word, "about" | "of" | "on" | "against" | "over")
}

/// Nouns that name what someone said or asked for: "his claim that", "her call for".
pub fn is_claim_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "claims"
            | "assertion"
            | "insistence"
            | "promise"
            | "pledge"
            | "vow"
            | "warning"
            | "call"
            | "calls"
            | "demand"
            | "demands"
            | "suggestion"
            | "argument"
            | "statement"
            | "criticism"
            | "denial"
            | "admission"
            | "threat"
            | "proposal"
            | "plan"
            | "plans"
    )
}

/// Forms of "express", a cue with the attitude it names: "expressed hope that ...".
pub fn is_express(word: &str) -> bool {
    matches!(word, "express" | "expresses" | "expressed" | "expressing")
}

/// Forms of "call", a cue in "called for a ceasefire" and "called on them to ...".
pub fn is_call(word: &str) -> bool {
    matches!(word, "call" | "calls" | "called" | "calling")
}

/// Whether `word` is a verb of intention that takes its content as an infinitive.
pub fn takes_infinitive(word: &str) -> bool {
    INTENT.iter().any(|forms| forms.contains(&word))
}

/// Whether `word` is a verb of appeal: its hearer and an infinitive are its content.
pub fn is_appeal(word: &str) -> bool {
    APPEAL.iter().any(|forms| forms.contains(&word))
}

/// Whether `word` (lower case) is a form of a speech verb.
pub fn is_speech(word: &str) -> bool {
    SPEECH.iter().any(|forms| forms.contains(&word))
}

/// Whether `word` is the bare form of a cue verb ("say", "caution", "report"), which is as
/// often a noun or an infinitive as a finite verb.
pub fn is_base_form(word: &str) -> bool {
    SPEECH
        .iter()
        .chain(THOUGHT)
        .chain(INTENT)
        .chain(APPEAL)
        .chain(STANCE)
        .any(|forms| forms[0] == word)
        || word == "call"
}

/// Whether `word` (lower case) is a form of a verb of belief or intention.
pub fn is_thought(word: &str) -> bool {
    THOUGHT.iter().any(|forms| forms.contains(&word))
}

/// Whether the verb form reports what someone says or thinks.
pub fn says_or_thinks(word: &str) -> bool {
    is_speech(word) || is_thought(word)
}

/// Words that open a subordinate clause ("though", "because", "if").
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "though" | "although" | "while" | "whereas" | "because" | "since" | "if" | "unless"
    )
}

/// Whether the verb form may take its content as a bare clause ("said the talks failed");
/// every other cue needs a frame after it ("that", a quote, a colon) before it counts,
/// since most speech verbs also take plain objects ("added a clause", "found the body").
pub fn takes_bare_clause(word: &str) -> bool {
    const LEMMAS: &[&str] = &[
        "say",
        "tell",
        "add",
        "write",
        "note",
        "argue",
        "insist",
        "claim",
        "warn",
        "explain",
        "suggest",
        "acknowledge",
        "admit",
        "predict",
        "believe",
        "think",
        "hope",
        "fear",
        "know",
        "feel",
        "assert",
        "contend",
        "concede",
        "recall",
        "complain",
        "reply",
        "respond",
        "deny",
    ];
    SPEECH
        .iter()
        .chain(THOUGHT)
        .any(|forms| LEMMAS.contains(&forms[0]) && forms.contains(&word))
}

/// Nouns for documents and measurements, which "show" and "find" things in a bare clause:
/// "polls show Clinton leading", "the study found most voters undecided".
pub fn is_document(word: &str) -> bool {
    matches!(
        word,
        "poll"
            | "polls"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "data"
            | "report"
            | "reports"
            | "records"
            | "figures"
            | "documents"
            | "analysis"
            | "research"
            | "numbers"
            | "results"
            | "video"
            | "footage"
            | "statistics"
            | "estimates"
            | "review"
            | "audit"
            | "investigation"
            | "emails"
            | "filings"
            | "memo"
            | "transcript"
    )
}

/// Verbs whose first object is the hearer, not the content: "told reporters that ...". The
/// verbs of appeal, and a few that inform or reassure.
pub fn takes_hearer(word: &str) -> bool {
    is_appeal(word)
        || matches!(
            word,
            "assure" | "assured" | "promise" | "promised" | "inform" | "informed"
        )
}

/// Pronouns that can name a speaker, with whether they point at one person.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "she" => Some(Pronoun::Singular),
        "they" => Some(Pronoun::Plural),
        "i" | "we" | "you" | "it" => Some(Pronoun::Other),
        "who" | "which" => Some(Pronoun::Relative),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Singular,
    Plural,
    Relative,
    Other,
}

/// Words that may stand between a speaker and the verb: auxiliaries and adverbs
/// ("has also said", "later told"). Words ending in "-ly" are adverbs too.
pub fn is_between(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "has"
            | "have"
            | "had"
            | "'s"
            | "’s"
            | "would"
            | "will"
            | "could"
            | "might"
            | "may"
            | "did"
            | "does"
            | "do"
            | "later"
            | "then"
            | "once"
            | "again"
            | "further"
            | "often"
            | "never"
            | "already"
            | "even"
            | "still"
            | "since"
            | "earlier"
            | "just"
            | "not"
            | "n't"
            | "'ve"
            | "’ve"
            | "recently"
    ) || (word.len() > 4 && word.ends_with("ly") && !matches!(word, "early" | "family" | "ally"))
}

/// Words that may begin a speaker's noun phrase and belong to it.
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "each"
            | "every"
            | "this"
            | "that"
            | "these"
            | "those"
            | "another"
            | "other"
            | "some"
            | "many"
            | "several"
            | "two"
            | "three"
            | "both"
            | "one"
            | "most"
            | "few"
    )
}

/// Auxiliary and modal verbs: a clause has one ("the event was canceled", "has surged").
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "may"
            | "might"
    )
}

/// Whether a lower-case word is a plural noun: "officials", "voters", "people".
pub fn is_plural_noun(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss") && word.len() > 3)
        || matches!(word, "people" | "men" | "women" | "children" | "data")
}

/// Words that open a question: "asked whether", "asked Obama what he thought".
pub fn is_question_word(word: &str) -> bool {
    matches!(
        word,
        "whether" | "if" | "how" | "why" | "what" | "who" | "when" | "where" | "which"
    )
}

/// Verbs of perception that report a judgement with "as": "sees Cruz as a uniter", "viewed the
/// plan as a threat".
pub fn is_perception(word: &str) -> bool {
    matches!(
        word,
        "see"
            | "sees"
            | "saw"
            | "seeing"
            | "view"
            | "views"
            | "viewed"
            | "viewing"
            | "regard"
            | "regards"
            | "regarded"
            | "regarding"
    )
}

/// Whether a token is the possessive "'s" (straight or curly).
pub fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s")
}
