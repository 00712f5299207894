//! A shop's delivery and returns section: the same text on every product page, so not the
//! product's. Kept apart from the other drop passes because it alone reads headings in several
//! languages and walks up to accordion items.

use super::{BlockView, drop_kept};
use crate::block::BlockKind;
use crate::blocks::segment::Elem;
use crate::explain::Reason;
use crate::features::is_alphanumeric;
use crate::features::lexicon::SHOP_POLICY_WORDS;
use crate::parse::dom::Tag;

/// Whether a short heading names a shop's policy (delivery, shipping, returns), in a few
/// languages: words a shop puts above the same text on every product it sells.
fn names_shop_policy(text: &str) -> bool {
    text.chars().count() <= 40 && mentions_shop_policy(text)
}

/// Whether a text holds one of the words of a shop's policy (delivery, shipping, returns), in
/// a few languages, as a whole word.
pub(super) fn mentions_shop_policy(text: &str) -> bool {
    text.split(|c: char| !is_alphanumeric(c)).any(|w| {
        // Lower-cased once per word, and only when ASCII case folding cannot do.
        if w.is_ascii() {
            SHOP_POLICY_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w))
        } else {
            SHOP_POLICY_WORDS.contains(&w.to_lowercase().as_str())
        }
    })
}

/// A shop's delivery and returns section is the same on every product page, so it is not
/// the product's text: the gold texts of the dev pages leave it out on every product page that
/// has one. The section is the small element (at most four blocks) that a heading or
/// `<summary>` naming the policy opens, or the accordion item ([`accordion_section`]) that a
/// toggle naming it opens: a button, or a block nested inside a `<summary>`. Measured for the
/// accordion items: wcxb-dev bowF1 0.88913 -> 0.88947 (product 0.7808 -> 0.7848, two pages
/// better, none worse), aeb unchanged.
pub(super) fn drop_shop_policy(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    for (i, b) in blocks.iter().enumerate() {
        let heading = matches!(b.raw.kind, BlockKind::Heading { .. })
            || elems
                .get(b.raw.elem as usize)
                .is_some_and(|e| e.tag == Tag::Summary);
        if !names_shop_policy(&b.raw.text) {
            continue;
        }
        if !heading {
            if let Some((first, end)) = accordion_section(elems, b, i) {
                for j in first..end.min(keep.len()) {
                    drop_kept(keep, &mut reasons, j, Reason::ShopPolicy);
                }
            }
            continue;
        }
        let Some(section) = elems
            .get(b.raw.elem as usize)
            .and_then(|e| elems.get(e.parent as usize))
        else {
            continue;
        };
        let (first, end) = (section.first_block as usize, section.end_block as usize);
        if first != i || end.saturating_sub(first) > 4 {
            continue;
        }
        for j in first..end.min(keep.len()) {
            drop_kept(keep, &mut reasons, j, Reason::ShopPolicy);
        }
    }
}

/// Levels above a block's element that an accordion's toggle and its item are looked for.
const ACCORDION_LEVELS: usize = 4;
/// Blocks an accordion item holds at most: its toggle and a panel of a few paragraphs.
const ACCORDION_MAX_BLOCKS: u32 = 8;

/// The blocks of the accordion item that block `i` opens, when the block is the item's
/// toggle: a button's text (`<button><span>Delivery & Returns</span></button>`) or a block
/// inside a `<summary>` (`<summary><div>…</div></summary>`). The item is the nearest element
/// up that starts with the toggle and holds more than it, at most `ACCORDION_MAX_BLOCKS`.
fn accordion_section(elems: &[Elem], b: &BlockView<'_>, i: usize) -> Option<(usize, usize)> {
    let button = b.raw.button_chars * 10 >= b.stats.chars * 9;
    let mut id = b.raw.elem as usize;
    let mut toggle = button;
    for _ in 0..ACCORDION_LEVELS {
        let e = elems.get(id)?;
        toggle |= e.tag == Tag::Summary || e.tag == Tag::Button;
        let (first, end) = (e.first_block, e.end_block);
        if first as usize != i {
            return None;
        }
        if toggle && end > first + 1 {
            return (end - first <= ACCORDION_MAX_BLOCKS).then_some((first as usize, end as usize));
        }
        if e.parent as usize == id {
            return None;
        }
        id = e.parent as usize;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::names_shop_policy;

    #[test]
    fn shop_policy_headings_are_named_in_several_languages() {
        assert!(names_shop_policy("Delivery and returns"));
        assert!(names_shop_policy("Livraison & retours"));
        assert!(names_shop_policy("Shipping"));
        // Words inside other words, and long headings, do not count.
        assert!(!names_shop_policy("Redelivery of the mail in the 1890s"));
        assert!(!names_shop_policy(
            "How the shipping industry changed the way the world trades goods"
        ));
        assert!(!names_shop_policy("Specifications"));
    }
}
