//! The JSON shape of `Extracted` (run with `cargo test --features serde`).
#![cfg(feature = "serde")]

use serde_json::{Value, json};

const PAGE: &str = r#"<html lang="en"><head><title>Quay to be extended | Harbour Post</title>
  <meta property="og:site_name" content="Harbour Post">
  <meta name="author" content="Ana Lima">
  <meta property="article:published_time" content="2024-03-05">
  </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article><h1>Quay to be extended</h1>
  <h2>What the board decided</h2>
  <p>The harbour board met on Tuesday evening and voted to extend the quay by forty metres,
  a plan that has been discussed for more than ten years.</p></article></body></html>"#;

#[test]
fn extracted_serialises_to_the_documented_object() {
    let e = unboil::extract(PAGE);
    let v = serde_json::to_value(&e).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 4);
    for k in ["title", "metadata", "text", "blocks"] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(v["title"], "Quay to be extended");
    assert_eq!(v["text"], e.text());
    assert_eq!(
        v["metadata"],
        json!({
            "title": "Quay to be extended",
            "authors": ["Ana Lima"],
            "published": "2024-03-05",
            "modified": null,
            "site_name": "Harbour Post",
            "language": "en",
            "direction": "ltr",
            "description": null,
            "canonical_url": null,
            "image": null,
            "tags": [],
            "categories": []
        })
    );
}

#[test]
fn blocks_carry_kind_level_text_decision_and_score() {
    let e = unboil::extract(PAGE);
    let v = serde_json::to_value(&e).unwrap();
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), e.blocks().len());
    let find = |text: &str| -> &Value {
        blocks
            .iter()
            .find(|b| b["text"].as_str().is_some_and(|t| t.starts_with(text)))
            .unwrap()
    };
    let title = find("Quay to be extended");
    assert_eq!(title["kind"], "heading");
    assert_eq!(title["level"], 1);
    assert_eq!(title["decision"], "title");
    let sub = find("What the board decided");
    assert_eq!(
        (&sub["kind"], &sub["level"]),
        (&json!("heading"), &json!(2))
    );
    let para = find("The harbour board");
    assert_eq!(para["kind"], "paragraph");
    assert_eq!(para["decision"], "content");
    assert!(para.get("level").is_none());
    assert!(para["score"].as_f64().unwrap() > 0.0);
    let nav = find("Home");
    assert_eq!(nav["decision"], "boilerplate");
}

#[test]
fn kinds_and_directions_serialise_in_snake_case() {
    assert_eq!(
        serde_json::to_value(unboil::BlockKind::ListItem).unwrap(),
        json!({"kind": "list_item"})
    );
    assert_eq!(
        serde_json::to_value(unboil::Decision::Duplicate).unwrap(),
        "duplicate"
    );
    assert_eq!(
        serde_json::to_value(unboil::TextDirection::Rtl).unwrap(),
        "rtl"
    );
}
