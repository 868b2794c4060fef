//! CoNLL-style files: one token per line with its tag in the last column, blank lines
//! between sentences, `-DOCSTART-` lines between documents. Tags may be IOB1 (as the
//! original CoNLL-2003 release) or IOB2; both are read into entity chunks.

use std::path::Path;

use crate::NerError;

/// One sentence of a CoNLL file: its tokens and their tags as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// The sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllDocument {
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

/// Reads a CoNLL file into documents. A file without `-DOCSTART-` lines is one document.
pub fn read_file(path: &Path) -> Result<Vec<ConllDocument>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|(line, message)| NerError::Format {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses CoNLL text; on error returns the 1-based line number and what is wrong.
pub fn parse(text: &str) -> Result<Vec<ConllDocument>, (usize, String)> {
    let mut documents = Vec::new();
    let mut document = ConllDocument::default();
    let mut sentence = ConllSentence::default();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !sentence.tokens.is_empty() {
                document.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let mut columns = line.split_whitespace();
        let token = columns.next().unwrap_or_default();
        if token == "-DOCSTART-" {
            if !sentence.tokens.is_empty() {
                document.sentences.push(std::mem::take(&mut sentence));
            }
            if !document.sentences.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        let tag = columns.last().ok_or_else(|| {
            (
                index + 1,
                format!("expected a token and a tag, found {line:?}"),
            )
        })?;
        if tag != "O" && !(tag.len() > 2 && matches!(&tag[..2], "B-" | "I-" | "E-" | "S-")) {
            return Err((index + 1, format!("unknown tag {tag:?}")));
        }
        sentence.tokens.push(token.to_string());
        sentence.tags.push(tag.to_string());
    }
    if !sentence.tokens.is_empty() {
        document.sentences.push(sentence);
    }
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    Ok(documents)
}

/// An entity chunk: tokens `[start, end)` of a sentence and its type (`PER`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The chunks of a tag sequence, with conlleval's reading of IOB tags: a chunk starts at
/// a `B-`, at an `I-` after `O` or after another type, and at `S-`; `E-`/`S-` (IOBES)
/// close it. This reads IOB1, IOB2 and IOBES alike, as conlleval does.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) => (p, l),
            None => ("O", ""),
        };
        let continues = matches!(open, Some((_, l)) if l == label) && matches!(prefix, "I" | "E");
        if !continues {
            if let Some((start, l)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i,
                    label: l.to_string(),
                });
            }
            if prefix != "O" {
                open = Some((i, label));
            }
        }
        if matches!(prefix, "E" | "S") {
            if let Some((start, l)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i + 1,
                    label: l.to_string(),
                });
            }
        }
    }
    if let Some((start, l)) = open {
        out.push(Chunk {
            start,
            end: tags.len(),
            label: l.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\nBlackburn I-PER\n\n-DOCSTART- -X- O O\n\nBonn I-LOC\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].tokens, ["Peter", "Blackburn"]);
        assert_eq!(docs[1].sentences[0].tags, ["I-LOC"]);
    }

    #[test]
    fn rejects_a_line_without_a_tag() {
        let err = parse("EU B-ORG\nrejects\n").unwrap_err();
        assert_eq!(err.0, 2);
    }

    #[test]
    fn iob1_and_iob2_give_the_same_chunks() {
        let iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"];
        assert_eq!(chunks(&iob1), chunks(&iob2));
        let c = chunks(&iob2);
        assert_eq!(c.len(), 4);
        assert_eq!((c[0].start, c[0].end, c[0].label.as_str()), (0, 2, "PER"));
        assert_eq!((c[3].start, c[3].end, c[3].label.as_str()), (5, 6, "ORG"));
    }

    #[test]
    fn iobes_chunks_close_at_e_and_s() {
        let tags = ["B-ORG", "E-ORG", "S-PER", "S-PER"];
        let c = chunks(&tags);
        assert_eq!(c.len(), 3);
        assert_eq!((c[1].start, c[1].end), (2, 3));
    }
}
