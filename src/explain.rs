//! Why each block was kept or dropped, as data.
//!
//! Recorded only when [`Options::with_explain`](crate::Options::with_explain) is on, so extraction without
//! it pays nothing. The types are `#[non_exhaustive]`: fields may be added in minor releases.
//! With the `serde` feature they serialise to JSON (see [`Explanation`] for the shape).

use crate::block::{BlockKind, Decision};
use crate::blocks::segment::Elem;
use crate::blocks::view::{BlockView, Verdict};

/// The explanation of one extraction: the main container and every block's evidence.
///
/// ```
/// use unboil::{Extractor, Options};
///
/// let page = "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>
///   <article><p>Main text of the page, long enough to be a real paragraph of prose.</p></article>";
/// let extracted = Extractor::new(Options::default().with_explain(true)).extract(page)?;
/// let explanation = extracted.explanation().expect("explain was on");
/// let nav = &explanation.blocks[0];
/// assert!(nav.features.link_density > 0.9);
/// assert!(!nav.reasons.is_empty());
/// assert_eq!(explanation.container.as_deref(), Some("html>body>article"));
///
/// // A page without blocks has no container.
/// let empty = Extractor::new(Options::default().with_explain(true)).extract("<div></div>")?;
/// assert_eq!(empty.explanation().expect("explain was on").container, None);
/// # Ok::<(), unboil::Error>(())
/// ```
///
/// With the `serde` feature it serialises as `{"container": "html>body>article" or null,
/// "blocks": [{"kind": "paragraph", "decision": "content", "score": 1.5, "features": {…},
/// "reasons": [{"reason": "length", "weight": 0.8}, {"reason": "hint", "hint": "nav",
/// "weight": -0.5}, …]}, …]}`: a block's kind is flattened as in [`Block`](crate::Block), and
/// each reason is an object with its snake-case name (see [`Reason`]) and its weight.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Explanation {
    /// Tag path of the element chosen as the main container, such as `html>body>div>article`;
    /// `None` when no element was chosen (a page without blocks, or one whose best container
    /// is the whole document).
    pub container: Option<String>,
    /// One entry per block, in the order of [`Extracted::blocks`](crate::Extracted::blocks).
    pub blocks: Vec<BlockExplanation>,
}

/// The evidence about one block.
///
/// ```
/// use unboil::{Extractor, Options};
///
/// let page = "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>
///   <article><p>Main text of the page, long enough to be a real paragraph of prose.</p></article>";
/// let extracted = Extractor::new(Options::default().with_explain(true)).extract(page)?;
/// let explanation = extracted.explanation().expect("explain was on");
/// for (block, why) in extracted.blocks().iter().zip(&explanation.blocks) {
///     assert_eq!((why.kind, why.decision), (block.kind(), block.decision()));
///     assert_eq!(why.score, block.score());
///     // The score is the sum of the weights of the evidence.
///     let sum: f32 = why.reasons.iter().map(|(_, weight)| weight).sum();
///     assert!((sum - why.score).abs() < 1e-3);
/// }
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BlockExplanation {
    /// The block's kind.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub kind: BlockKind,
    /// The final decision.
    pub decision: Decision,
    /// The final score (the sum of the reasons' weights, after the context pass).
    pub score: f32,
    /// What was measured.
    pub features: BlockFeatures,
    /// Each piece of evidence with its signed weight; positive weights push toward content.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_reasons"))]
    pub reasons: Vec<(Reason, f32)>,
}

/// Measurements of a block.
///
/// ```
/// use unboil::{Extractor, Options};
///
/// let page = "<article><p><a href='/repairs'>Two years of repairs</a> ended on Monday, when \
///             the bridge reopened. The city said so.</p></article>";
/// let extracted = Extractor::new(Options::default().with_explain(true)).extract(page)?;
/// let features = &extracted.explanation().expect("explain was on").blocks[0].features;
/// assert_eq!(features.chars, 81);
/// assert_eq!(features.words, 15);
/// assert_eq!(features.link_chars, 20); // "Two years of repairs"
/// assert_eq!(features.link_density, 20.0 / 81.0);
/// assert_eq!(features.sentence_marks, 2);
/// assert!(features.ends_sentence);
/// assert_eq!(features.tag_path, "html>body>article>p");
/// assert_eq!(features.hints, ["article"]);
/// assert!(features.in_container);
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BlockFeatures {
    /// Characters of text.
    pub chars: u32,
    /// Words (each ideograph counts as a word).
    pub words: u32,
    /// Characters inside links. Text in buttons is not counted.
    pub link_chars: u32,
    /// `link_chars / chars` (0 for a block without text).
    pub link_density: f32,
    /// Sentence-ending punctuation marks.
    pub sentence_marks: u32,
    /// Whether the text ends like a sentence.
    pub ends_sentence: bool,
    /// Position in the page, 0 (first block) to 1 (last block).
    pub position: f32,
    /// Nesting depth of the block's element among block-level elements.
    pub depth: u16,
    /// Tag path of the block's element, such as `html>body>main>article>p`.
    pub tag_path: String,
    /// Hint categories from the tags and class/id/role/itemprop attributes around the block,
    /// such as `nav`, `share`, `comment` or `content`.
    pub hints: Vec<&'static str>,
    /// Whether the block lies inside the main container.
    pub in_container: bool,
}

/// A piece of evidence about a block.
///
/// ```
/// use unboil::{Extractor, Options, Reason};
///
/// let page = "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>
///   <article><p>Main text of the page, long enough to be a real paragraph of prose.</p></article>";
/// let extracted = Extractor::new(Options::default().with_explain(true)).extract(page)?;
/// let menu = &extracted.explanation().expect("explain was on").blocks[0];
/// let weight = |reason| menu.reasons.iter().find(|(r, _)| *r == reason).map(|(_, w)| *w);
/// // All links, inside a `<nav>`: both count against the menu.
/// assert!(weight(Reason::LinkDensity).unwrap() < 0.0);
/// assert!(weight(Reason::Hint("nav")).unwrap() < 0.0);
/// // Display gives the snake-case name, with a hint's category after a colon.
/// assert_eq!(Reason::LinkDensity.to_string(), "link_density");
/// assert_eq!(Reason::Hint("nav").to_string(), "hint:nav");
/// # Ok::<(), unboil::Error>(())
/// ```
///
/// With the `serde` feature a reason serialises as its snake-case name (`"link_density"`), and
/// a hint as `{"hint": "nav"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Reason {
    /// Longer text is more likely main text; very short text less.
    Length,
    /// Sentence punctuation (full stops, commas) marks prose.
    Punctuation,
    /// Much of the text is inside links: menus, related lists, tag clouds.
    LinkDensity,
    /// The block's kind (heading, list item, code…) shifts the score.
    Kind,
    /// A markup hint around the block, named as in [`BlockFeatures::hints`].
    Hint(&'static str),
    /// Where the block sits in the page.
    Position,
    /// The shape of the text: digits, capitalised words, a closing colon.
    Shape,
    /// The element around the block: how much text it holds and how much of it is links.
    Surroundings,
    /// Before the title block (menus, breadcrumbs) or after it (the article).
    TitleSide,
    /// A byline, date stamp, profile field or rating: furniture whatever the other evidence.
    Furniture,
    /// How much prose the page holds: pages with little (listings, shops) keep shorter blocks.
    PageProse,
    /// The kind of page ([`PageType`](crate::PageType)): each kind weighs length, links and
    /// list items its own way.
    PageType,
    /// A structural rule changed the decision, named as in the list of passes (plain-text
    /// mode: `"text:tail-cut"`, `"text:tables"`, …).
    Rule(&'static str),
    /// Many blocks of the page share this block's element path: a template's repeated items.
    Repetition,
    /// Inside the main container: given the benefit of the doubt.
    InContainer,
    /// Outside the main container: needs strong evidence.
    OutsideContainer,
    /// The block follows its neighbours' decision (a short line between content blocks is
    /// content; a weak block among boilerplate is boilerplate).
    Neighbours,
    /// A heading kept because content follows it, or dropped because none does.
    HeadingContext,
    /// The focus preset shifted the score: down for
    /// [`Focus::Precision`](crate::Focus::Precision), up for
    /// [`Focus::Recall`](crate::Focus::Recall) (absent with the default).
    Focus,
    /// Nothing passed the threshold, so the best blocks were kept.
    Fallback,
    /// The page's cut: every block's score moves by the same amount, so that the blocks kept
    /// are the set with the best expected F1 given the scores' probabilities (a page of many
    /// middling blocks keeps more of them than a page with a few sure ones).
    PageCut,
    /// The text appeared earlier in the page.
    Repeated,
    /// The block states the page title.
    Title,
    /// The summary of a teaser in a list of teasers for other pages: one of several blocks of
    /// one template that each follow a linked headline.
    TeaserList,
    /// Marked as a sidebar, inside the main container but after its text.
    TrailingSidebar,
    /// Opens with "Related", "Read more", "Don't miss"…: a link to another page between
    /// paragraphs, or the label of such links.
    RelatedLink,
    /// After the comment section below an article, outside the main container: the site's.
    AfterComments,
    /// Marked as a caption and next to a picture credit: a picture's caption.
    Caption,
    /// Between two copies of a share bar that the page repeats: an item of a feed.
    SharedItem,
    /// An item of the page's list (a result, a product tile, a post's teaser) on a page
    /// whose text is that list rather than an article.
    ItemList,
    /// Not a block of the page's body: its description (`<meta name="description">` and the
    /// like), added because the body held next to no text, as pages do whose text is filled in
    /// by script.
    Description,
    /// A list of bare linked headlines (no summaries) under a short story's byline or date
    /// stamp: the site's list of its other stories, and the heading that names it.
    OtherStories,
    /// In a modal dialog (a pop-up a link or button opens), on a page with text of its own
    /// outside the dialogs.
    Dialog,
    /// A card of a carousel of other products on a page that is not a list of products:
    /// repeated cards, each with a price ("Customers also bought", sponsored tiles).
    OtherProducts,
    /// A long run of names or numbers without punctuation: the towns a business serves, a
    /// list of postcodes, a keyword cloud.
    NameList,
}

impl Reason {
    /// The snake-case name of the reason, as serde writes it.
    fn name(self) -> &'static str {
        match self {
            Reason::Length => "length",
            Reason::Punctuation => "punctuation",
            Reason::LinkDensity => "link_density",
            Reason::Kind => "kind",
            Reason::Hint(_) => "hint",
            Reason::Position => "position",
            Reason::Shape => "shape",
            Reason::Surroundings => "surroundings",
            Reason::TitleSide => "title_side",
            Reason::Furniture => "furniture",
            Reason::PageProse => "page_prose",
            Reason::PageType => "page_type",
            Reason::Rule(_) => "rule",
            Reason::Repetition => "repetition",
            Reason::InContainer => "in_container",
            Reason::OutsideContainer => "outside_container",
            Reason::Neighbours => "neighbours",
            Reason::HeadingContext => "heading_context",
            Reason::Focus => "focus",
            Reason::Fallback => "fallback",
            Reason::PageCut => "page_cut",
            Reason::Repeated => "repeated",
            Reason::Title => "title",
            Reason::TeaserList => "teaser_list",
            Reason::TrailingSidebar => "trailing_sidebar",
            Reason::RelatedLink => "related_link",
            Reason::AfterComments => "after_comments",
            Reason::Caption => "caption",
            Reason::SharedItem => "shared_item",
            Reason::ItemList => "item_list",
            Reason::Description => "description",
            Reason::OtherStories => "other_stories",
            Reason::Dialog => "dialog",
            Reason::OtherProducts => "other_products",
            Reason::NameList => "name_list",
        }
    }
}

/// The snake-case name (`link_density`), with a hint's category after a colon (`hint:nav`).
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Hint(h) => write!(f, "hint:{h}"),
            Reason::Rule(name) => write!(f, "rule:{name}"),
            r => f.write_str(r.name()),
        }
    }
}

/// Each reason as `{"reason": name, "weight": w}`, plus `"hint": category` for a hint and
/// `"rule": name` for a rule.
#[cfg(feature = "serde")]
fn serialize_reasons<S: serde::Serializer>(
    reasons: &[(Reason, f32)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::{SerializeMap, SerializeSeq};
    struct One(Reason, f32);
    impl serde::Serialize for One {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let detail = match self.0 {
                Reason::Hint(h) => Some(("hint", h)),
                Reason::Rule(r) => Some(("rule", r)),
                _ => None,
            };
            let mut m = serializer.serialize_map(Some(2 + usize::from(detail.is_some())))?;
            m.serialize_entry("reason", self.0.name())?;
            if let Some((key, value)) = detail {
                m.serialize_entry(key, value)?;
            }
            m.serialize_entry("weight", &self.1)?;
            m.end()
        }
    }
    let mut seq = serializer.serialize_seq(Some(reasons.len()))?;
    for &(r, w) in reasons {
        seq.serialize_element(&One(r, w))?;
    }
    seq.end()
}

/// The tag path of an arena element, root first.
fn tag_path(elems: &[Elem], mut id: usize) -> String {
    let mut names = Vec::new();
    // Parents precede children in the arena, so the walk up ends; the bound guards it anyway.
    for _ in 0..elems.len() {
        let Some(e) = elems.get(id) else { break };
        if id == 0 {
            break;
        }
        names.push(format!("{:?}", e.tag).to_ascii_lowercase());
        id = e.parent as usize;
    }
    names.reverse();
    names.join(">")
}

/// Assembles the explanation from the classifier's trace.
pub(crate) fn build(
    elems: &[Elem],
    views: &[BlockView<'_>],
    verdicts: &[Verdict],
    decisions: &[Decision],
    reasons: Vec<Vec<(Reason, f32)>>,
    container: usize,
) -> Explanation {
    let (first, end) = elems
        .get(container)
        .map_or((0, 0), |e| (e.first_block as usize, e.end_block as usize));
    let blocks = views
        .iter()
        .zip(verdicts)
        .zip(decisions)
        .zip(reasons)
        .enumerate()
        .map(|(i, (((v, verdict), &decision), mut reasons))| {
            match decision {
                Decision::Duplicate => reasons.push((Reason::Repeated, 0.0)),
                Decision::Title => reasons.push((Reason::Title, 0.0)),
                _ => {}
            }
            BlockExplanation {
                kind: v.raw.kind,
                decision,
                score: verdict.score,
                features: BlockFeatures {
                    chars: v.stats.chars,
                    words: v.stats.words,
                    link_chars: v.raw.link_chars,
                    link_density: v.link_density(),
                    sentence_marks: v.stats.sentence_marks,
                    ends_sentence: v.stats.ends_sentence,
                    position: v.position,
                    depth: v.raw.depth,
                    tag_path: tag_path(elems, v.raw.elem as usize),
                    hints: v.hints.names(),
                    in_container: i >= first && i < end,
                },
                reasons,
            }
        })
        .collect();
    // Arena element 0 is the document itself: choosing it is choosing no container.
    let container = (container != 0)
        .then(|| tag_path(elems, container))
        .filter(|p| !p.is_empty());
    Explanation { container, blocks }
}

/// The explanation of a plain-text dump's blocks: the same record as in HTML mode, with what a
/// dump has (no tag path, no hints; the main region stands for the container).
pub(crate) fn build_text(
    blocks: &[crate::blocks::lines::DumpBlock],
    verdicts: &[Verdict],
    decisions: &[Decision],
    reasons: Vec<Vec<(Reason, f32)>>,
    in_main: &[bool],
) -> Explanation {
    let n = blocks.len().max(2) as f32 - 1.0;
    let blocks = blocks
        .iter()
        .zip(verdicts)
        .zip(decisions)
        .zip(reasons)
        .enumerate()
        .map(|(i, (((b, verdict), &decision), mut reasons))| {
            match decision {
                Decision::Duplicate => reasons.push((Reason::Repeated, 0.0)),
                Decision::Title => reasons.push((Reason::Title, 0.0)),
                _ => {}
            }
            BlockExplanation {
                kind: b.raw.kind,
                decision,
                score: verdict.score,
                features: BlockFeatures {
                    chars: b.stats.chars,
                    words: b.stats.words,
                    link_chars: b.raw.link_chars,
                    link_density: if b.stats.chars == 0 {
                        0.0
                    } else {
                        (b.raw.link_chars as f32 / b.stats.chars as f32).min(1.0)
                    },
                    sentence_marks: b.stats.sentence_marks,
                    ends_sentence: b.stats.ends_sentence,
                    position: i as f32 / n,
                    depth: 0,
                    tag_path: String::new(),
                    hints: Vec::new(),
                    in_container: in_main.get(i).copied().unwrap_or(false),
                },
                reasons,
            }
        })
        .collect();
    // A dump has no elements: its main region is described by `in_container`.
    Explanation {
        container: None,
        blocks,
    }
}
