use super::*;
use tri_model::{Quote, QuoteKind, Source, SourceKind};

fn run(text: &str, at: &Attributions) -> Vec<Figure> {
    let segmented = tri_text::segment(text);
    extract(&Input {
        text,
        segmented: &segmented,
        entities: &[],
        attributions: at,
    })
}

fn figures(text: &str) -> Vec<Figure> {
    run(text, &Attributions::default())
}

/// The one figure of `text`.
fn one(text: &str) -> Figure {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text:?}: {f:#?}");
    f.into_iter().next().unwrap()
}

fn texts(text: &str) -> Vec<String> {
    figures(text).into_iter().map(|f| f.text).collect()
}

#[test]
fn digits_with_separators_and_decimals() {
    assert_eq!(one("They deployed 110,000 troops.").value, 110_000.0);
    assert_eq!(one("It rose to 3.75 m.").value, 3.75);
    assert_eq!(one("Sales of 1,234,567 tonnes.").value, 1_234_567.0);
    assert_eq!(one("p < .05 was used.").value, 0.05);
}

#[test]
fn number_words() {
    assert_eq!(one("He met five ministers.").value, 5.0);
    assert_eq!(one("It lasted twenty-three days.").value, 23.0);
    assert_eq!(one("A dozen drones were launched.").value, 12.0);
    assert_eq!(one("They sent two hundred and five trucks.").value, 205.0);
    let f = one("Hundreds of people fled.");
    assert_eq!((f.value, f.approx), (200.0, Some(Approximation::AtLeast)));
    assert_eq!(f.counted.as_deref(), Some("people"));
}

#[test]
fn fractions() {
    let f = one("Russia controls nearly one-fifth of Ukraine.");
    assert_eq!((f.value, f.unit.as_deref()), (0.2, Some("fraction")));
    assert_eq!(f.text, "nearly one-fifth of Ukraine");
    assert_eq!(f.counted.as_deref(), Some("Ukraine"));
    assert_eq!(one("Moscow occupies a fifth of Ukraine.").value, 0.2);
    assert_eq!(one("It holds half of the region.").value, 0.5);
    assert!((one("It holds a third of the land.").value - 1.0 / 3.0).abs() < 1e-9);
    assert!((one("It holds two-thirds of the land.").value - 2.0 / 3.0).abs() < 1e-9);
    // "the first half of 2025" is a period, no fraction.
    assert!(figures("Prices rose in the first half of 2025.").is_empty());
}

#[test]
fn scales_and_currencies() {
    let f = one("$300 billion in assets remain frozen.");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.kind),
        (3e11, Some("USD"), FigureKind::Money)
    );
    assert_eq!(one("It costs €5m a year.").value, 5e6);
    assert_eq!(one("It costs €5m a year.").unit.as_deref(), Some("EUR"));
    assert_eq!(one("A fund of £2.5bn.").unit.as_deref(), Some("GBP"));
    assert_eq!(one("A deal worth US$40 million.").value, 4e7);
    let f = one("They paid 5 million hryvnias.");
    assert_eq!((f.value, f.unit.as_deref()), (5e6, Some("UAH")));
    assert_eq!(
        one("Fines of 200,000 roubles.").unit.as_deref(),
        Some("RUB")
    );
    assert_eq!(one("Fines of 200,000 rubles.").unit.as_deref(), Some("RUB"));
    assert_eq!(
        one("It raised 3 billion dollars.").unit.as_deref(),
        Some("USD")
    );
    assert_eq!(one("It raised 7 bn euros.").unit.as_deref(), Some("EUR"));
    // "m" is million only in money: "5 m" is metres.
    assert_eq!(one("A wall 5 m high.").unit.as_deref(), Some("m"));
}

#[test]
fn percentages() {
    for text in [
        "100% tariffs",
        "40 percent of voters",
        "40 per cent of voters",
    ] {
        let f = one(text);
        assert_eq!(
            (f.unit.as_deref(), f.kind),
            (Some("percent"), FigureKind::Percent),
            "{text}"
        );
    }
    assert_eq!(
        one("40 percent of voters").counted.as_deref(),
        Some("voters")
    );
    assert_eq!(
        one("Trump threatened 100% tariffs.").counted.as_deref(),
        Some("tariffs")
    );
}

#[test]
fn areas_and_lengths() {
    for (text, unit) in [
        ("gained 1,415 square kilometers", "km2"),
        ("gained 1,415 square kilometres", "km2"),
        ("gained 1,415 sq km", "km2"),
        ("gained 1,415 km²", "km2"),
        ("a 30 km front", "km"),
        ("10 miles away", "mi"),
        ("a speed of 20 m s−1", "m·s-1"),
        ("5 mg/L of lead", "mg/L"),
        ("at 300 °C", "°C"),
        ("cooled to 55 K.", "K"),
        ("5 nm thick", "nm"),
    ] {
        assert_eq!(one(text).unit.as_deref(), Some(unit), "{text}");
    }
}

#[test]
fn ranges() {
    let f = one("between 20 and 30 drones");
    assert_eq!((f.value, f.upper), (20.0, Some(30.0)));
    assert_eq!(f.text, "between 20 and 30 drones");
    let f = one("could collapse in two or three months");
    assert_eq!(
        (f.value, f.upper, f.unit.as_deref()),
        (2.0, Some(3.0), Some("months"))
    );
    assert_eq!(one("5–7 days later").upper, Some(7.0));
    assert_eq!(one("from 2605 m to 2634 m").upper, Some(2634.0));
    assert_eq!(one("20 to 30 people").upper, Some(30.0));
    let f = one("$5-10 billion in aid");
    assert_eq!((f.value, f.upper), (5e9, Some(1e10)));
    let f = one("between −2 and −7‰");
    assert_eq!((f.value, f.upper), (-2.0, Some(-7.0)));
    let f = one("five or more people");
    assert_eq!((f.value, f.approx), (5.0, Some(Approximation::AtLeast)));
}

#[test]
fn approximations() {
    for (text, a, written) in [
        ("nearly 40 people", Approximation::Nearly, "nearly"),
        ("almost 40 people", Approximation::Nearly, "almost"),
        ("roughly 40 people", Approximation::Approximately, "roughly"),
        (
            "around 5,000 square kilometers",
            Approximation::Approximately,
            "around",
        ),
        ("about 40 people", Approximation::Approximately, "about"),
        ("some 40 people", Approximation::Approximately, "some"),
        ("more than 40 people", Approximation::MoreThan, "more than"),
        ("over 40 people", Approximation::MoreThan, "over"),
        ("at least 40 people", Approximation::AtLeast, "at least"),
        ("up to 40 people", Approximation::UpTo, "up to"),
        (
            "fewer than 40 people",
            Approximation::LessThan,
            "fewer than",
        ),
        ("~15 kR", Approximation::Approximately, "~"),
    ] {
        let f = one(text);
        assert_eq!(
            (f.approx, f.approx_text.as_deref()),
            (Some(a), Some(written)),
            "{text}"
        );
        assert!(f.text.starts_with(written), "{text}: {}", f.text);
    }
    // "over" a time is during it, no bound.
    let f = one("taken shape over 40 months since the outbreak");
    assert_eq!((f.approx, f.unit.as_deref()), (None, Some("months")));
}

#[test]
fn counts_of_people_and_what_happened_to_them() {
    let f = figures("A recent attack on Kyiv killed 31 people, including five children.");
    assert_eq!(f.len(), 2);
    assert_eq!(
        (f[0].value, f[0].counted.as_deref()),
        (31.0, Some("people killed"))
    );
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    assert_eq!(f[0].kind, FigureKind::Count);
    assert_eq!(
        (f[1].value, f[1].counted.as_deref()),
        (5.0, Some("children"))
    );
    let f = one("At least 12 people were killed.");
    assert_eq!(f.counted.as_deref(), Some("people killed"));
    let f = one("Ukraine losing 502 square kilometers in July");
    assert_eq!(f.counted.as_deref(), Some("square kilometers lost"));
    assert_eq!(
        one("four Ukrainian regions").counted.as_deref(),
        Some("regions")
    );
}

#[test]
fn years_dates_times_and_identifiers_are_no_figures() {
    for text in [
        "In 2025, talks resumed.",
        "On July 8 he spoke.",
        "On 8 July he spoke.",
        "On March 12, 2025, Putin visited.",
        "The meeting starts at 10:30.",
        "The meeting starts at 10 a.m. on Friday.",
        "It is the 10th round.",
        "In the 1990s it grew.",
        "Under Article 5 of the treaty.",
        "He lives at No. 10 Downing Street.",
        "See Table 2 and Fig. 3.",
        "F-16 jets and Su-34 bombers and the COVID-19 crisis.",
        "Flight MH17 was downed.",
        "As shown before [13].",
        "Call +7 495 123 45 67 now.",
        "Call 555-1234 now.",
        "Dated 2025-08-08 and 08/05/2025.",
        "Read https://www.toutiao.com/article/7525364565807317567/ today.",
        "One of them spoke.",
        "The two met on Friday.",
        "At phases 3, 5, and 7 they were measured.",
        "Earlier work (26,29,49) found it.",
    ] {
        assert_eq!(texts(text), Vec::<String>::new(), "{text}");
    }
    // A year range is a period; a plain number after a name is part of the name.
    assert!(figures("from 1985 to 1988").is_empty());
    assert!(figures("Then Voyager 1 (1980) and Pioneer 11 flew by.").is_empty());
}

#[test]
fn periods() {
    let f = one("Russia gained 1,415 square kilometers in the past three months.");
    assert_eq!(f.period.as_deref(), Some("in the past three months"));
    assert_eq!(
        f.period_span
            .unwrap()
            .of("Russia gained 1,415 square kilometers in the past three months."),
        "in the past three months"
    );
    assert_eq!(
        one("Ukraine lost 502 square kilometers in July.")
            .period
            .as_deref(),
        Some("in July")
    );
    assert_eq!(
        one("It lost 502 square kilometers in July 2025.")
            .period
            .as_deref(),
        Some("in July 2025")
    );
    assert_eq!(
        one("Russian forces made gains in 2025, capturing around 5,000 square kilometers.")
            .period
            .as_deref(),
        Some("in 2025")
    );
    assert_eq!(
        one("Exports fell 12% last year.").period.as_deref(),
        Some("last year")
    );
    assert_eq!(
        one("It earns $5 billion a year.").period.as_deref(),
        Some("a year")
    );
    assert_eq!(one("Some 40 people died.").period, None);
}

#[test]
fn sources_from_cues() {
    let f = one(
        "Russia gained 1,415 square kilometers in the past three months, per DeepStateMap data.",
    );
    assert_eq!(f.source.as_deref(), Some("DeepStateMap"));
    let text = "Ukraine lost 502 square kilometers in July, according to Finland\u{2019}s Black Bird Group.";
    let f = one(text);
    assert_eq!(f.source.as_deref(), Some("Black Bird Group"));
    assert_eq!(f.source_span.unwrap().of(text), "Black Bird Group");
    assert_eq!(
        one("Exports fell 12%, according to the Institute for the Study of War.")
            .source
            .as_deref(),
        Some("Institute for the Study of War")
    );
    // "per" before a lower-case word is a rate, no source.
    assert_eq!(one("It used 5 litres per day.").source, None);
}

#[test]
fn a_figure_in_a_quote_gets_its_speaker() {
    let text = "Syrskyi said that Russian forces have gathered 110,000 troops near Pokrovsk.";
    let content_start = text.find("Russian").unwrap();
    let at = Attributions {
        sources: vec![Source {
            kind: SourceKind::Person,
            name: "Oleksandr Syrskyi".into(),
            entity: None,
            role: None,
            affiliation: None,
            count: None,
            descriptor: None,
            member_of: None,
            outlet: None,
            mentions: vec![Span::new(0, 7)],
        }],
        quotes: vec![Quote {
            kind: QuoteKind::Indirect,
            fragment: false,
            text: text[content_start..text.len() - 1].into(),
            parts: vec![Span::new(content_start, text.len() - 1)],
            cue: Some(Span::new(8, 12)),
            speaker: Some(Span::new(0, 7)),
            source: Some(0),
            via: None,
        }],
        ..Attributions::default()
    };
    let f = run(text, &at);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].source.as_deref(), Some("Oleksandr Syrskyi"));
    assert_eq!(f[0].source_span, Some(Span::new(0, 7)));
    assert_eq!(f[0].quote, Some(0));
    // Outside the quote, no speaker.
    assert_eq!(one("They gathered 110,000 troops.").source, None);
}

#[test]
fn spans_point_into_the_text() {
    let text = "Ukraine \u{2014} nearly one-fifth of Ukraine, $300 billion and 1,415 km\u{b2}.";
    for f in figures(text) {
        assert_eq!(f.span.of(text), f.text);
        if let Some(u) = f.counted_span {
            assert!(text.is_char_boundary(u.start) && text.is_char_boundary(u.end));
        }
    }
    assert_eq!(figures(text).len(), 3);
}

#[test]
fn units_normalise_alone() {
    assert_eq!(normalize_unit("square kilometres").as_deref(), Some("km2"));
    assert_eq!(normalize_unit("km²").as_deref(), Some("km2"));
    assert_eq!(normalize_unit("%").as_deref(), Some("percent"));
    assert_eq!(normalize_unit("dollars").as_deref(), Some("USD"));
    assert_eq!(normalize_unit("m s−1").as_deref(), Some("m·s-1"));
    assert_eq!(normalize_unit("K").as_deref(), Some("K"));
    assert_eq!(normalize_unit("frobnicators"), None);
}

#[test]
fn the_lexicon_parses_and_its_fingerprint_names_it() {
    let lex = lexicon::lexicon();
    assert!(lex.units.len() > 300 && lex.numbers.len() >= 28 && !lex.labels.is_empty());
    assert!(fingerprint().starts_with(env!("CARGO_PKG_VERSION")));
    assert_ne!(
        lexicon::parse("unit\tfoo\tfoo\t\n").units.len(),
        lex.units.len()
    );
}
