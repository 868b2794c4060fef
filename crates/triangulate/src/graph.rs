//! The provenance graph: who published each article, which outlets it cites and
//! retells, and which sources each quote reaches it from (article → cited outlet →
//! source).

use std::collections::HashMap;

use serde::Serialize;
use tri_model::SourceKind;

use crate::claims::Origin;
use crate::ArticleInput;

/// Nodes and edges; ids are `article:ID`, `outlet:KEY`, `source:KEY`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    #[serde(skip)]
    node_index: HashMap<String, usize>,
    #[serde(skip)]
    edge_index: HashMap<(String, String, String), usize>,
}

/// An article, an outlet or a source.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub id: String,
    /// `article`, `outlet` or `source`.
    pub kind: String,
    pub label: String,
}

/// `published` (outlet → article), `retells` (article → the report it retells),
/// `cites` (article → outlet), `quotes` (article or outlet → source, with how many
/// quotes).
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: String,
    pub count: usize,
}

fn key(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

impl Graph {
    fn node(&mut self, id: String, kind: &str, label: &str) -> String {
        if !self.node_index.contains_key(&id) {
            self.node_index.insert(id.clone(), self.nodes.len());
            self.nodes.push(Node {
                id: id.clone(),
                kind: kind.to_string(),
                label: label.to_string(),
            });
        }
        id
    }

    fn edge(&mut self, from: &str, to: &str, kind: &str) {
        let key = (from.to_string(), to.to_string(), kind.to_string());
        match self.edge_index.get(&key) {
            Some(&i) => self.edges[i].count += 1,
            None => {
                self.edge_index.insert(key, self.edges.len());
                self.edges.push(Edge {
                    from: from.to_string(),
                    to: to.to_string(),
                    kind: kind.to_string(),
                    count: 1,
                });
            }
        }
    }

    /// The outlet a node id names, for the ones that are outlets.
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.node_index
            .get(id)
            .map_or(id, |&i| self.nodes[i].label.as_str())
    }
}

pub(crate) fn graph(inputs: &[ArticleInput<'_>], origins: &[Origin]) -> Graph {
    let mut g = Graph::default();
    for (input, origin) in inputs.iter().zip(origins) {
        let a = input.article;
        let title = a
            .title
            .clone()
            .unwrap_or_else(|| a.id[..a.id.len().min(8)].to_string());
        let article = g.node(format!("article:{}", a.id), "article", &title);
        if let Some(outlet) = &a.outlet {
            let o = g.node(format!("outlet:{}", key(outlet)), "outlet", outlet);
            g.edge(&o, &article, "published");
        }
        if !origin.key.starts_with("article:")
            && a.outlet.as_deref().map(key) != Some(key(&origin.display))
        {
            let o = g.node(
                format!("outlet:{}", key(&origin.display)),
                "outlet",
                &origin.display,
            );
            g.edge(&article, &o, "retells");
        }
        let Some(attr) = input.attributions else {
            continue;
        };
        for cited in &attr.provenance.cited {
            let o = g.node(
                format!("outlet:{}", key(&cited.name)),
                "outlet",
                &cited.name,
            );
            let key = (article.clone(), o.clone(), "cites".to_string());
            if !g.edge_index.contains_key(&key) {
                g.edge(&article, &o, "cites");
            }
        }
        for q in &attr.quotes {
            let Some(source) = q.source.and_then(|s| attr.sources.get(s)) else {
                continue;
            };
            if source.kind == SourceKind::Outlet {
                continue;
            }
            let s = g.node(
                format!("source:{}", key(&source.name)),
                "source",
                &source.name,
            );
            let from = match q.via.and_then(|v| attr.provenance.cited.get(v)) {
                Some(c) => format!("outlet:{}", key(&c.name)),
                None => article.clone(),
            };
            g.edge(&from, &s, "quotes");
        }
    }
    g
}
