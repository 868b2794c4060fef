//! Stories on the five seed articles, read and annotated as `ingest` does and streamed in
//! date order: the `stories` and `storylines` of `examples/seeds-expected.json` exactly,
//! and seed 002, which names no origin, gets Reuters as its inferred origin.

use std::collections::{BTreeSet, HashMap};

use tri_stories::{epoch_seconds, StoryClusterer, StoryConfig, StoryInput};

/// A list of lists of seed ids as a set of sets.
fn groups(value: &serde_json::Value) -> BTreeSet<BTreeSet<String>> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            g.as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn seeds_make_three_stories_in_one_storyline() {
    let expected = tri_seeds::expected();
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
    let mut inputs: Vec<(String, StoryInput)> = tri_seeds::articles()
        .into_iter()
        .map(|(seed, article)| {
            let annotated = annotator.annotate_article(&article);
            // The analyst's dates: 001-004 carry none a reader of the file could use.
            let date = expected["articles"][seed]["published"].as_str().unwrap();
            let input = StoryInput::from_article(
                &article,
                Some(&annotated.attributions),
                epoch_seconds(date),
            );
            (seed.to_string(), input)
        })
        .collect();
    inputs.sort_by_key(|(seed, i)| (i.published, seed.clone()));
    let seed_of: HashMap<String, String> = inputs
        .iter()
        .map(|(s, i)| (i.id.clone(), s.clone()))
        .collect();
    let mut clusterer = StoryClusterer::new(StoryConfig::default());
    for (_, input) in inputs {
        clusterer.add(input);
    }
    let clustering = clusterer.finish();
    let as_seeds =
        |ids: &[String]| -> BTreeSet<String> { ids.iter().map(|id| seed_of[id].clone()).collect() };
    let got: BTreeSet<BTreeSet<String>> = clustering
        .stories
        .iter()
        .map(|s| as_seeds(&s.articles))
        .collect();
    assert_eq!(got, groups(&expected["stories"]));
    let lines: BTreeSet<BTreeSet<String>> = clustering
        .storylines
        .iter()
        .map(|line| {
            line.iter()
                .flat_map(|&s| as_seeds(&clustering.stories[s].articles))
                .collect()
        })
        .collect();
    assert_eq!(lines, groups(&expected["storylines"]));
    // Every article's origin, 002's inferred from the rewrites that name Reuters.
    for (id, placement) in &clustering.placements {
        let seed = &seed_of[id];
        let want = expected["articles"][seed.as_str()]["origin"]
            .as_str()
            .unwrap();
        // "Bloomberg News" is Bloomberg's newswire: the analyst writes the short name.
        let origin = placement.origin.as_deref().unwrap_or("");
        assert!(
            origin.starts_with(want),
            "seed {seed}: {origin:?}, want {want}"
        );
        let inferred = !placement.origin_inferred_from.is_empty();
        assert_eq!(inferred, seed == "002", "seed {seed}: {placement:?}");
    }
}
