//! Event exports: PLOVER JSON records and a GDELT-style table.
//!
//! The last step of the events stage's flow, on what the store keeps: each stored
//! [`Event`] of an article becomes one PLOVER record ([`plover_record`], one JSON object
//! per line in `triangulate events --format plover`) or one row of a tab-separated,
//! GDELT-style event table ([`gdelt_header`], [`gdelt_rows`]). Both are pure functions of
//! the event, its index in the article, the article's metadata and its text.

use serde_json::{json, Value};
use tri_model::{Event, Participant};

/// What an export says about the article an event comes from.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportArticle<'a> {
    /// The article's id (the prefix of every event id).
    pub id: &'a str,
    /// Where it was published.
    pub url: Option<&'a str>,
    /// The outlet that published it.
    pub outlet: Option<&'a str>,
    /// Its publication date, `YYYY-MM-DD` (longer values are cut to their first 10
    /// characters): the date of events whose own date is not a full day.
    pub published: Option<&'a str>,
}

/// The id of the `index`-th event of an article: `{article id}-{index:04}`.
pub fn event_id(article: &ExportArticle<'_>, index: usize) -> String {
    format!("{}-{index:04}", article.id)
}

/// The day an event is exported with (`YYYY-MM-DD`): its own date when that is a full
/// day (`2025-07-04`, or a time on it), else the article's publication date, else none.
pub fn event_day(event: &Event, article: &ExportArticle<'_>) -> Option<String> {
    event
        .date
        .as_ref()
        .and_then(|d| full_day(&d.value))
        .or_else(|| {
            article
                .published
                .and_then(|p| p.get(..10))
                .and_then(full_day)
        })
        .map(str::to_string)
}

/// The `YYYY-MM-DD` a TIMEX3 value or date names, when it names a full day.
fn full_day(value: &str) -> Option<&str> {
    let day = value.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shaped = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let rest = &value[10..];
    (shaped && (rest.is_empty() || rest.starts_with('T'))).then_some(day)
}

/// The text an event's spans point into: the article's body, or for an event told in a
/// line extraction removed (a photo caption, [`Event::removed_line`]) that line.
pub fn source_text<'t>(event: &Event, body: &'t str, removed: &'t [String]) -> &'t str {
    match event.removed_line {
        Some(i) => removed.get(i).map_or("", String::as_str),
        None => body,
    }
}

/// The sentence an event is reported in, or nothing when `text` is not the article's.
fn sentence_of<'t>(event: &Event, text: &'t str) -> &'t str {
    text.get(event.sentence.start..event.sentence.end)
        .unwrap_or("")
        .trim()
}

/// The score as written (`-9.5`, `0.1`), not as the nearest `f64` to the `f32`.
fn score(event: &Event) -> f64 {
    event
        .score
        .to_string()
        .parse()
        .unwrap_or(f64::from(event.score))
}

fn participant_json(p: &Participant) -> Value {
    json!({
        "text": p.text,
        "name": p.name,
        "code": p.code,
        "sector": p.sector,
        "entity": p.entity,
        "inferred": p.inferred,
    })
}

/// One event as a PLOVER record, with the field names of the PLOVER manual (draft 2.0,
/// Table 6.1) where it has them and a few of ours besides. `text` is the text the
/// event's spans point into ([`source_text`]: the article's body, or the removed line a
/// caption's event is told in).
///
/// | key | value |
/// |---|---|
/// | `id` | `{article id}-{index:04}` |
/// | `date` | `YYYY-MM-DD`: the event's date when it is a full day, else the article's publication date, else `null` |
/// | `event` | `["ASSAULT"]`: the PLOVER category |
/// | `mode` | `["aerial"]`, or `[]` |
/// | `context` | `["military"]`, or `[]` |
/// | `quad` | 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict |
/// | `eventScale` | the PLOVER score, -10 (most conflictual) to +10 |
/// | `actor`, `recipient` | lists of `{text, name, code, sector, entity, inferred}`: the words as written, the name, ISO 3166-1 alpha-3 code (or `IGO`, `NGO`), PLOVER sector, article entity key, and whether it was inferred rather than named; missing values `null` |
/// | `eventText` | `["launched a drone attack"]`: the event's words |
/// | `eventLoc` | `{name, code, lat, lon}` (country ISO alpha-3; WGS84 degrees), only when the place is known |
/// | `text` | the sentence the event is reported in |
/// | `modality` | `asserted`, `negated`, `threatened`, `demanded`, `planned`, `conditional`, `hypothetical`, `predicted` |
/// | `negated` | the words are negated |
/// | `cameo` | the CAMEO code the event was coded with |
/// | `reportedBy` | `{source, via}`: the quote's speaker and the outlet it came through, only when the event is told in a quote |
/// | `removedLine` | the index of the removed line (a photo caption) the event is told in, only for such events |
/// | `citeInfo` | `{url, outlet}` of the article |
pub fn plover_record(
    event: &Event,
    index: usize,
    article: &ExportArticle<'_>,
    text: &str,
) -> Value {
    let list = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
    let mut record = json!({
        "id": event_id(article, index),
        "date": event_day(event, article),
        "event": [event.kind.as_str()],
        "mode": list(&event.mode),
        "context": list(&event.context),
        "quad": event.kind.quad(),
        "eventScale": score(event),
        "actor": event.actor.iter().map(participant_json).collect::<Vec<_>>(),
        "recipient": event.recipient.iter().map(participant_json).collect::<Vec<_>>(),
        "eventText": [event.text],
        "text": sentence_of(event, text),
        "modality": event.modality.as_str(),
        "negated": event.negated,
        "cameo": event.cameo,
        "citeInfo": {"url": article.url, "outlet": article.outlet},
    });
    if let Some(place) = &event.location {
        record["eventLoc"] = json!({
            "name": place.name,
            "code": place.country,
            "lat": place.coords.map(|c| c.0),
            "lon": place.coords.map(|c| c.1),
        });
    }
    if let Some(r) = &event.reported_by {
        record["reportedBy"] = json!({"source": r.source, "via": r.via});
    }
    if let Some(line) = event.removed_line {
        record["removedLine"] = json!(line);
    }
    record
}

/// The column names of the GDELT-style table, tab-separated, without a line end.
///
/// The first columns are GDELT 1.0/2.0 event-table columns, in GDELT's order, with
/// these differences: `GlobalEventID` is `{article id}-{index:04}` rather than a number;
/// actor and place country codes are ISO 3166-1 alpha-3 (or `IGO`, `NGO`), not CAMEO
/// actor or FIPS codes; `Actor1Type1Code` and `Actor2Type1Code` hold the PLOVER sector;
/// only the first participant of each side is written; `GoldsteinScale` is left empty
/// (no Goldstein scores ship). Then ours: `PloverEvent` (category, with `:mode`),
/// `PloverScore`, `Modality` and `Negated` (0 or 1).
pub fn gdelt_header() -> &'static str {
    "GlobalEventID\tDay\tActor1Name\tActor1CountryCode\tActor1Type1Code\t\
     Actor2Name\tActor2CountryCode\tActor2Type1Code\tIsRootEvent\tEventCode\t\
     EventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\tActionGeo_FullName\t\
     ActionGeo_CountryCode\tActionGeo_Lat\tActionGeo_Long\tSOURCEURL\t\
     PloverEvent\tPloverScore\tModality\tNegated"
}

/// GDELT's QuadClass of a CAMEO code, from its root: 01–05 verbal cooperation (1),
/// 06–08 material cooperation (2), 09–13 verbal conflict (3), 14–20 material conflict
/// (4). `None` for a code that does not start with a root of 01–20.
pub fn cameo_quad_class(cameo: &str) -> Option<u8> {
    let root: u8 = cameo.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// A text field as a table cell: tabs and line breaks become spaces.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One row of the GDELT-style table (see [`gdelt_header`]), without a line end. `root`
/// sets `IsRootEvent`: whether it is the first event of its sentence ([`gdelt_rows`]
/// works that out for a whole article).
pub fn gdelt_row(event: &Event, index: usize, root: bool, article: &ExportArticle<'_>) -> String {
    let side = |ps: &[Participant]| match ps.first() {
        Some(p) => [
            cell(&p.name),
            cell(p.code.as_deref().unwrap_or("")),
            cell(p.sector.as_deref().unwrap_or("")),
        ],
        None => Default::default(),
    };
    let cameo = cell(&event.cameo);
    let prefix = |n: usize| cameo.get(..n).unwrap_or(&cameo).to_string();
    let place = event.location.as_ref();
    let coord = |f: fn((f64, f64)) -> f64| {
        place
            .and_then(|p| p.coords)
            .map_or(String::new(), |c| f(c).to_string())
    };
    let plover = match &event.mode {
        Some(m) => format!("{}:{m}", event.kind.as_str()),
        None => event.kind.as_str().to_string(),
    };
    let mut cols: Vec<String> = vec![
        cell(&event_id(article, index)),
        event_day(event, article).map_or(String::new(), |d| d.replace('-', "")),
    ];
    cols.extend(side(&event.actor));
    cols.extend(side(&event.recipient));
    cols.extend([
        if root { "1" } else { "0" }.to_string(),
        cameo.clone(),
        prefix(3),
        prefix(2),
        cameo_quad_class(&cameo).map_or(String::new(), |q| q.to_string()),
        String::new(),
        place.map_or(String::new(), |p| cell(&p.name)),
        cell(place.and_then(|p| p.country.as_deref()).unwrap_or("")),
        coord(|c| c.0),
        coord(|c| c.1),
        cell(article.url.unwrap_or("")),
        cell(&plover),
        event.score.to_string(),
        event.modality.as_str().to_string(),
        if event.negated { "1" } else { "0" }.to_string(),
    ]);
    cols.join("\t")
}

/// The rows of an article's events, in order: the first event of each sentence (of the
/// body or of a removed line) is its root event.
pub fn gdelt_rows(events: &[Event], article: &ExportArticle<'_>) -> Vec<String> {
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let root = i == 0
                || (events[i - 1].removed_line, events[i - 1].sentence)
                    != (e.removed_line, e.sentence);
            gdelt_row(e, i, root, article)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tri_model::{EventDate, EventType, Modality, Place, Report, Span};

    const TEXT: &str = "Talks ended.\nOn July 4, 2025, Russian forces launched a\tdrone attack on Kyiv, Reuters said.";

    fn span_of(word: &str) -> Span {
        let start = TEXT.find(word).expect("word in text");
        Span::new(start, start + word.len())
    }

    fn attack() -> Event {
        let sentence = Span::new(13, TEXT.len());
        Event {
            kind: EventType::Assault,
            mode: Some("aerial".into()),
            context: Some("military".into()),
            cameo: "195".into(),
            score: -9.5,
            trigger: span_of("launched"),
            text: "launched a\tdrone attack".into(),
            span: span_of("launched a\tdrone attack"),
            sentence,
            actor: vec![Participant {
                name: "Russia".into(),
                text: "Russian forces".into(),
                span: span_of("Russian forces"),
                entity: Some("country:RU".into()),
                code: Some("RUS".into()),
                sector: Some("MIL".into()),
                inferred: false,
            }],
            recipient: vec![Participant {
                name: "Kyiv".into(),
                text: "Kyiv".into(),
                span: span_of("Kyiv"),
                entity: None,
                code: Some("UKR".into()),
                sector: None,
                inferred: false,
            }],
            location: Some(Place {
                name: "Kyiv".into(),
                text: "Kyiv".into(),
                span: span_of("Kyiv"),
                key: Some("gn:703448".into()),
                country: Some("UKR".into()),
                coords: Some((50.45, 30.5233)),
            }),
            date: Some(EventDate {
                value: "2025-07-04".into(),
                text: "On July 4, 2025".into(),
                span: span_of("On July 4, 2025"),
            }),
            modality: Modality::Asserted,
            negated: false,
            reported_by: Some(Report {
                quote: 0,
                source: None,
                via: Some("Reuters".into()),
            }),
            removed_line: None,
            main: true,
        }
    }

    fn article() -> ExportArticle<'static> {
        ExportArticle {
            id: "6957dbedd507531b",
            url: Some("https://example.org/a"),
            outlet: Some("Observer"),
            published: Some("2025-07-10T08:17:55Z"),
        }
    }

    #[test]
    fn a_plover_record_has_the_manuals_fields() {
        let r = plover_record(&attack(), 3, &article(), TEXT);
        assert_eq!(r["id"], "6957dbedd507531b-0003");
        assert_eq!(r["date"], "2025-07-04");
        assert_eq!(r["event"], json!(["ASSAULT"]));
        assert_eq!(r["mode"], json!(["aerial"]));
        assert_eq!(r["context"], json!(["military"]));
        assert_eq!(r["quad"], 4);
        assert_eq!(r["eventScale"], -9.5);
        assert_eq!(r["actor"][0]["text"], "Russian forces");
        assert_eq!(r["actor"][0]["name"], "Russia");
        assert_eq!(r["actor"][0]["code"], "RUS");
        assert_eq!(r["actor"][0]["sector"], "MIL");
        assert_eq!(r["actor"][0]["entity"], "country:RU");
        assert_eq!(r["actor"][0]["inferred"], false);
        assert_eq!(r["recipient"][0]["sector"], Value::Null);
        assert_eq!(r["eventText"], json!(["launched a\tdrone attack"]));
        assert_eq!(
            r["eventLoc"],
            json!({"name": "Kyiv", "code": "UKR", "lat": 50.45, "lon": 30.5233})
        );
        assert!(r["text"].as_str().unwrap().starts_with("On July 4, 2025,"));
        assert!(r["text"].as_str().unwrap().ends_with("Reuters said."));
        assert_eq!(r["modality"], "asserted");
        assert_eq!(r["negated"], false);
        assert_eq!(r["cameo"], "195");
        assert_eq!(r["reportedBy"], json!({"source": null, "via": "Reuters"}));
        assert_eq!(
            r["citeInfo"],
            json!({"url": "https://example.org/a", "outlet": "Observer"})
        );
        // One line of JSONL.
        assert!(!serde_json::to_string(&r).unwrap().contains('\n'));
    }

    #[test]
    fn a_plover_record_falls_back_to_the_publication_date_and_leaves_out_what_is_unknown() {
        let mut e = attack();
        e.date.as_mut().unwrap().value = "2025-07".into();
        e.location = None;
        e.reported_by = None;
        e.mode = None;
        let r = plover_record(&e, 0, &article(), TEXT);
        assert_eq!(r["date"], "2025-07-10");
        assert_eq!(r["mode"], json!([]));
        assert!(r.get("eventLoc").is_none() && r.get("reportedBy").is_none());
        let no_date = ExportArticle {
            published: None,
            ..article()
        };
        assert_eq!(plover_record(&e, 0, &no_date, TEXT)["date"], Value::Null);
        e.date.as_mut().unwrap().value = "2025-07-04T10:30".into();
        assert_eq!(plover_record(&e, 0, &no_date, TEXT)["date"], "2025-07-04");
        e.date.as_mut().unwrap().value = "XXXX-07-04".into();
        assert_eq!(plover_record(&e, 0, &no_date, TEXT)["date"], Value::Null);
        // Spans from another text give an empty sentence, not a panic.
        assert_eq!(plover_record(&e, 0, &no_date, "short")["text"], "");
        assert!(r.get("removedLine").is_none());
    }

    #[test]
    fn a_captions_event_points_into_its_removed_line() {
        let mut e = attack();
        e.sentence = Span::new(0, 13);
        e.removed_line = Some(1);
        let removed = vec![
            "Menu".to_string(),
            "Kyiv attacked. Visual China".to_string(),
        ];
        let text = source_text(&e, TEXT, &removed);
        assert_eq!(text, removed[1]);
        let r = plover_record(&e, 0, &article(), text);
        assert_eq!(r["text"], "Kyiv attacked");
        assert_eq!(r["removedLine"], 1);
        assert_eq!(source_text(&attack(), TEXT, &removed), TEXT);
        e.removed_line = Some(7);
        assert_eq!(source_text(&e, TEXT, &removed), "");
        // The same span in the body and in a caption are two sentences.
        let mut body = attack();
        body.sentence = Span::new(0, 13);
        e.removed_line = Some(1);
        let rows = gdelt_rows(&[body, e], &article());
        assert!(
            rows.iter().all(|r| r.split('\t').nth(8) == Some("1")),
            "{rows:?}"
        );
    }

    #[test]
    fn a_gdelt_row_fills_every_column_of_the_header() {
        let header: Vec<&str> = gdelt_header().split('\t').collect();
        let row = gdelt_row(&attack(), 3, true, &article());
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), header.len(), "{row}");
        let col = |name: &str| cols[header.iter().position(|h| *h == name).unwrap()];
        assert_eq!(col("GlobalEventID"), "6957dbedd507531b-0003");
        assert_eq!(col("Day"), "20250704");
        assert_eq!(col("Actor1Name"), "Russia");
        assert_eq!(col("Actor1CountryCode"), "RUS");
        assert_eq!(col("Actor1Type1Code"), "MIL");
        assert_eq!(col("Actor2Name"), "Kyiv");
        assert_eq!(col("Actor2CountryCode"), "UKR");
        assert_eq!(col("Actor2Type1Code"), "");
        assert_eq!(col("IsRootEvent"), "1");
        assert_eq!(col("EventCode"), "195");
        assert_eq!(col("EventBaseCode"), "195");
        assert_eq!(col("EventRootCode"), "19");
        assert_eq!(col("QuadClass"), "4");
        assert_eq!(col("GoldsteinScale"), "");
        assert_eq!(col("ActionGeo_FullName"), "Kyiv");
        assert_eq!(col("ActionGeo_CountryCode"), "UKR");
        assert_eq!(col("ActionGeo_Lat"), "50.45");
        assert_eq!(col("ActionGeo_Long"), "30.5233");
        assert_eq!(col("SOURCEURL"), "https://example.org/a");
        assert_eq!(col("PloverEvent"), "ASSAULT:aerial");
        assert_eq!(col("PloverScore"), "-9.5");
        assert_eq!(col("Modality"), "asserted");
        assert_eq!(col("Negated"), "0");
    }

    #[test]
    fn gdelt_rows_escape_text_and_mark_the_first_event_of_each_sentence() {
        let first = attack();
        let mut second = attack();
        second.cameo = "0332".into();
        second.kind = EventType::Request;
        second.actor[0].name = "Russia\tand\nallies".into();
        second.recipient.clear();
        second.location = None;
        let mut third = attack();
        third.sentence = Span::new(0, 12);
        third.date = None;
        let bare = ExportArticle {
            id: "a",
            ..Default::default()
        };
        let rows = gdelt_rows(&[first, second, third], &bare);
        let width = gdelt_header().split('\t').count();
        for row in &rows {
            assert_eq!(row.split('\t').count(), width, "{row:?}");
            assert!(!row.contains('\n'), "{row:?}");
        }
        let cols = |i: usize| rows[i].split('\t').collect::<Vec<_>>();
        assert_eq!(cols(0)[8], "1");
        assert_eq!(cols(1)[8], "0");
        assert_eq!(cols(2)[8], "1");
        assert_eq!(cols(1)[2], "Russia and allies");
        assert_eq!(&cols(1)[9..13], ["0332", "033", "03", "1"]);
        assert_eq!(cols(1)[5], "");
        assert_eq!(cols(2)[1], "", "no date and no publication date");
    }

    #[test]
    fn quad_classes_follow_gdelt() {
        let quads: Vec<Option<u8>> = ["010", "0521", "06", "083", "09", "1382", "14", "204"]
            .iter()
            .map(|c| cameo_quad_class(c))
            .collect();
        let want = [1, 1, 2, 2, 3, 3, 4, 4].map(Some);
        assert_eq!(quads, want);
        assert_eq!(cameo_quad_class("21"), None);
        assert_eq!(cameo_quad_class(""), None);
    }
}
