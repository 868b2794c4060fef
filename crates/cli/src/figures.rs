//! The figures section of `show` and `report`: each number with its normalised value and
//! unit, what it counts, the period it covers and who gives it.

use std::fmt::Write;

use crate::render::one_line;

use tri_model::{Approximation, Figure};

/// The value as a reader checks it: `≈0.2`, `>110000`, `2–3`, `3e11` as `300000000000`.
pub fn value_text(f: &Figure) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let bound = match f.approx {
        Some(Approximation::Nearly) => "<~",
        Some(Approximation::Approximately) => "~",
        Some(Approximation::MoreThan) => ">",
        Some(Approximation::LessThan) => "<",
        Some(Approximation::AtLeast) => ">=",
        Some(Approximation::UpTo) => "<=",
        None => "",
    };
    match f.upper {
        Some(u) => format!("{bound}{}–{}", n(f.value), n(u)),
        None => format!("{bound}{}", n(f.value)),
    }
}

/// One line per figure, indented for `show` and `report`.
pub fn figures_text(figures: &[Figure], indent: &str) -> String {
    let mut out = String::new();
    if figures.is_empty() {
        let _ = writeln!(out, "{indent}(none)");
    }
    for f in figures {
        let mut line = format!(
            "{indent}{:<34}  {} {}",
            format!("\"{}\"", one_line(&f.text, 32)),
            value_text(f),
            f.unit.as_deref().unwrap_or("")
        );
        if let Some(c) = f
            .counted
            .as_deref()
            .filter(|c| Some(*c) != f.unit.as_deref())
        {
            let _ = write!(line, "  of {c}");
        }
        if let Some(p) = &f.period {
            let _ = write!(line, "  period \"{p}\"");
            if let Some(v) = &f.period_value {
                let _ = write!(line, " ({v})");
            }
        }
        if let Some(s) = &f.source {
            let _ = write!(line, "  source {s}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}
