//! The annotation pipeline: the stages that run on one article's text after extraction,
//! composed in order. Each stage is a pure function of the text and what earlier stages
//! found, so articles annotate in parallel and the same article always annotates the
//! same way.
//!
//! Stages so far: sentences and tokens ([`tri_text`]), named-entity mentions
//! ([`tri_ner`]), and the entities they refer to ([`tri_entities`], with the shipped
//! gazetteer), then quotes, sources and provenance ([`tri_attribution`]), and the
//! chronology: publication date, temporal expressions, flags and predictions
//! ([`tri_time`]), and the figures with their units, periods and sources
//! ([`tri_figures`]), each period dated by the chronology.
#![forbid(unsafe_code)]

use serde::Serialize;
use tri_gazetteer::Gazetteer;
use tri_model::{
    Article, Attributions, Chronology, Entity, EntityKind, Event, Figure, Mention, Span,
};
use tri_ner::Tagger;
use tri_text::Segmented;

/// Why the pipeline cannot run.
#[derive(Debug, thiserror::Error)]
pub enum AnnotateError {
    /// The shipped named-entity model could not be loaded.
    #[error("named-entity model: {0}")]
    Model(String),
}

/// What the pipeline found in one text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Annotated {
    /// Tokens and sentences, with byte offsets into the text.
    #[serde(skip)]
    pub segmented: Segmented,
    /// Named-entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// The entities the mentions refer to, in order of first mention.
    pub entities: Vec<Entity>,
    /// Quotes, their sources and the article's provenance.
    pub attributions: Attributions,
    /// Publication date, temporal expressions, flags and predictions.
    pub chronology: Chronology,
    /// The figures, in text order.
    pub figures: Vec<Figure>,
    /// The events, PLOVER-coded, in text order.
    pub events: Vec<Event>,
}

/// The fewest words of a removed line read as a caption that may report an event.
const CAPTION_WORDS: usize = 10;

/// What the stages read besides the text.
#[derive(Clone, Copy)]
struct ArticleMeta<'a> {
    text: &'a str,
    language: Option<&'a str>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a tri_model::Published>,
}

/// Runs the stages with the shipped models.
#[derive(Clone, Copy)]
pub struct Annotator {
    tagger: &'static Tagger,
}

impl std::fmt::Debug for Annotator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Annotator")
            .field("version", &self.version())
            .finish()
    }
}

impl Annotator {
    /// The pipeline with the models compiled into the binary.
    pub fn bundled() -> Result<Annotator, AnnotateError> {
        let tagger = tri_ner::bundled::tagger().map_err(|e| AnnotateError::Model(e.to_string()))?;
        Ok(Annotator { tagger })
    }

    /// Names this pipeline and its models, so stored annotations record what made them
    /// and a newer model's can be told apart.
    pub fn version(&self) -> String {
        format!(
            "tri-annotate {} ner {} attribution {} time {} figures {} events {}",
            env!("CARGO_PKG_VERSION"),
            tri_ner::bundled::model_fingerprint(),
            tri_attribution::fingerprint(),
            tri_time::fingerprint(),
            tri_figures::fingerprint(),
            tri_events::fingerprint()
        )
    }

    /// Annotates an article's text. `language` is the article's ISO 639-1 code: the
    /// named-entity model is trained on English news, so other languages get sentences
    /// and tokens but no mentions rather than wrong ones.
    pub fn annotate(&self, text: &str, language: Option<&str>) -> Annotated {
        self.annotate_with(text, language, None, None)
    }

    /// [`Annotator::annotate`] for an article whose metadata names its publishing outlet
    /// and title, so that the provenance chain starts from the outlet and an origin
    /// named only in the title ("..., Reuters Report") is found.
    pub fn annotate_with(
        &self,
        text: &str,
        language: Option<&str>,
        outlet: Option<&str>,
        title: Option<&str>,
    ) -> Annotated {
        self.run(&ArticleMeta {
            text,
            language,
            outlet,
            title,
            url: None,
            published: None,
        })
    }

    /// Annotates a stored or extracted article with everything its metadata gives: the
    /// outlet and title for provenance, the publication date (or the URL, to infer one)
    /// for the chronology.
    ///
    /// Lines extraction removed from the body are not annotated, except that the events
    /// of a removed line long enough to be a photo caption ("Russian forces launched a
    /// large-scale drone and missile attack on the capital of Ukraine. Visual China")
    /// are kept, each marked with its line ([`Event::removed_line`]): a caption is not
    /// body text, but what it reports happened.
    pub fn annotate_article(&self, article: &Article) -> Annotated {
        let meta = ArticleMeta {
            text: &article.text,
            language: article.language.as_deref(),
            outlet: article.outlet.as_deref(),
            title: article.title.as_deref(),
            url: article.url.as_deref(),
            published: article.published.as_ref(),
        };
        let mut found = self.run(&meta);
        for (i, line) in article.removed.iter().enumerate() {
            if line.split_whitespace().count() < CAPTION_WORDS {
                continue;
            }
            let caption = self.run(&ArticleMeta { text: line, ..meta });
            found.events.extend(caption.events.into_iter().map(|mut e| {
                e.removed_line = Some(i);
                e
            }));
        }
        found
    }

    fn run(&self, meta: &ArticleMeta<'_>) -> Annotated {
        let ArticleMeta {
            text,
            language,
            outlet,
            title,
            url,
            published,
        } = *meta;
        let segmented = tri_text::segment(text);
        let mentions = if language.is_none_or(|l| l == "en") {
            self.mentions(text, &segmented)
        } else {
            Vec::new()
        };
        let gazetteer = Gazetteer::embedded();
        let entities = tri_entities::resolve(text, &segmented, &mentions, gazetteer);
        let attributions = if language.is_none_or(|l| l == "en") {
            tri_attribution::attribute(
                &tri_attribution::Input {
                    text,
                    segmented: &segmented,
                    entities: &entities,
                    outlet,
                    title,
                },
                gazetteer,
            )
        } else {
            Attributions::default()
        };
        // Dates are English rules too, but a publication date from the metadata or URL
        // holds in any language.
        let chronology = if language.is_none_or(|l| l == "en") {
            tri_time::chronology(&tri_time::ArticleTime {
                text,
                segmented: &segmented,
                published,
                url,
            })
        } else {
            Chronology {
                publication: tri_time::publication_date(&tri_time::ArticleTime {
                    text: "",
                    segmented: &Segmented::default(),
                    published,
                    url,
                }),
                ..Chronology::default()
            }
        };
        let mut figures = if language.is_none_or(|l| l == "en") {
            tri_figures::extract(&tri_figures::Input {
                text,
                segmented: &segmented,
                entities: &entities,
                attributions: &attributions,
            })
        } else {
            Vec::new()
        };
        date_periods(&mut figures, &chronology);
        let events = if language.is_none_or(|l| l == "en") {
            tri_events::extract(&tri_events::Input {
                text,
                segmented: &segmented,
                entities: &entities,
                attributions: &attributions,
                chronology: &chronology,
                gazetteer,
            })
        } else {
            Vec::new()
        };
        Annotated {
            segmented,
            mentions,
            entities,
            attributions,
            chronology,
            figures,
            events,
        }
    }

    fn mentions(&self, text: &str, segmented: &Segmented) -> Vec<Mention> {
        let sentences: Vec<Vec<std::borrow::Cow<str>>> = segmented
            .sentences
            .iter()
            .map(|s| {
                segmented.tokens[s.first_token..s.end_token]
                    .iter()
                    .map(|t| conll_form(t.span.of(text)))
                    .collect()
            })
            .collect();
        let chunks = self.tagger.chunks(&sentences);
        let mut mentions = Vec::new();
        for (sentence, chunks) in segmented.sentences.iter().zip(chunks) {
            let tokens = &segmented.tokens[sentence.first_token..sentence.end_token];
            for chunk in chunks {
                let span = Span::new(
                    tokens[chunk.start].span.start,
                    tokens[chunk.end - 1].span.end,
                );
                let Some(kind) = EntityKind::from_conll_label(&chunk.label) else {
                    continue;
                };
                mentions.push(Mention {
                    span,
                    kind,
                    text: span.of(text).to_string(),
                });
            }
        }
        mentions
    }
}

/// Gives each figure's period the value of the temporal expression written there, so
/// that "502 square kilometers in July" covers `2025-07`.
fn date_periods(figures: &mut [Figure], chronology: &Chronology) {
    let timexes = &chronology.timexes;
    for f in figures {
        let Some(p) = f.period_span else { continue };
        // Timexes are in text order and do not overlap: the first one ending after the
        // period starts is the only candidate.
        let at = timexes.partition_point(|t| t.span.end <= p.start);
        f.period_value = timexes
            .get(at)
            .filter(|t| t.span.start < p.end)
            .map(tri_model::Timex::value_range);
    }
}

/// The token as the CoNLL-2003 training text writes it: straight quotes and apostrophes.
fn conll_form(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['\u{2019}', '\u{2018}', '\u{201c}', '\u{201d}']) {
        let s: String = token
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c => c,
            })
            .collect();
        std::borrow::Cow::Owned(s)
    } else {
        std::borrow::Cow::Borrowed(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_places_and_organisations_with_offsets() {
        let annotator = Annotator::bundled().unwrap();
        let text = "Kremlin spokesman Dmitry Peskov said on Monday that Russia would keep talking to Ukraine.\n\nThe European Union said it would respond.";
        let a = annotator.annotate(text, Some("en"));
        let found: Vec<(&str, EntityKind)> = a
            .mentions
            .iter()
            .map(|m| (m.span.of(text), m.kind))
            .collect();
        assert!(
            found.contains(&("Dmitry Peskov", EntityKind::Person)),
            "{found:?}"
        );
        assert!(found.contains(&("Russia", EntityKind::Place)), "{found:?}");
        assert!(found.contains(&("Ukraine", EntityKind::Place)), "{found:?}");
        assert!(
            found.contains(&("European Union", EntityKind::Organisation)),
            "{found:?}"
        );
        assert_eq!(a.segmented.sentences.len(), 2);
    }

    #[test]
    fn other_languages_get_no_english_guesses() {
        let annotator = Annotator::bundled().unwrap();
        let a = annotator.annotate("Владимир Путин заявил в понедельник.", Some("ru"));
        assert!(a.mentions.is_empty());
        assert!(!a.segmented.tokens.is_empty());
    }

    #[test]
    fn curly_apostrophes_read_as_straight_ones() {
        assert_eq!(conll_form("\u{2019}s"), "'s");
        assert_eq!(conll_form("Putin"), "Putin");
    }
}
