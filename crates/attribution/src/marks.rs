//! Direct quotes by their quotation marks: curly and straight double quotes, guillemets,
//! low-9 openers, and curly single quotes used as the outer marks (headline style).
//!
//! Marks pair within a paragraph. A quote still open at the end of a paragraph goes on
//! when the next paragraph opens with a quotation mark, the convention for quotes over
//! several paragraphs; otherwise it ends with the paragraph only if it opened the
//! paragraph, since a stray mark mid-line is more often a typo than a quote.

use tri_model::Span;

/// One direct quote: its parts, each without and with its quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marked {
    /// Inside the marks, trimmed of white space; one per paragraph it runs over.
    pub parts: Vec<Span>,
    /// The same parts with their marks.
    pub outer: Vec<Span>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Guillemet,
    Single,
}

/// Every direct quote of `text`, in text order.
pub(crate) fn find(text: &str) -> Vec<Marked> {
    // Two apostrophes are a double quote in some newsrooms' styles (''like this,'' he
    // said): read them as a straight quote and a space, which keeps every offset.
    let doubled;
    let text = if text.contains("''") {
        doubled = text.replace("''", "\" ");
        doubled.as_str()
    } else {
        text
    };
    let mut out: Vec<Marked> = Vec::new();
    // A quote running on from the previous paragraph, waiting for its opening mark.
    let mut running: Option<Marked> = None;
    let mut line_start = 0;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| {
            let at = line_start;
            line_start += l.len() + 1;
            (at, l)
        })
        .collect();
    for (li, &(base, line)) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut open: Option<(Mark, usize)> = None;
        let mut prev: Option<char> = None;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            match c {
                '\u{201C}' | '\u{201E}' | '"' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => {
                    let kind = if matches!(c, '\u{00AB}' | '\u{00BB}') {
                        Mark::Guillemet
                    } else {
                        Mark::Double
                    };
                    let opener = matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}')
                        || (c == '"' && open.is_none());
                    match open {
                        Some((k, at)) if k == kind && !opener => {
                            close(&mut out, &mut running, base, line, at, i, c);
                            open = None;
                        }
                        Some((Mark::Single, _)) if !opener => {}
                        None if opener => open = Some((kind, i)),
                        // A closing curly mark with nothing open: some texts write both
                        // marks as ”; take it as an opener where it starts a word.
                        None if c == '\u{201D}'
                            && prev.is_none_or(char::is_whitespace)
                            && next.is_some_and(|n| !n.is_whitespace()) =>
                        {
                            open = Some((kind, i))
                        }
                        _ => {}
                    }
                }
                '\u{2018}'
                    if open.is_none()
                        && prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p))
                        && next.is_some_and(char::is_alphanumeric) =>
                {
                    open = Some((Mark::Single, i));
                }
                '\u{2019}'
                    if matches!(open, Some((Mark::Single, _)))
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| !n.is_alphanumeric()) =>
                {
                    let (_, at) = open.take().expect("checked");
                    close(&mut out, &mut running, base, line, at, i, c);
                }
                _ => {}
            }
            prev = Some(c);
        }
        if let Some((kind, at)) = open {
            if kind == Mark::Single {
                continue;
            }
            let continues = lines[li + 1..]
                .iter()
                .find(|(_, l)| !l.trim().is_empty())
                .is_some_and(|(_, l)| {
                    l.trim_start()
                        .starts_with(['\u{201C}', '"', '\u{201E}', '\u{00AB}'])
                });
            let opens_line = line[..at].trim().is_empty();
            if continues || opens_line {
                let q = running.get_or_insert_with(|| Marked {
                    parts: Vec::new(),
                    outer: Vec::new(),
                });
                push_part(q, base, line, at, line.len());
                if !continues {
                    out.push(running.take().expect("just set"));
                }
            }
        } else if let Some(q) = running.take() {
            // The paragraph closed no quote it opened: whatever ran on has ended.
            out.push(q);
        }
    }
    if let Some(q) = running.take() {
        out.push(q);
    }
    // A mark with nothing inside ("" or a lone " at a paragraph's end) quotes nothing.
    out.retain(|q| !q.parts.is_empty());
    out.sort_by_key(|q| q.parts[0].start);
    out
}

fn close(
    out: &mut Vec<Marked>,
    running: &mut Option<Marked>,
    base: usize,
    line: &str,
    open_at: usize,
    close_at: usize,
    close_mark: char,
) {
    let mut q = running.take().unwrap_or(Marked {
        parts: Vec::new(),
        outer: Vec::new(),
    });
    push_part(
        &mut q,
        base,
        line,
        open_at,
        close_at + close_mark.len_utf8(),
    );
    if !q.parts.is_empty() {
        out.push(q);
    }
}

/// Adds the part whose marks are at `open_at` and before `end` (line offsets).
fn push_part(q: &mut Marked, base: usize, line: &str, open_at: usize, end: usize) {
    let mark_len = line[open_at..].chars().next().map_or(1, char::len_utf8);
    let inner_start = open_at + mark_len;
    let closed =
        end < line.len() || line[..end].ends_with(['\u{201D}', '"', '\u{00BB}', '\u{2019}']);
    let inner_end = if closed && end > inner_start {
        end - line[..end].chars().next_back().map_or(0, char::len_utf8)
    } else {
        end
    };
    let inner = &line[inner_start..inner_end.max(inner_start)];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = base + inner_start + lead;
    q.parts.push(Span::new(start, start + trimmed.len()));
    q.outer.push(Span::new(base + open_at, base + end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Vec<&str>> {
        find(text)
            .iter()
            .map(|q| q.parts.iter().map(|p| p.of(text)).collect())
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        let text = "\u{201C}We remain calm,\u{201D} Peskov said. He called it \"tough.\"";
        assert_eq!(quotes(text), vec![vec!["We remain calm,"], vec!["tough."]]);
    }

    #[test]
    fn runs_over_paragraphs_that_open_with_a_mark() {
        let text = "\u{201C}First paragraph.\n\n\u{201C}Second paragraph,\u{201D} she said.\n\nNo quote here.";
        assert_eq!(
            quotes(text),
            vec![vec!["First paragraph.", "Second paragraph,"]]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes_but_headline_single_quotes_are() {
        let text = "It\u{2019}s \u{2018}in Their Heads.\u{2019} Trump\u{2019}s plan";
        assert_eq!(quotes(text), vec![vec!["in Their Heads."]]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "\"He called it a 'bloodbath' in Ukraine,\" the publication reads.";
        assert_eq!(
            quotes(text),
            vec![vec!["He called it a 'bloodbath' in Ukraine,"]]
        );
    }

    #[test]
    fn two_apostrophes_are_a_double_quote() {
        let text = "''Revenues are up,'' said Mr. Ekovich. It's Jones' car.";
        assert_eq!(quotes(text), vec![vec!["Revenues are up,"]]);
    }

    #[test]
    fn empty_and_lone_marks_quote_nothing() {
        for text in ["\"", "\"\"", "\u{201C}\u{201D}", "text \"", "\"\n\n\""] {
            assert!(quotes(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_stray_mark_mid_line_is_not_a_quote() {
        assert!(quotes("The 12\" gun fired.").is_empty());
    }
}
