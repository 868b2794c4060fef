use super::*;

fn tags(text: &str, anchor: &str) -> Vec<(String, String, Option<String>)> {
    let seg = tri_text::segment(text);
    let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
    tag(text, &seg, anchor)
        .into_iter()
        .map(|t| (t.text, t.value, t.modifier))
        .collect()
}

fn values(text: &str, anchor: &str) -> Vec<(String, String)> {
    tags(text, anchor)
        .into_iter()
        .map(|(t, v, _)| (t, v))
        .collect()
}

fn pair(t: &str, v: &str) -> (String, String) {
    (t.to_string(), v.to_string())
}

#[test]
fn explicit_dates() {
    assert_eq!(
        values(
            "It happened on July 9, 2025, and on 2025-08-08 and 10/30/89.",
            "2025-08-05"
        ),
        [
            pair("July 9, 2025", "2025-07-09"),
            pair("2025-08-08", "2025-08-08"),
            pair("10/30/89", "1989-10-30")
        ]
    );
    assert_eq!(
        values("He was born in March 1990.", "2025-08-05"),
        [pair("March 1990", "1990-03")]
    );
}

#[test]
fn weekdays_go_back_in_past_tense_and_forward_before_a_deadline() {
    // 2025-08-05 is a Tuesday.
    assert_eq!(
        values("Putin said on Friday that talks would go on.", "2025-08-05"),
        [pair("Friday", "2025-08-01")]
    );
    assert_eq!(
        values("Trump's ultimatum expires Friday.", "2025-08-05"),
        [pair("Friday", "2025-08-08")]
    );
    assert_eq!(
        values("They met last Monday.", "2025-08-05"),
        [pair("last Monday", "2025-08-04")]
    );
}

#[test]
fn relative_units_and_ago() {
    assert_eq!(
        values(
            "Sales rose this year after falling last month and two years ago.",
            "2025-07-10"
        ),
        [
            pair("this year", "2025"),
            pair("last month", "2025-06"),
            pair("two years ago", "2023")
        ]
    );
    let end = tags("At the end of last month, Putin spoke.", "2025-07-10");
    assert_eq!(
        end,
        [(
            "the end of last month".to_string(),
            "2025-06".to_string(),
            Some("END".to_string())
        )]
    );
}

#[test]
fn durations_and_deictic_words() {
    assert_eq!(
        values(
            "Defences could collapse in two or three months; in the past 24 hours, now.",
            "2025-08-05"
        ),
        [
            pair("two or three months", "P2M"),
            pair("the past 24 hours", "PT24H"),
            pair("now", "PRESENT_REF")
        ]
    );
    assert_eq!(
        values("a two-week truce and several days", "2025-08-05"),
        [pair("two-week", "P2W"), pair("several days", "PXD")]
    );
    assert_eq!(
        values("Yesterday, Kyiv said.", "2025-08-05"),
        [pair("Yesterday", "2025-08-04")]
    );
}

#[test]
fn a_month_without_a_year_takes_the_anchors_unless_well_after_it_in_the_past() {
    // A statement dated after publication keeps the literal reading, to be flagged.
    assert_eq!(
        values(
            "The Kremlin warned on August 8 that this would prolong the conflict.",
            "2025-07-10"
        ),
        [pair("August 8", "2025-08-08")]
    );
    assert_eq!(
        values("Sales fell in October.", "1998-01-08"),
        [pair("October", "1997-10")]
    );
}

#[test]
fn may_the_verb_is_not_a_month() {
    assert!(values("Ukraine's defence may collapse.", "2025-08-05").is_empty());
    assert_eq!(
        values("Talks began in May.", "2025-08-05"),
        [pair("May", "2025-05")]
    );
}

#[test]
fn without_an_anchor_relative_values_keep_placeholders() {
    assert_eq!(
        values("It ends on July 9.", "none"),
        [pair("July 9", "XXXX-07-09")]
    );
}

#[test]
fn quarters_in_earnings_reports() {
    // An article of 1989-10-26: the quarter reported is the third.
    assert_eq!(
        values(
            "Third-quarter profit rose, compared with a year earlier; the quarter was strong.",
            "1989-10-26"
        ),
        [
            pair("Third-quarter", "1989-Q3"),
            pair("a year earlier", "1988-Q3"),
            pair("the quarter", "1989-Q3")
        ]
    );
    assert_eq!(
        values("In the fourth quarter sales fell.", "1990-02-10"),
        [pair("the fourth quarter", "1989-Q4")]
    );
}

#[test]
fn named_months_with_this_last_next_and_weekends() {
    assert_eq!(
        values(
            "The vote is this September, after last February.",
            "1998-03-05"
        ),
        [
            pair("this September", "1998-09"),
            pair("last February", "1998-02")
        ]
    );
    // 1990-08-13 is a Monday: "the weekend" just past is in ISO week 32.
    assert_eq!(
        values("Talks went on over the weekend.", "1990-08-13"),
        [pair("the weekend", "1990-W32-WE")]
    );
    assert_eq!(
        values("Prices are high every Thursday.", "1990-08-13"),
        [pair("every Thursday", "XXXX-WXX-4")]
    );
}

#[test]
fn seasons_mid_months_and_years_as_modifiers() {
    assert_eq!(
        values("Talks resume this summer.", "1998-03-22"),
        [pair("this summer", "1998-SU")]
    );
    let mid = tags("Shares fell in mid-November.", "1989-12-01");
    assert_eq!(
        mid,
        [(
            "mid-November".to_string(),
            "1989-11".to_string(),
            Some("MID".to_string())
        )]
    );
    assert_eq!(
        values(
            "after its 1990 invasion, in both 1990 and 1991",
            "1998-03-06"
        ),
        [
            pair("1990", "1990"),
            pair("1990", "1990"),
            pair("1991", "1991")
        ]
    );
    assert!(values("It sold 1990 cars.", "1998-03-06").is_empty());
}

#[test]
fn a_weekday_ahead_of_an_event_is_the_next_one() {
    // Seed 004, published on Sunday 2025-05-18.
    assert_eq!(
        values(
            "Putin has a strong hand ahead of a phone call with Donald Trump on Monday.",
            "2025-05-18"
        ),
        [pair("Monday", "2025-05-19")]
    );
    assert_eq!(
        values(
            "On Friday, during a phone call, Merz tried to make it clear.",
            "2025-05-18"
        ),
        [pair("Friday", "2025-05-16")]
    );
}

mod chronology {
    use crate::{chronology, ArticleTime, DateEvidence, PredictionKind};
    use tri_model::{DateSource, Published};

    fn run(text: &str, published: Option<&str>, url: Option<&str>) -> tri_model::Chronology {
        let seg = tri_text::segment(text);
        let published = published.map(|p| Published {
            value: p.into(),
            source: DateSource::MetaTag,
        });
        chronology(&ArticleTime {
            text,
            segmented: &seg,
            published: published.as_ref(),
            url,
        })
    }

    #[test]
    fn the_metadata_wins_over_the_url() {
        let c = run(
            "Talks resumed on Friday.",
            Some("2025-08-05T10:00:00+00:00"),
            Some("https://news.example/2024/01/02/talks"),
        );
        let p = c.publication.unwrap();
        assert_eq!(
            (p.date.as_str(), p.evidence),
            ("2025-08-05", DateEvidence::Metadata)
        );
        assert_eq!(c.timexes[0].value, "2025-08-01");
    }

    #[test]
    fn url_paths_date_an_article() {
        for (url, date) in [
            (
                "https://www.example.com/world/2025/07/10/kyiv-attack/",
                "2025-07-10",
            ),
            ("https://example.com/news/2025-08-05/putin", "2025-08-05"),
            ("https://example.com/a/20250805-putin-rejects", "2025-08-05"),
        ] {
            let p = run("Talks resumed.", None, Some(url)).publication.unwrap();
            assert_eq!(
                (p.date.as_str(), p.evidence),
                (date, DateEvidence::UrlPath),
                "{url}"
            );
        }
        // Not dates: an id, an impossible day, a year from the future.
        for url in [
            "https://example.com/story/12345678",
            "https://example.com/2025/13/45/x",
            "https://example.com/2999/01/01/x",
        ] {
            assert_eq!(
                run("Talks resumed.", None, Some(url)).publication,
                None,
                "{url}"
            );
        }
    }

    #[test]
    fn identifiers_that_encode_their_time_date_an_article() {
        let p = run(
            "Talks resumed.",
            None,
            Some("https://www.toutiao.com/article/7525364565807317567/"),
        )
        .publication
        .unwrap();
        assert_eq!(
            (p.date.as_str(), p.evidence),
            ("2025-07-10", DateEvidence::UrlIdentifier)
        );
        assert!(p.how.contains("2025-07-10T08:17:55Z"), "{}", p.how);
        // An X status id: 1,288,834,974,657 ms + (id >> 22).
        let p = run(
            "Talks resumed.",
            None,
            Some("https://x.com/someone/status/1952712345678901248"),
        )
        .publication
        .unwrap();
        assert_eq!(p.date, "2025-08-05");
        // The same digits on another site say nothing.
        let c = run(
            "Talks resumed.",
            None,
            Some("https://example.com/article/7525364565807317567"),
        );
        assert_eq!(c.publication, None);
    }

    #[test]
    fn a_date_line_dates_an_article_but_an_event_date_does_not() {
        let p = run(
            "KYIV, July 10, 2025 (Reuters) - Russia launched drones overnight.",
            None,
            None,
        )
        .publication
        .unwrap();
        assert_eq!(
            (p.date.as_str(), p.evidence),
            ("2025-07-10", DateEvidence::Dateline)
        );
        let p = run(
            "Published: 5 August 2025\nPutin rejected the deadline.",
            None,
            None,
        )
        .publication
        .unwrap();
        assert_eq!(p.date, "2025-08-05");
        assert_eq!(
            run("Putin met Trump on August 15, 2025 in Alaska.", None, None).publication,
            None
        );
        // The anchor it gives resolves the relative dates.
        let c = run(
            "KYIV, July 10, 2025 (Reuters) - Talks resumed on Monday.",
            None,
            None,
        );
        assert_eq!(c.timexes.last().unwrap().value, "2025-07-07");
    }

    #[test]
    fn past_statements_dated_after_publication_are_flagged() {
        let c = run(
            "The Kremlin warned on August 8 that this would prolong the war. On July 8, Trump said he approved weapons.",
            Some("2025-07-10"),
            None,
        );
        assert_eq!(c.flags.len(), 1, "{c:#?}");
        let f = &c.flags[0];
        assert_eq!(c.timexes[f.timex].text, "August 8");
        assert!(
            f.explanation.contains("possibly 2025-07-08"),
            "{}",
            f.explanation
        );
        // The same date in a forecast is not a contradiction.
        let c = run("Talks will resume on August 8.", Some("2025-07-10"), None);
        assert!(c.flags.is_empty(), "{c:#?}");
        assert_eq!(c.predictions.len(), 1);
    }

    #[test]
    fn forecasts_deadlines_and_scheduled_events_fall_due() {
        let c = run(
            "Trump's ultimatum expires Friday. Officials said defenses could collapse in two or three months. \
             Leaders meet ahead of talks on Monday. Sanctions will follow within 50 days. \
             Russia captured the town last month.",
            Some("2025-08-05"),
            None,
        );
        let got: Vec<(PredictionKind, &str, &str)> = c
            .predictions
            .iter()
            .map(|p| (p.kind, p.cue.as_str(), p.due.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (PredictionKind::Deadline, "expires", "2025-08-08"),
                (PredictionKind::Forecast, "could", "2025-11-05"),
                (PredictionKind::Scheduled, "ahead of", "2025-08-11"),
                (PredictionKind::Forecast, "will", "2025-09-24"),
            ]
        );
        // A forecast about a day already past is a report, not a prediction.
        let c = run(
            "He said Russia would win by last Monday.",
            Some("2025-08-05"),
            None,
        );
        assert!(c.predictions.is_empty(), "{:#?}", c.predictions);
    }

    #[test]
    fn periods_cover_their_days() {
        let p = |v: &str| crate::period_of(v).map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(p("2025"), Some(("2025-01-01".into(), "2025-12-31".into())));
        assert_eq!(
            p("2024-02"),
            Some(("2024-02-01".into(), "2024-02-29".into()))
        );
        assert_eq!(
            p("2025-Q3"),
            Some(("2025-07-01".into(), "2025-09-30".into()))
        );
        assert_eq!(
            p("2025-W32"),
            Some(("2025-08-04".into(), "2025-08-10".into()))
        );
        assert_eq!(
            p("2025-08-08T10:30"),
            Some(("2025-08-08".into(), "2025-08-08".into()))
        );
        assert_eq!(p("PRESENT_REF"), None);
        assert_eq!(p("XXXX-07-09"), None);
    }
}

#[test]
fn times_join_their_days_and_days_their_dates() {
    assert_eq!(
        values(
            "Bids are due by 5 p.m. EST Nov. 9. The vote was at 10 p.m. Wednesday.",
            "1989-11-02"
        ),
        [
            pair("5 p.m. EST Nov. 9", "1989-11-09T17:00"),
            pair("10 p.m. Wednesday", "1989-11-01T22:00")
        ]
    );
    assert_eq!(
        values("The rally is set for Saturday, April 25.", "1998-04-24"),
        [pair("Saturday, April 25", "1998-04-25")]
    );
}

#[test]
fn months_without_tense_take_the_nearest_year() {
    // A payment date ahead, a month behind, and a past statement a month ahead.
    assert_eq!(
        values("The dividend is payable Dec. 15.", "1989-11-02"),
        [pair("Dec. 15", "1989-12-15")]
    );
    assert_eq!(
        values("The January contract trades at $20.", "1989-11-02"),
        [pair("January", "1990-01")]
    );
    assert_eq!(
        values(
            "The Kremlin warned on December 8 that it would respond.",
            "1989-11-02"
        ),
        [pair("December 8", "1989-12-08")]
    );
    assert_eq!(
        values("Sales fell in March, the company said.", "1989-11-02"),
        [pair("March", "1989-03")]
    );
}

#[test]
fn decades_centuries_and_spelled_years() {
    assert_eq!(
        tags(
            "Growth slowed in the early 1980s and the mid-1990s.",
            "1998-02-13"
        ),
        [
            ("the early 1980s".into(), "198".into(), Some("START".into())),
            ("the mid-1990s".into(), "199".into(), Some("MID".into()))
        ]
    );
    assert_eq!(
        values(
            "In nineteen ninety-six, as in the nineties and the 20th century, it grew.",
            "1998-02-13"
        ),
        [
            pair("nineteen ninety-six", "1996"),
            pair("the nineties", "199"),
            pair("20th century", "19")
        ]
    );
    // Not a year: an amount of people.
    assert!(values("Two thousand people marched.", "1998-02-13").is_empty());
}

#[test]
fn years_that_name_a_thing() {
    assert_eq!(
        values(
            "He lost his unsuccessful 1996 campaign before the 2000 Olympics; mid-1996 was hard.",
            "1998-02-13"
        ),
        [
            pair("1996", "1996"),
            pair("2000", "2000"),
            pair("mid-1996", "1996")
        ]
    );
    assert!(values("Some 2000 soldiers died.", "1998-02-13").is_empty());
}

#[test]
fn quarters_of_a_named_year_and_vague_spans() {
    assert_eq!(
        values(
            "Profit rose from the 1988 quarter and from the third quarter of 1984.",
            "1989-10-30"
        ),
        [
            pair("the 1988 quarter", "1988-Q3"),
            pair("the third quarter of 1984", "1984-Q3")
        ]
    );
    assert_eq!(
        values("Talks went on for weeks, several years ago.", "1998-02-13"),
        [pair("weeks", "PXW"), pair("several years ago", "PAST_REF")]
    );
    assert_eq!(
        values("Three-quarters of the vote", "1998-02-13"),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn ages_extra_amounts_and_bounds() {
    assert_eq!(
        tags(
            "The 8-month-old boy will wait at least 20 more years; bulletins come hourly.",
            "1998-02-27"
        ),
        [
            ("8-month-old".into(), "P8M".into(), None),
            (
                "at least 20 more years".into(),
                "P20Y".into(),
                Some("EQUAL_OR_MORE".into())
            ),
            ("hourly".into(), "PT1H".into(), None)
        ]
    );
}

#[test]
fn rates_are_not_spans_of_time() {
    assert_eq!(
        values(
            "It pays $1.76 a year and saves $500 million a year; four flights a week fly. Victory came within a week.",
            "1989-10-30"
        ),
        [pair("a week", "P1W")]
    );
}

#[test]
fn ages_shares_and_ordinals_are_not_durations() {
    assert_eq!(
        values(
            "Howes, 37 years old, held more than a quarter of the shares. A second official said it took a second.",
            "1989-10-30"
        ),
        Vec::<(String, String)>::new()
    );
    assert_eq!(
        values("He paused for a second.", "1989-10-30"),
        [pair("a second", "PT1S")]
    );
}

#[test]
fn the_year_named() {
    assert_eq!(
        values(
            "Computers may fail in the year two thousand, or by the year 2000, not this year.",
            "1998-02-05"
        ),
        [
            pair("the year two thousand", "2000"),
            pair("the year 2000", "2000"),
            pair("this year", "1998")
        ]
    );
}

#[test]
fn the_nearest_verb_sets_the_year_of_a_month() {
    // The nearest verb group governs the date, not the "said" that reports it.
    assert_eq!(
        values(
            "Conseco Inc. said it is calling for the redemption on Dec. 7 of its shares.",
            "1989-10-30"
        ),
        [pair("Dec. 7", "1989-12-07")]
    );
    // A participle after "be" defers to its auxiliary; "succeed" is not a past form.
    assert_eq!(
        values(
            "Collins will be named commander of the Space Shuttle Columbia for a mission in December.",
            "1998-03-04"
        ),
        [pair("December", "1998-12")]
    );
    assert_eq!(
        values(
            "Mr. Schwarz will succeed Daniel P. Davison Feb. 1.",
            "1989-11-01"
        ),
        [pair("Feb. 1", "1990-02-01")]
    );
    assert_eq!(
        values(
            "Taylor, who stepped down as chairman, president and chief executive in March for health reasons, said it was time.",
            "1989-11-02"
        ),
        [pair("March", "1989-03")]
    );
    // "payable", "would", "to acquire" point ahead; an adjective in -ed is no verb.
    assert_eq!(
        values(
            "It declared a 10% stock dividend, payable Dec. 15.",
            "1989-10-26"
        ),
        [pair("Dec. 15", "1989-12-15")]
    );
    assert_eq!(
        values(
            "The split would be paid on a still unspecified date in January.",
            "1989-10-26"
        ),
        [pair("January", "1990-01")]
    );
    assert_eq!(
        values(
            "It announced an agreement to acquire the bank holding company in January.",
            "1989-10-26"
        ),
        [pair("January", "1990-01")]
    );
    // With no verb at all, a month well ahead is last year's.
    assert_eq!(
        values(
            "The stock rose to $42.875 in June from $29.75 in March.",
            "1989-10-30"
        ),
        [pair("June", "1989-06"), pair("March", "1989-03")]
    );
    // A limit ("by May") is ahead unless a past verb governs it.
    assert_eq!(
        values("The talks are supposed to conclude by May.", "1998-03-22"),
        [pair("May", "1998-05")]
    );
    assert_eq!(
        values(
            "Thirty-two members had filed reports by Wednesday.",
            "1990-08-16"
        ),
        [pair("Wednesday", "1990-08-15")]
    );
    assert_eq!(
        values(
            "Shares are to resume trading in Paris Tuesday, he said.",
            "1989-10-27"
        ),
        [pair("Tuesday", "1989-10-31")]
    );
}

#[test]
fn reporting_periods() {
    let anchor = "1989-10-30";
    assert_eq!(
        values("Net for this year's third quarter rose.", anchor),
        [pair("this year's third quarter", "1989-Q3")]
    );
    assert_eq!(
        values("In the 1988 third quarter, it lost money.", anchor),
        [pair("the 1988 third quarter", "1988-Q3")]
    );
    assert_eq!(
        values(
            "In the year-earlier third quarter, it earned $2.8 million.",
            anchor
        ),
        [pair("the year-earlier third quarter", "1988-Q3")]
    );
    assert_eq!(
        values(
            "It could be effective as early as next year's first quarter.",
            anchor
        ),
        [pair("next year's first quarter", "1990-Q1")]
    );
    assert_eq!(
        values("Profit for the fiscal first quarter fell.", anchor),
        [pair("the fiscal first quarter", "1989-Q1")]
    );
    assert_eq!(
        values("Sales were flat for the year ended March 31.", anchor),
        [pair("the year", "P1Y"), pair("March 31", "1989-03-31")]
    );
    assert_eq!(
        values(
            "It forecast an increase for the full year; fiscal 1989 sales rose.",
            anchor
        ),
        [pair("the full year", "1989"), pair("fiscal 1989", "1989")]
    );
    assert_eq!(
        values("Earnings will fall in the last half of 1989.", anchor),
        [pair("the last half of 1989", "1989-H2")]
    );
    assert!(
        values("Sales were flat in the last half of the '80s.", anchor)
            .iter()
            .all(|(_, v)| !v.ends_with("-H2"))
    );
    let tagged = tags("The deal should close by year-end.", anchor);
    assert_eq!(
        tagged,
        [(
            "year-end".to_string(),
            "1989".to_string(),
            Some("END".to_string())
        )]
    );
}

#[test]
fn vague_future_and_bounds() {
    let anchor = "1998-02-06";
    assert_eq!(
        values("The economy will slow in coming months.", anchor),
        [pair("coming months", "FUTURE_REF")]
    );
    assert_eq!(
        values("Islam will one day be the second largest religion.", anchor),
        [pair("one day", "FUTURE_REF")]
    );
    // "as soon as" and "soon after" tie one event to another: no date.
    assert!(values("They could leave as soon as the threats end.", anchor).is_empty());
    assert!(values("He was killed soon after being captured.", anchor).is_empty());
    // "daily flights" is a rate, "daily" alone a set.
    assert!(values("Qantas plans daily flights to Bombay.", anchor).is_empty());
    assert_eq!(values("It flies daily.", anchor), [pair("daily", "P1D")]);
    let tagged = tags("He left nearly four years ago, around Nov. 1.", anchor);
    assert_eq!(
        tagged,
        [
            (
                "nearly four years ago".to_string(),
                "1994".to_string(),
                Some("APPROX".to_string())
            ),
            (
                "around Nov. 1".to_string(),
                "1997-11-01".to_string(),
                Some("APPROX".to_string())
            )
        ]
    );
    assert_eq!(
        values(
            "They have kept the secret for almost a hundred years.",
            anchor
        ),
        [pair("almost a hundred years", "P100Y")]
    );
    assert_eq!(
        values(
            "Prices last hit that level in the winter of nineteen ninety-four.",
            anchor
        ),
        [pair("the winter of nineteen ninety-four", "1994-WI")]
    );
}

#[test]
fn the_following_year_counts_from_the_last_date_named() {
    assert_eq!(
        values(
            "On May 22, 1995, Farkas was made a general, and the following year he was appointed attache.",
            "1998-04-18"
        ),
        [pair("May 22, 1995", "1995-05-22"), pair("the following year", "1996")]
    );
    assert_eq!(
        values(
            "The talks opened on March 3, 1998. The next day the delegates left; that year ended badly.",
            "1998-06-01"
        ),
        [
            pair("March 3, 1998", "1998-03-03"),
            pair("The next day", "1998-03-04"),
            pair("that year", "1998")
        ]
    );
    // With nothing named before, the anchor stands in.
    assert_eq!(
        values("The following day, he resigned.", "1998-06-01"),
        [pair("The following day", "1998-06-02")]
    );
}

#[test]
fn halves_spelled_years_and_give_or_take() {
    let anchor = "1998-02-27";
    assert_eq!(
        values("They lived in camps for 2 1/2 years.", anchor),
        [pair("2 1/2 years", "P2Y6M")]
    );
    assert_eq!(
        values("But a minute and a half later, a pilot calls in.", anchor),
        [pair("a minute and a half", "PT1M30S")]
    );
    assert_eq!(
        values("January nineteen ninety-seven. Atlanta again.", anchor),
        [pair("January nineteen ninety-seven", "1997-01")]
    );
    let tagged = tags("Then, a week or so ago, he chose Saturday.", "1991-02-25");
    assert_eq!(
        (tagged[0].0.as_str(), tagged[0].2.as_deref()),
        ("a week or so ago", Some("APPROX"))
    );
    assert_eq!(
        values("It scrapped the business this past spring.", "1989-10-30"),
        [pair("this past spring", "1989-SP")]
    );
}
