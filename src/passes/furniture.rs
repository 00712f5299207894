//! Furniture: short lines that describe or operate the text rather than tell it (bylines,
//! date stamps, picture credits, buttons, a shop's controls), and captions credited to a
//! picture. Separate because the score cap and the item lists both ask [`is_furniture`].

use super::{BlockView, drop_kept};
use crate::explain::Reason;
use crate::features::hints::Hints;
use crate::features::lexicon::SHOP_POLICY_WORDS;

/// The score a furniture line is capped at: below the cut in every focus, so that even
/// `Focus::Recall` leaves it out.
pub(super) const FURNITURE_CAP: f32 = -1.0;

/// Characters of a picture credit or a caption ending in one at most: a caption of a sentence
/// or two; a longer block is text that happens to end with a credit.
const CREDIT_MAX: u32 = 200;
/// Characters from which a block is never furniture: a byline, a date, a button or a control
/// fits in a short line, a longer block tells something.
const FURNITURE_MAX: u32 = 100;
/// Tenths of a block's characters in button text from which it is a button ("Copy", "Share"):
/// nine in ten, leaving room for an icon's label or a count.
const BUTTON_TENTHS: u32 = 9;
/// Characters below which a button line is a lone button, not a sentence with a link styled
/// as one.
const BUTTON_MAX: u32 = 30;
/// Characters below which a line in a form or a shop's markup is a control (a size picker, "Add
/// to cart", a quantity), not a product's description.
const CONTROL_MAX: u32 = 40;
/// Characters below which a star-rating line is the rating itself ("4.5 out of 5 stars, 120
/// reviews"), not a review that mentions stars.
const RATING_MAX: u32 = 60;

/// A byline, a date stamp, a `Label: value` profile line, a star rating or a lone button
/// ("Copy", "Share"): short lines that describe or operate the text rather than tell it. The datasets' gold texts are indifferent to this rule
/// (measured: aeb F1 +0.0003, wcxb-dev bowF1 -0.0007), so it encodes the project's convention
/// (tests/pages/README.md) where the data does not decide.
pub(super) fn is_furniture(b: &BlockView<'_>, hints: Hints) -> bool {
    // A picture's credit line, or a caption ending in one (measured: aeb F1 +0.001, wcxb-dev
    // bowF1 +0.000; no gold text of either holds such a line).
    if b.stats.chars <= CREDIT_MAX
        && crate::features::furniture_cues::is_picture_credit(&b.raw.text)
    {
        return true;
    }
    if b.stats.chars >= FURNITURE_MAX {
        return false;
    }
    let described = hints.has(Hints(Hints::META.0 | Hints::BYLINE.0 | Hints::DATE.0));
    let shaped = b.shape.byline || b.shape.date || b.shape.time || b.shape.field;
    let button =
        b.raw.button_chars * 10 >= b.stats.chars * BUTTON_TENTHS && b.stats.chars < BUTTON_MAX;
    let control = b.stats.chars < CONTROL_MAX
        && (hints.has(Hints::FORM) || hints.has(Hints::SHOP) && !is_spec_line(&b.raw.text));
    // A shop's delivery or returns promise ("Free returns within 30 days") inside shop
    // markup: the same line on every product the shop sells. The shop hint may sit on the
    // container or above it, so the block's own inherited hints are asked as well.
    let policy = b.stats.chars < POLICY_LINE
        && (hints.has(Hints::SHOP) || b.hints.has(Hints::SHOP))
        && mentions_shop_policy(&b.raw.text);
    hints.has(Hints::BYLINE)
        || policy
        || crate::features::furniture_cues::is_ad_label(&b.raw.text)
        || crate::features::furniture_cues::is_date_stamp(&b.raw.text, &b.shape)
        || crate::features::furniture_cues::is_reading_time(&b.raw.text)
        || crate::features::furniture_cues::is_relative_age(&b.raw.text, &b.shape)
        || crate::features::furniture_cues::is_script_notice(&b.raw.text)
        || control
        || described && shaped
        || b.shape.rating && b.stats.chars < RATING_MAX
        || button
}

/// Characters below which a line of shop markup that names a delivery or returns policy is
/// furniture; longer blocks (a product's own description of its delivery) are judged as text.
const POLICY_LINE: u32 = 80;

/// Letters of the label word a specification line needs: a name ("Weight", "Screen"), not a
/// unit ("kg", "in").
const SPEC_LABEL_MIN: usize = 4;

/// A product tile's labelled specification line ("Weight: 1.2 kg", "Screen: up to 27 in"): a
/// colon, a number and a word of four letters or more, and no currency sign (a price stays
/// furniture). Shops style such lines with the price (`class="price-text"`), so their shop
/// hint does not make them a control. Unlabelled plan lines ("Up to 3 sites") stay controls:
/// the datasets' gold texts split on them. Measured: wcxb-dev bowF1 0.88628 -> 0.88666
/// (collection 0.735 -> 0.739; no page worse), aeb unchanged.
fn is_spec_line(text: &str) -> bool {
    text.contains(':')
        && text.chars().any(|c| c.is_ascii_digit())
        && !text
            .chars()
            .any(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'))
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= SPEC_LABEL_MIN)
}

/// A block marked as a caption next to a picture credit ("Jane Roe | Agency", a byline-marked
/// credit) is the picture's caption, however well it reads: it is dropped. A caption alone is
/// not enough, since sites mark whole article bodies with caption-like classes. Measured: aeb
/// F1 0.9691 -> 0.9697 (P 0.9559 -> 0.9570), wcxb-dev bowF1 0.8636 unchanged.
pub(super) fn drop_credited_captions(
    blocks: &[BlockView<'_>],
    caption: &[bool],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let credit = |j: usize| {
        blocks.get(j).is_some_and(|n| {
            n.stats.chars < FURNITURE_MAX
                && (n.hints.has(Hints::BYLINE)
                    || crate::features::furniture_cues::is_picture_credit(&n.raw.text))
        })
    };
    for i in 0..blocks.len() {
        if !caption.get(i).copied().unwrap_or(false) {
            continue;
        }
        if !(credit(i + 1) || i.checked_sub(1).is_some_and(credit)) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::Caption);
    }
}

/// Whether a text holds one of the words of a shop's policy (delivery, shipping, returns), in
/// a few languages, as a whole word.
fn mentions_shop_policy(text: &str) -> bool {
    text.split(|c: char| !crate::features::is_alphanumeric(c))
        .any(|w| {
            // Lower-cased once per word, and only when ASCII case folding cannot do.
            if w.is_ascii() {
                SHOP_POLICY_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w))
            } else {
                SHOP_POLICY_WORDS.contains(&w.to_lowercase().as_str())
            }
        })
}
