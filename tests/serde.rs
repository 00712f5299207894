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
    assert_eq!(keys.len(), 5);
    for k in ["title", "page_type", "metadata", "text", "blocks"] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(v["title"], "Quay to be extended");
    let page_type = e.page_type().expect("HTML mode judges the page type");
    assert_eq!(v["page_type"], page_type.as_str());
    // A dump without text has no page type: the key is there, with null.
    let dump = serde_json::to_value(unboil::extract_text("")).unwrap();
    assert_eq!(dump["page_type"], Value::Null);
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

#[test]
fn explanation_serialises_with_container_blocks_and_named_reasons() {
    use unboil::{Extractor, Options};
    let e = Extractor::new(Options::default().with_explain(true))
        .extract(PAGE)
        .unwrap();
    let explanation = e.explanation().unwrap();
    let v = serde_json::to_value(explanation).unwrap();
    assert_eq!(v["container"], json!(explanation.container.as_deref()));
    assert!(v["container"].as_str().unwrap().ends_with("article"));
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), e.blocks().len());
    let nav = blocks
        .iter()
        .zip(e.blocks())
        .find(|(_, b)| b.text().starts_with("Home"))
        .map(|(v, _)| v)
        .unwrap();
    assert_eq!(nav["kind"], "paragraph");
    assert_eq!(nav["decision"], "boilerplate");
    assert!(nav["features"]["link_density"].as_f64().unwrap() > 0.9);
    assert!(
        nav["features"]["hints"]
            .as_array()
            .unwrap()
            .contains(&json!("nav"))
    );
    let reasons = nav["reasons"].as_array().unwrap();
    let link = reasons
        .iter()
        .find(|r| r["reason"] == "link_density")
        .unwrap();
    assert!(link["weight"].as_f64().unwrap() < 0.0);
    let hint = reasons.iter().find(|r| r["reason"] == "hint").unwrap();
    assert_eq!(hint["hint"], "nav");
    // The weights sum to the score, as in the Rust values.
    let sum: f64 = reasons.iter().map(|r| r["weight"].as_f64().unwrap()).sum();
    assert!((sum - nav["score"].as_f64().unwrap()).abs() < 1e-3);
}

#[test]
fn no_container_serialises_as_null() {
    use unboil::{Extractor, Options};
    let e = Extractor::new(Options::default().with_explain(true))
        .extract("<div></div>")
        .unwrap();
    let v = serde_json::to_value(e.explanation().unwrap()).unwrap();
    assert_eq!(v, json!({"container": null, "blocks": []}));
}

#[test]
fn reasons_serialise_as_their_display_name() {
    use unboil::Reason;
    for r in [Reason::Length, Reason::LinkDensity, Reason::AfterComments] {
        assert_eq!(serde_json::to_value(r).unwrap(), json!(r.to_string()));
    }
    assert_eq!(
        serde_json::to_value(Reason::Hint("nav")).unwrap(),
        json!({"hint": "nav"})
    );
}

#[test]
fn dates_serialise_as_their_iso_string() {
    let page = r#"<meta property="article:published_time" content="5 mars 2024">
      <p>La route du col a fermé à midi vendredi, a indiqué la préfecture.</p>"#;
    let e = unboil::extract(page);
    let v = serde_json::to_value(e.metadata()).unwrap();
    assert_eq!(v["published"], "2024-03-05");
}
