//! The SPF include tree (RFC 7208 §5.2, §6.1) of a saved result, flattened in document order
//! so a template can draw it as nested lists: each term with the DNS lookups its branch costs,
//! each include or redirect followed by its target's terms one level deeper.

use serde_json::Value;

use crate::sanitize::escape;

/// How deep the tree is drawn (SPF's own limit of 10 lookups keeps real trees shallower).
const MAX_DEPTH: usize = 12;
/// The most terms drawn for one domain.
const MAX_ITEMS: usize = 1000;
/// RFC 7208 §4.6.4: the lookups one evaluation may cost.
pub const LOOKUP_LIMIT: u64 = 10;

/// A domain's SPF record and its terms, in order.
#[derive(Debug, Clone)]
pub struct Tree {
    pub domain: String,
    pub record: String,
    pub lookups: u64,
    pub items: Vec<Item>,
    /// Terms past [`MAX_ITEMS`] or [`MAX_DEPTH`], not drawn.
    pub cut: usize,
}

/// One term, with what the template needs to nest the next one.
#[derive(Debug, Clone)]
pub struct Item {
    pub term: String,
    /// The lookups of this term's branch, when it costs any.
    pub lookups: Option<u64>,
    pub note: Option<String>,
    /// The target's record, for an include or redirect whose target was read here.
    pub target: Option<Target>,
    /// The target was drawn where the tree first reached it.
    pub reference: Option<String>,
    /// The target's terms follow, one level deeper: the template opens a list.
    pub opens: bool,
    /// The lists this item closes after itself: `</ul></li>` for each level that ends here.
    pub closes: usize,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub domain: String,
    pub record: String,
}

impl Tree {
    /// Every include and redirect target, once, in order of first appearance.
    pub fn targets(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for item in &self.items {
            let name = item
                .target
                .as_ref()
                .map(|t| &t.domain)
                .or(item.reference.as_ref());
            if let Some(name) = name
                && !out.contains(name)
            {
                out.push(name.clone());
            }
        }
        out
    }
}

impl Item {
    /// The closing tags after the item, as markup the template writes unescaped.
    pub fn closing(&self) -> String {
        "</ul></li>".repeat(self.closes)
    }
}

/// Reads the tree object of an SPF report.
pub fn tree_of(node: &Value) -> Tree {
    let mut tree = Tree {
        domain: text(node, "domain"),
        record: text(node, "record"),
        lookups: node.get("lookups").and_then(Value::as_u64).unwrap_or(0),
        items: Vec::new(),
        cut: 0,
    };
    walk(node, 1, &mut tree);
    tree
}

fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(escape)
        .unwrap_or_default()
}

/// Adds the terms of `node` at `depth`; the last item added closes the levels that end with it.
fn walk(node: &Value, depth: usize, tree: &mut Tree) {
    let terms = node.get("terms").and_then(Value::as_array);
    for term in terms.into_iter().flatten() {
        if tree.items.len() >= MAX_ITEMS || depth > MAX_DEPTH {
            tree.cut += 1;
            continue;
        }
        let target = term.get("target").filter(|t| t.is_object());
        let lookups = term.get("lookups").and_then(Value::as_u64).unwrap_or(0);
        let cost = term.get("cost").and_then(Value::as_u64).unwrap_or(0);
        tree.items.push(Item {
            term: text(term, "term"),
            lookups: (lookups > 0 || cost > 0).then_some(lookups),
            note: term.get("note").and_then(Value::as_str).map(escape),
            target: target.map(|t| Target {
                domain: text(t, "domain"),
                record: text(t, "record"),
            }),
            reference: term.get("reference").and_then(Value::as_str).map(escape),
            opens: false,
            closes: 0,
        });
        if let Some(target) = target {
            let before = tree.items.len();
            walk(target, depth + 1, tree);
            if tree.items.len() > before {
                // The target's terms are a list inside this item: the last of them closes it.
                tree.items[before - 1].opens = true;
                if let Some(last) = tree.items.last_mut() {
                    last.closes += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_targets_and_closes_each_level_once() {
        let tree = serde_json::json!({
            "domain": "example.com", "record": "v=spf1 include:a include:b -all", "lookups": 12,
            "terms": [
                {"term": "include:a", "cost": 1, "lookups": 3, "target": {
                    "domain": "a", "record": "v=spf1 include:c", "lookups": 2, "terms": [
                        {"term": "include:c", "cost": 1, "lookups": 1, "target": {
                            "domain": "c", "record": "v=spf1 a", "lookups": 1,
                            "terms": [{"term": "a", "cost": 1, "lookups": 1}]}}]}},
                {"term": "include:b", "cost": 1, "lookups": 1, "reference": "a"},
                {"term": "-all", "cost": 0, "lookups": 0}
            ]
        });
        let tree = tree_of(&tree);
        let terms: Vec<(&str, usize)> = tree
            .items
            .iter()
            .map(|i| (i.term.as_str(), i.closes))
            .collect();
        assert_eq!(
            terms,
            [
                ("include:a", 0),
                ("include:c", 0),
                ("a", 2),
                ("include:b", 0),
                ("-all", 0)
            ]
        );
        assert_eq!(tree.targets(), ["a", "c"]);
        assert_eq!(tree.items[4].lookups, None);
        assert_eq!(tree.items[2].closing(), "</ul></li></ul></li>");
    }

    #[test]
    fn a_hostile_tree_is_cut_not_followed() {
        let mut node = serde_json::json!({"domain": "x", "record": "r", "lookups": 1, "terms": []});
        for _ in 0..100 {
            node = serde_json::json!({"domain": "x", "record": "r", "lookups": 1,
                "terms": [{"term": "include:x", "cost": 1, "lookups": 1, "target": node}]});
        }
        let tree = tree_of(&node);
        assert_eq!(tree.items.len(), MAX_DEPTH);
        assert!(tree.cut > 0);
        assert_eq!(
            tree.items.iter().map(|i| i.closes).sum::<usize>(),
            MAX_DEPTH - 1
        );
    }
}
