//! The tagger's label set: BILOU over the four CoNLL-2003 types.
//!
//! BILOU (begin, inside, last, unit-length) rather than IOB because the tagger then
//! learns what ends an entity, not only what starts it; Ratinov and Roth (2009) found it
//! better on this task. Files are read and written in IOB2.

use crate::conll::Chunk;

/// The entity types, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of labels: `O` plus B, I, L, U for each type.
pub const LABEL_COUNT: usize = 1 + 4 * TYPES.len();

/// Index of the `O` label.
pub const OUTSIDE: u8 = 0;

/// Position of a token in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// The label of `position` in an entity of type index `ty`.
pub fn label(ty: usize, position: Position) -> u8 {
    (1 + ty * 4 + position as usize) as u8
}

/// The type index and position of a label, `None` for `O`.
pub fn parts(label: u8) -> Option<(usize, Position)> {
    if label == OUTSIDE {
        return None;
    }
    let i = label as usize - 1;
    let position = match i % 4 {
        0 => Position::Begin,
        1 => Position::Inside,
        2 => Position::Last,
        _ => Position::Unit,
    };
    Some((i / 4, position))
}

/// The name written in the model file: `O`, `B-PER`, `L-LOC`, ...
pub fn name(label: u8) -> String {
    match parts(label) {
        None => "O".to_string(),
        Some((ty, p)) => {
            let prefix = match p {
                Position::Begin => "B",
                Position::Inside => "I",
                Position::Last => "L",
                Position::Unit => "U",
            };
            format!("{prefix}-{}", TYPES[ty])
        }
    }
}

/// Whether `next` may follow `previous` (`None`: sentence start) in a well-formed BILOU
/// sequence. Decoding only considers allowed labels, so every output is well formed.
pub fn allowed(previous: Option<u8>, next: u8) -> bool {
    let open = previous.and_then(parts).and_then(|(ty, p)| match p {
        Position::Begin | Position::Inside => Some(ty),
        _ => None,
    });
    match (open, parts(next)) {
        (Some(ty), Some((t, Position::Inside | Position::Last))) => t == ty,
        (Some(_), _) => false,
        (None, Some((_, Position::Inside | Position::Last))) => false,
        (None, _) => true,
    }
}

/// Whether a sentence may end after `last`.
pub fn may_end(last: u8) -> bool {
    !matches!(parts(last), Some((_, Position::Begin | Position::Inside)))
}

/// BILOU labels for a sentence of `len` tokens with these chunks. Chunks of unknown
/// types are left `O`.
pub fn from_chunks(len: usize, chunks: &[Chunk]) -> Vec<u8> {
    let mut labels = vec![OUTSIDE; len];
    for chunk in chunks {
        let Some(ty) = TYPES.iter().position(|t| *t == chunk.label) else {
            continue;
        };
        if chunk.end - chunk.start == 1 {
            labels[chunk.start] = label(ty, Position::Unit);
        } else {
            labels[chunk.start] = label(ty, Position::Begin);
            for l in &mut labels[chunk.start + 1..chunk.end - 1] {
                *l = label(ty, Position::Inside);
            }
            labels[chunk.end - 1] = label(ty, Position::Last);
        }
    }
    labels
}

/// The chunks of a BILOU label sequence. Tolerates ill-formed sequences the way IOB
/// readers do: a stray I or L starts a chunk.
pub fn to_chunks(labels: &[u8]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let part = parts(l);
        let continues = matches!((open, part), (Some((_, t)), Some((ty, Position::Inside | Position::Last))) if t == ty);
        if !continues {
            if let Some((start, ty)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i,
                    label: TYPES[ty].to_string(),
                });
            }
            if let Some((ty, _)) = part {
                open = Some((i, ty));
            }
        }
        if matches!(part, Some((_, Position::Last | Position::Unit))) {
            if let Some((start, ty)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i + 1,
                    label: TYPES[ty].to_string(),
                });
            }
        }
    }
    if let Some((start, ty)) = open {
        out.push(Chunk {
            start,
            end: labels.len(),
            label: TYPES[ty].to_string(),
        });
    }
    out
}

/// IOB2 tags (`B-PER`, `I-PER`, `O`) for a BILOU label sequence.
pub fn to_iob2(labels: &[u8]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); labels.len()];
    for chunk in to_chunks(labels) {
        tags[chunk.start] = format!("B-{}", chunk.label);
        for tag in &mut tags[chunk.start + 1..chunk.end] {
            *tag = format!("I-{}", chunk.label);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::chunks;

    #[test]
    fn round_trips_through_chunks() {
        let tags = [
            "B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-MISC", "I-MISC", "O",
        ];
        let c = chunks(&tags);
        let labels = from_chunks(tags.len(), &c);
        assert_eq!(to_chunks(&labels), c);
        assert_eq!(to_iob2(&labels), tags);
        assert_eq!(name(labels[0]), "B-PER");
        assert_eq!(name(labels[1]), "I-PER");
        assert_eq!(name(labels[2]), "L-PER");
        assert_eq!(name(labels[4]), "U-LOC");
    }

    #[test]
    fn transitions_keep_entities_well_formed() {
        let b_per = label(0, Position::Begin);
        let i_per = label(0, Position::Inside);
        let l_per = label(0, Position::Last);
        let l_org = label(1, Position::Last);
        let u_loc = label(2, Position::Unit);
        assert!(allowed(None, b_per));
        assert!(!allowed(None, i_per));
        assert!(allowed(Some(b_per), l_per));
        assert!(!allowed(Some(b_per), l_org));
        assert!(!allowed(Some(b_per), OUTSIDE));
        assert!(allowed(Some(l_per), u_loc));
        assert!(!may_end(i_per));
        assert!(may_end(l_per));
    }
}
