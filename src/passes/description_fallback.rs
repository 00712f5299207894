//! The last step of "never empty when text exists": the page's own description.
//!
//! Some pages send their main text only to browsers that run their scripts: a forum thread or a
//! web app's page arrives as a shell of menus, and the posts are fetched afterwards. Such a page
//! still says what it holds, in its description (`<meta name="description">`, `og:description`,
//! JSON-LD), which forum and blog software fill with the opening of the post. When the classifier
//! keeps next to nothing and the description is a real passage of prose, the description is the
//! best main text the page has: it is added as the last block, and the menu links that the
//! classifier's fallback kept for want of anything better are dropped.

use crate::block::{Block, BlockKind, Decision};
use crate::blocks::repeat;
use crate::blocks::view::BlockView;
use crate::explain::{BlockExplanation, BlockFeatures, Explanation, Reason};
use crate::features::TextStats;

/// Kept text under this many words is "next to nothing": a logo, a menu, a sign-in line.
const NOTHING_KEPT: u32 = 15;
/// A description of at least this many words is a passage rather than a tagline or a list of
/// keywords ("Shop wallets, bags and more").
const PASSAGE: u32 = 30;
/// A kept block with at least this share of its text in links is a menu, not text.
const LINKED: f32 = 0.5;
/// Times the kept text's words a description must hold to replace it: clearly more text than
/// the page kept, not a restatement of a kept line.
const OUTWEIGHS_KEPT: u32 = 3;

/// The description to add as the page's text, if the page kept next to nothing and the
/// description is a passage that the kept text does not already hold. When there is one, kept
/// blocks that are mostly links become boilerplate (with the reason in `reasons`, when
/// explaining).
pub(crate) fn description_text(
    views: &[BlockView<'_>],
    decisions: &mut [Decision],
    reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
    description: Option<&str>,
) -> Option<String> {
    let description = description?.trim();
    let kept = || {
        views
            .iter()
            .zip(decisions.iter())
            .filter(|(_, d)| **d == Decision::Content)
            .map(|(v, _)| v)
    };
    let kept_words: u32 = kept().map(|v| v.stats.words).sum();
    if kept_words >= NOTHING_KEPT {
        return None;
    }
    let stats = TextStats::of(description);
    if stats.words < PASSAGE
        || stats.words < OUTWEIGHS_KEPT * kept_words
        || stats.sentence_marks == 0
    {
        return None;
    }
    let folded = repeat::fold(description);
    if kept().any(|v| repeat::fold(&v.raw.text).contains(&folded)) {
        return None;
    }
    let mut reasons = reasons;
    for (i, (v, d)) in views.iter().zip(decisions.iter_mut()).enumerate() {
        if *d == Decision::Content && v.link_density() >= LINKED {
            *d = Decision::Boilerplate;
            if let Some(r) = reasons.as_deref_mut().and_then(|r| r.get_mut(i)) {
                r.push((Reason::Description, 0.0));
            }
        }
    }
    Some(description.to_string())
}

/// Appends the description as the last block of the page, and its line to the explanation.
pub(crate) fn append(
    description: String,
    blocks: &mut Vec<Block>,
    explanation: Option<&mut Explanation>,
) {
    if let Some(explanation) = explanation {
        let stats = TextStats::of(&description);
        explanation.blocks.push(BlockExplanation {
            kind: BlockKind::Paragraph,
            decision: Decision::Content,
            score: 0.0,
            features: BlockFeatures {
                chars: stats.chars,
                words: stats.words,
                link_chars: 0,
                link_density: 0.0,
                sentence_marks: stats.sentence_marks,
                ends_sentence: stats.ends_sentence,
                position: 0.0,
                depth: 0,
                tag_path: "head>meta".to_string(),
                hints: Vec::new(),
                in_container: false,
            },
            reasons: vec![(Reason::Description, 0.0)],
        });
    }
    blocks.push(Block {
        kind: BlockKind::Paragraph,
        text: description,
        decision: Decision::Content,
        score: 0.0,
    });
}
