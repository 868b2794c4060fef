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
