//! Bytes of one document → text: byte-order mark, declared charset, `<meta>` prescan,
//! then a guess; decoded with encoding_rs.

use encoding_rs::{Encoding, UTF_8};
use tri_model::Content;

use crate::error::ReadError;
use crate::sniff::{
    binary_content, binary_signature_of, looks_like_html_document, utf16_without_bom,
};

/// How many leading bytes are searched for `<meta charset>`.
const META_PRESCAN_LEN: usize = 4096;
/// How many bytes chardetng sees at most.
const DETECT_LEN: usize = 256 * 1024;

/// One decoded document.
pub(crate) struct Decoded {
    pub body: String,
    pub charset: String,
    pub content: Content,
}

/// Decodes one document. `declared` is a charset from an HTTP or WARC header, if any;
/// `content` is what the container said the document is (HTML or text), if anything.
pub(crate) fn decode_document(
    name: &str,
    bytes: &[u8],
    declared: Option<&str>,
    content: Option<Content>,
) -> Result<Decoded, ReadError> {
    if bytes.trim_ascii().is_empty() {
        return Err(ReadError::Empty {
            input: name.to_string(),
            what: "file",
        });
    }
    let (encoding, start) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, bom_len),
        None => {
            let head = &bytes[..bytes.len().min(crate::sniff::SNIFF_LEN)];
            if let Some(enc) = utf16_without_bom(head) {
                (enc, 0)
            } else {
                if let Some(what) = binary_signature_of(head).or_else(|| binary_content(head)) {
                    return Err(ReadError::Binary {
                        input: name.to_string(),
                        what: what.to_string(),
                    });
                }
                let is_html =
                    content.map_or_else(|| looks_like_html_document(head), |c| c == Content::Html);
                (choose_encoding(bytes, declared, is_html), 0)
            }
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[start..]);
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let total = text.chars().count().max(1);
        if bad * 20 > total {
            return Err(ReadError::Undecodable {
                input: name.to_string(),
                reason: format!(
                    "{bad} of {total} characters are not valid {}",
                    encoding.name()
                ),
            });
        }
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            input: name.to_string(),
            what: "file",
        });
    }
    let content = content.unwrap_or_else(|| {
        if looks_like_html_document(text.as_bytes()) {
            Content::Html
        } else {
            Content::Text
        }
    });
    Ok(Decoded {
        body: text.into_owned(),
        charset: encoding.name().to_string(),
        content,
    })
}

/// The encoding of bytes without a byte-order mark: the declared charset, then (for
/// HTML) `<meta charset>`, then UTF-8 if the bytes are valid UTF-8, then chardetng's
/// guess. A declared UTF-8 that the bytes contradict falls through to the guess.
fn choose_encoding(bytes: &[u8], declared: Option<&str>, is_html: bool) -> &'static Encoding {
    let valid_utf8 = || std::str::from_utf8(bytes).is_ok();
    let meta = || {
        if is_html {
            meta_charset(&bytes[..bytes.len().min(META_PRESCAN_LEN)])
        } else {
            None
        }
    };
    for found in [declared.and_then(label_encoding), meta()]
        .into_iter()
        .flatten()
    {
        if found != UTF_8 || valid_utf8() {
            return found;
        }
    }
    if valid_utf8() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(DETECT_LEN)], true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// An encoding from a charset label, as browsers treat labels in documents: UTF-16
/// labels mean UTF-8 (the bytes had no BOM), `x-user-defined` means windows-1252.
pub(crate) fn label_encoding(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        Some(UTF_8)
    } else if enc == encoding_rs::X_USER_DEFINED {
        Some(encoding_rs::WINDOWS_1252)
    } else {
        Some(enc)
    }
}

/// The `charset=` parameter of a `Content-Type` value.
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content_type[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == ',' || c.is_whitespace())
        .unwrap_or(rest.len());
    let value = &rest[..end];
    (!value.is_empty()).then_some(value)
}

/// The charset a `<meta charset>` or `<meta http-equiv="content-type" content="...;
/// charset=...">` in the first bytes declares.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = crate::sniff::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = String::from_utf8_lossy(&lower[start..end]);
        if let Some(enc) = charset_param(&tag).and_then(label_encoding) {
            return Some(enc);
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_param_reads_quoted_and_bare_values() {
        assert_eq!(
            charset_param("text/html; charset=ISO-8859-1"),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_param("text/html;charset=\"utf-8\""), Some("utf-8"));
        assert_eq!(
            charset_param("<meta charset='windows-1251'"),
            Some("windows-1251")
        );
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn meta_prescan_finds_both_forms() {
        let a = br#"<html><head><meta charset="windows-1251"><title>x</title>"#;
        assert_eq!(meta_charset(a), Some(encoding_rs::WINDOWS_1251));
        let b =
            br#"<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#;
        assert_eq!(meta_charset(b), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(meta_charset(b"<head><meta name=x content=y></head>"), None);
    }

    #[test]
    fn declared_utf8_contradicted_by_bytes_is_guessed() {
        let bytes = b"He said \x93no\x94 to the plan, and then he left the room.";
        assert_eq!(
            choose_encoding(bytes, Some("utf-8"), false),
            encoding_rs::WINDOWS_1252
        );
    }
}
