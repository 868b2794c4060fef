//! Publication dates from containers, normalised to ISO 8601.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// A date string in RFC 3339 / ISO 8601 or RFC 2822 form, normalised: a date-time with
/// its offset (`2025-07-10T08:30:00+00:00`), or a date (`2025-07-10`) when the time has
/// no offset or there is no time. `None` when it cannot be read.
pub(crate) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, false));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, false));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S%:z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, false));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, format) {
            return Some(dt.date().format("%Y-%m-%d").to_string());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// A parsed UTC time (as feed-rs gives them) in ISO 8601.
pub(crate) fn utc_iso(dt: &DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn normalises_common_forms() {
        assert_eq!(
            normalize_date("2025-07-10T08:30:00Z").as_deref(),
            Some("2025-07-10T08:30:00+00:00")
        );
        assert_eq!(
            normalize_date("Thu, 10 Jul 2025 08:30:00 +0200").as_deref(),
            Some("2025-07-10T08:30:00+02:00")
        );
        assert_eq!(normalize_date("2025-07-10").as_deref(), Some("2025-07-10"));
        assert_eq!(
            normalize_date("2025-07-10 08:30:00").as_deref(),
            Some("2025-07-10")
        );
        assert_eq!(normalize_date("yesterday"), None);
    }
}
