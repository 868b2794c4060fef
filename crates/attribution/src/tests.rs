//! Behaviour on short texts: each test is one construction a reader relies on.

use super::*;

fn run(text: &str) -> Attributions {
    run_with(text, None, None)
}

fn run_with(text: &str, outlet: Option<&str>, title: Option<&str>) -> Attributions {
    let annotator = tri_annotate::Annotator::bundled().unwrap();
    annotator
        .annotate_with(text, Some("en"), outlet, title)
        .attributions
}

/// (quote text, speaker name) pairs.
fn quotes(at: &Attributions) -> Vec<(String, Option<String>)> {
    at.quotes
        .iter()
        .map(|q| (q.text.clone(), q.source.map(|s| at.sources[s].name.clone())))
        .collect()
}

fn by<'a>(at: &'a Attributions, text: &str) -> &'a Source {
    let q = at
        .quotes
        .iter()
        .find(|q| q.text.contains(text))
        .unwrap_or_else(|| panic!("no quote {text:?} in {:?}", quotes(at)));
    &at.sources[q.source.unwrap_or_else(|| panic!("{text:?} has no source"))]
}

#[test]
fn a_quote_split_by_its_cue_is_one_quote() {
    let text = "\u{201C}It is indeed true,\u{201D} Putin said, \u{201C}the reality is always much more complicated than imagined.\u{201D}";
    let at = run(text);
    assert_eq!(at.quotes.len(), 1, "{:?}", quotes(&at));
    let q = &at.quotes[0];
    assert_eq!(q.parts.len(), 2);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.unwrap().of(text), "said");
    assert_eq!(at.sources[q.source.unwrap()].name, "Vladimir Putin");
}

#[test]
fn inverted_cues_and_appositions_give_name_role_and_affiliation() {
    let text = "\u{201C}The probability is very low,\u{201D} said Ben Barry, a senior fellow in the land warfare division of the International Institute for Strategic Studies.";
    let at = run(text);
    let s = by(&at, "probability");
    assert_eq!(s.kind, SourceKind::Person);
    assert_eq!(s.name, "Ben Barry");
    assert_eq!(s.role.as_deref(), Some("senior fellow"));
    assert_eq!(
        s.affiliation.as_deref(),
        Some("International Institute for Strategic Studies")
    );
}

#[test]
fn a_quote_over_several_paragraphs_is_one_quote() {
    let text = "Caddell continued:\n\n\u{201C}The health issue is a partisan issue.\n\n\u{201C}But that does not account for the numbers.\u{201D}\n\nThe interview ended.";
    let at = run(text);
    let q = at
        .quotes
        .iter()
        .find(|q| q.text.contains("health issue"))
        .unwrap();
    assert_eq!(q.parts.len(), 2, "{:?}", quotes(&at));
    assert!(q.text.contains("numbers"));
    assert_eq!(at.sources[q.source.unwrap()].name, "Caddell");
}

#[test]
fn a_quote_with_no_cue_continues_the_speaker_before_it() {
    let text = "\u{201C}We remain calm about it,\u{201D} Peskov said.\n\n\u{201C}We expect to continue the dialogue with Washington.\u{201D}";
    let at = run(text);
    assert_eq!(by(&at, "continue the dialogue").name, "Dmitry Peskov");
}

#[test]
fn scare_quotes_go_to_the_sentence_speaker() {
    let text = "Meanwhile, Ukraine has endured some of the deadliest strikes this year, with Prime Minister Yulia Svyrydenko urging \u{201C}maximum pressure\u{201D} on Russia.";
    let at = run(text);
    let q = at
        .quotes
        .iter()
        .find(|q| q.text == "maximum pressure")
        .unwrap();
    assert!(q.fragment);
    assert_eq!(at.sources[q.source.unwrap()].name, "Yulia Svyrydenko");
}

#[test]
fn reported_speech_after_said_that_and_according_to() {
    let text = "Peskov said at a press conference that day that providing weapons to Ukraine is inconsistent with peace. According to two people close to the Kremlin, Putin is confident that Russia's advantage is increasing.";
    let at = run(text);
    let q = at
        .quotes
        .iter()
        .find(|q| q.text.starts_with("providing weapons"))
        .unwrap_or_else(|| panic!("{:?}", quotes(&at)));
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.unwrap().of(text), "said");
    let q = at
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Putin is confident"))
        .unwrap();
    assert_eq!(q.cue.unwrap().of(text), "According to");
    let s = &at.sources[q.source.unwrap()];
    assert_eq!(
        (s.kind, s.count, s.affiliation.as_deref()),
        (SourceKind::Anonymous, Some(2), Some("Kremlin"))
    );
}

#[test]
fn content_before_the_cue_is_what_was_said() {
    let text =
        "Russia's economy is resilient enough to withstand Western pressure, the sources said.";
    let at = run(text);
    assert_eq!(at.quotes.len(), 1, "{:?}", quotes(&at));
    assert!(at.quotes[0]
        .text
        .starts_with("Russia's economy is resilient"));
    assert_eq!(at.quotes[0].kind, QuoteKind::Indirect);
}

#[test]
fn a_quoted_phrase_in_reported_speech_makes_it_mixed() {
    let text = "Trump said that he had approved more weapons for Ukraine and was \"seriously considering\" further sanctions.";
    let at = run(text);
    let q = at
        .quotes
        .iter()
        .find(|q| q.text.starts_with("he had approved"))
        .unwrap();
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(by(&at, "seriously considering").name, "Trump");
}

#[test]
fn one_source_is_one_of_the_group_and_the_official_is_the_official() {
    let text = "Putin will press on, according to three sources close to the Kremlin.\n\n\u{201C}Appetite comes with eating,\u{201D} one source said.\n\nTrump may lose, according to one senior European official. Europe will push back, the official added.";
    let at = run(text);
    let group = at
        .sources
        .iter()
        .position(|s| s.descriptor.as_deref() == Some("three sources close to the Kremlin"))
        .unwrap();
    assert_eq!(at.sources[group].count, Some(3));
    let one = by(&at, "Appetite");
    assert_eq!((one.count, one.member_of), (Some(1), Some(group)));
    assert_eq!(one.affiliation.as_deref(), Some("Kremlin"));
    let official = by(&at, "Europe will push back");
    assert_eq!(
        official.descriptor.as_deref(),
        Some("one senior European official")
    );
    assert_eq!(
        official.affiliation.as_deref(),
        Some("European governments")
    );
    assert_eq!(official.count, Some(1));
}

#[test]
fn pronouns_resolve_to_the_last_person_speaking() {
    let text = "Finnish President Alexander Stubb, who played golf with Lindsey Graham and Donald Trump in March, told a conference in Tallinn that he was optimistic.\n\n\u{201C}It depends on how the conversation goes on Monday,\u{201D} he said.";
    let at = run(text);
    assert_eq!(by(&at, "It depends").name, "Alexander Stubb");
}

#[test]
fn the_publication_is_the_outlet_the_article_retells() {
    let text = "Putin believes he has a strong hand, Bloomberg reports, writes UNN.\n\n\"Europe is trying to prevent a deal,\" the publication writes.";
    let at = run(text);
    assert_eq!(
        at.provenance.publisher.as_ref().map(|p| p.name.as_str()),
        Some("UNN")
    );
    let origin = &at.provenance.cited[at.provenance.origin.unwrap()];
    assert_eq!(origin.key.as_deref(), Some("org:bloomberg"));
    let s = by(&at, "prevent a deal");
    assert_eq!(
        (s.kind, s.entity.as_deref()),
        (SourceKind::Outlet, Some("org:bloomberg"))
    );
    // UNN relaying Bloomberg is the chain's first link, not a quote of its own.
    assert!(at
        .quotes
        .iter()
        .all(|q| q.source.is_none_or(|s| at.sources[s].name != "UNN")));
}

#[test]
fn a_photo_credit_is_not_an_origin_and_a_report_with_a_date_is() {
    let at = run("Putin is unlikely to accept the ultimatum (Courtesy: REUTERS/Marcos Brindicci)\n\nHowever, according to a report by The New York Times on July 9, Putin ignores Trump.");
    let cited: Vec<&str> = at
        .provenance
        .cited
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(cited, ["The New York Times"]);
    assert_eq!(at.provenance.cited[0].date.as_deref(), Some("July 9"));
    assert_eq!(at.provenance.cited[0].cue, "according to a report by");
}

#[test]
fn an_origin_named_only_in_the_title_is_found_and_none_is_invented() {
    let text = "President Vladimir Putin remains determined, according to three sources close to the Kremlin.";
    let at = run_with(
        text,
        None,
        Some("Putin to Press On in Ukraine Despite Trump's Threats, Reuters Report"),
    );
    let origin = &at.provenance.cited[at.provenance.origin.unwrap()];
    assert_eq!(origin.name, "Reuters");
    assert!(at.quotes.iter().all(|q| q.via == at.provenance.origin));
    let none = run(text);
    assert_eq!(none.provenance.origin, None);
    assert!(none.quotes.iter().all(|q| q.via.is_none()));
}

#[test]
fn titles_in_quotes_and_nouns_are_not_quotes() {
    let text = "Sunday on Fox News channel's \u{201C}Sunday Morning Futures,\u{201D} Rep. Darrell Issa said Clinton's judgment was poor. The report was published on Monday. They tweet a picture.";
    let at = run(text);
    let q = at
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Clinton's judgment"))
        .unwrap_or_else(|| panic!("{:?}", quotes(&at)));
    assert_eq!(at.sources[q.source.unwrap()].name, "Darrell Issa");
    assert!(
        at.quotes
            .iter()
            .all(|q| !q.text.contains("picture") && !q.text.contains("published")),
        "{:?}",
        quotes(&at)
    );
}

#[test]
fn attribution_is_deterministic_and_its_spans_fit_the_text() {
    let text = include_str!("../../../examples/seeds/004_4e2b5d02a6542def.txt");
    let a = run(text);
    assert_eq!(a, run(text));
    for q in &a.quotes {
        for p in q.parts.iter().chain(q.cue.iter()).chain(q.speaker.iter()) {
            assert!(
                text.is_char_boundary(p.start)
                    && text.is_char_boundary(p.end)
                    && p.end <= text.len()
            );
        }
    }
}

#[test]
fn she_is_not_a_man_the_article_names() {
    let text =
        "Donald Trump met Kristen Gillibrand on Monday. She said she was worried about the talks.";
    let at = run(text);
    assert_eq!(by(&at, "she was worried").name, "Kristen Gillibrand");
}

#[test]
fn odd_text_gives_no_quotes_and_no_panic() {
    for text in [
        "",
        "\"",
        "\u{201C}\u{201D}",
        "\"\"\"\"\"",
        "said said said according to",
        "\u{201C}unclosed quote that runs to the end said Peskov",
        "'' '' ''",
        "\u{2018}\u{2019}\u{2018}",
        "according to\n\n\u{201C}",
        "\u{0}\u{1}\u{fffd}\u{201C}x\u{201D} said \u{fffd}",
    ] {
        let at = run(text);
        for q in &at.quotes {
            for p in &q.parts {
                assert!(
                    p.end <= text.len()
                        && text.is_char_boundary(p.start)
                        && text.is_char_boundary(p.end)
                );
            }
            assert!(q.source.is_none_or(|s| s < at.sources.len()));
            assert!(q.via.is_none_or(|v| v < at.provenance.cited.len()));
        }
    }
}

#[test]
fn truncated_articles_never_panic() {
    // Every cut of a real article with quotes, cues and outlets: half-open quotes,
    // cues with nothing after them, sentences cut mid-name.
    let text = include_str!("../../../examples/seeds/004_4e2b5d02a6542def.txt");
    let cuts: Vec<usize> = (0..text.len())
        .step_by(97)
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    for &cut in &cuts {
        let part = &text[..cut];
        let at = run(part);
        assert!(at
            .quotes
            .iter()
            .all(|q| q.parts.iter().all(|p| p.end <= part.len())));
    }
}
