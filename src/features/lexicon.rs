//! The lexicon: every word and phrase list the crate matches text or markup against, in one
//! place, so that each entry can be counted against the training pages.
//!
//! An entry stays when it occurs on at least three training pages, or when it is a documented
//! convention of the field (month and weekday names, ISO currency codes); such lists say which
//! convention in their docs. `cargo run --release --example lexicon -- DATASET_DIR` counts, for
//! every entry, the training pages it occurs on in the way the code matches it ([`Match`]).
//! Other conventions stay next to the code that reads them, as they are markup rather than
//! words: tag names, ARIA roles and `itemprop` values (`hints`), `<meta>` names (`meta`),
//! schema.org types (`meta::jsonld`), month names that dates are parsed with (`meta::date`).

/// Class and id tokens that hint at navigation and menus (`Hints::NAV`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const NAV_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "breadcrumb",
    "breadcrumbs",
    "crumbs",
    "pagination",
    "pager",
    "skip",
    "topbar",
    "toolbar",
    "megamenu",
    "submenu",
    "dropdown",
    "hamburger",
    "offcanvas",
];

/// Class and id tokens that hint at a page footer (`Hints::FOOTER`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const FOOTER_TOKENS: &[&str] = &["footer", "copyright", "colophon", "legal"];

/// Class and id tokens that hint at a site's header (`Hints::HEADER`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const HEADER_TOKENS: &[&str] = &["header", "masthead", "branding", "logo"];

/// Class and id tokens that hint at a sidebar (`Hints::SIDEBAR`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const SIDEBAR_TOKENS: &[&str] =
    &["sidebar", "aside", "widget", "widgets", "rail", "secondary"];

/// Class and id tokens that hint at lists of related or recommended links (`Hints::RELATED`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const RELATED_TOKENS: &[&str] = &[
    "related",
    "recommended",
    "recommendations",
    "recirc",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "more",
    "also",
    "suggested",
    "similar",
];

/// Class and id tokens that hint at share and follow bars (`Hints::SHARE`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const SHARE_TOKENS: &[&str] = &[
    "share",
    "sharing",
    "shares",
    "social",
    "follow",
    "print",
    "sharethis",
    "addthis",
];

/// Class and id tokens that hint at readers' comments (`Hints::COMMENT`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const COMMENT_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "discussion",
    "respond",
    "reply",
    "replies",
];

/// Class and id tokens that hint at advertising (`Hints::AD`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const AD_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "promoted",
    "banner",
    "dfp",
    "adslot",
    "adunit",
    "gpt",
];

/// Class and id tokens that hint at cookie banners, sign-up and log-in prompts (`Hints::CONSENT`), lower-case, looked up whole in `hints::TOKENS`.
///
/// Not "paywall": sites wrap the text behind the wall in it, and that text is the article
/// (aeb F1 +0.0004, wcxb-dev unchanged). The wall's own prompt carries "subscribe" or
/// "register".
pub(crate) const CONSENT_TOKENS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "modal",
    "popup",
    "overlay",
    "login",
    "register",
    "registration",
    "optin",
];

/// Class and id tokens that hint at article metadata (`Hints::META`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const META_TOKENS: &[&str] = &["meta", "metadata"];

/// Class and id tokens that hint at the author (`Hints::BYLINE`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const BYLINE_TOKENS: &[&str] = &[
    "byline",
    "author",
    "authors",
    "credit",
    "credits",
    "writer",
    "contributor",
    "contributors",
    "dateline",
    "profile",
    "postprofile",
    "avatar",
];

/// Class and id tokens that hint at a date (`Hints::DATE`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const DATE_TOKENS: &[&str] = &[
    "date",
    "time",
    "timestamp",
    "published",
    "updated",
    "posted",
];

/// Class and id tokens that hint at tags and categories (`Hints::TAGS`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const TAGS_TOKENS: &[&str] = &[
    "tags",
    "tag",
    "tagged",
    "category",
    "categories",
    "keywords",
    "topics",
    "taxonomy",
];

/// Class and id tokens that hint at reviews and ratings (`Hints::REVIEW`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const REVIEW_TOKENS: &[&str] = &[
    "review",
    "reviews",
    "rating",
    "ratings",
    "stars",
    "testimonial",
    "testimonials",
];

/// Class and id tokens that hint at shop controls (`Hints::SHOP`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const SHOP_TOKENS: &[&str] = &[
    "price",
    "prices",
    "pricing",
    "cart",
    "basket",
    "checkout",
    "addtocart",
    "buy",
    "quantity",
    "qty",
    "stock",
    "sku",
    "wishlist",
    "swatch",
    "swatches",
];

/// Class and id tokens that hint at forms (`Hints::FORM`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const FORM_TOKENS: &[&str] = &["form", "input", "select", "search", "searchform"];

/// Class and id tokens that hint at hidden text (`Hints::HIDDEN`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const HIDDEN_TOKENS: &[&str] = &[
    "hidden",
    "hide",
    "invisible",
    "sr",
    "visuallyhidden",
    "offscreen",
];

/// Class and id tokens that hint at the main text (`Hints::CONTENT`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const CONTENT_TOKENS: &[&str] = &[
    "article", "content", "post", "entry", "body", "text", "story", "prose", "richtext", "hentry",
    "blog", "main",
];

/// Class and id tokens that hint at a list of teasers (`Hints::TEASER`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const TEASER_TOKENS: &[&str] = &[
    "card",
    "cards",
    "teaser",
    "teasers",
    "tile",
    "tiles",
    "grid",
    "feed",
    "listing",
    "carousel",
    "slider",
    "thumbnail",
    "thumb",
];

/// Class and id tokens that hint at a caption (`Hints::CAPTION`), lower-case, looked up whole in `hints::TOKENS`.
pub(crate) const CAPTION_TOKENS: &[&str] = &["caption", "figcaption"];

/// Stems of class and id tokens that are often glued to other words (`sharebar`, `sidebarleft`):
/// a token that starts or ends with one takes its hint (`hints::STEMS` pairs each with its hint).
pub(crate) const CLASS_STEMS: &[&str] = &[
    "sidebar",
    "share",
    "social",
    "related",
    "comment",
    "footer",
    "navbar",
    "breadcrumb",
    "newsletter",
];

/// Words that open a state modifier rather than a role: `has-sidebar`, `no-comments`,
/// `is-hidden`, `with-share`. Such a class says what the element's surroundings have, not what
/// the element is, so it carries no hint (`hints::of_tokens`).
pub(crate) const STATE_PREFIXES: &[&str] = &[
    "has", "no", "is", "with", "without", "show", "hide", "enable", "disable", "can", "allow",
];

/// Phrases at the start of a short block that open a list of related links (`Phrases::RELATED` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const RELATED_PHRASES: &[&str] = &[
    "related",
    "also read",
    "read more",
    "see also",
    "more from",
    "more stories",
    "more news",
    "recent",
    "latest",
    "popular",
    "most read",
    "most popular",
    "trending",
    "recommended",
    "you may also",
    "you might also",
    "don't miss",
    "previous",
    "next",
    "up next",
];

/// Phrases at the start of a short block that open a list of tags (`Phrases::TAGS` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const TAGS_PHRASES: &[&str] = &[
    "tags",
    "tagged",
    "topics",
    "categories",
    "category:",
    "filed under",
];

/// Phrases at the start of a short block that open a share bar (`Phrases::SOCIAL` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const SOCIAL_PHRASES: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "follow us",
];

/// Phrases at the start of a short block that ask the reader to sign in, subscribe or buy (`Phrases::ACCOUNT` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const ACCOUNT_PHRASES: &[&str] = &[
    "sign in",
    "sign up",
    "log in",
    "login",
    "subscribe",
    "newsletter",
    "menu",
    "add to cart",
    "add to basket",
    "buy now",
    "search",
    "skip to",
    "download the app",
    "register",
    "my account",
];

/// Phrases at the start of a short block that belong to the legal footer (these count anywhere in a short block) (`Phrases::LEGAL` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const LEGAL_PHRASES: &[&str] = &[
    "all rights reserved",
    "privacy",
    "cookie",
    "terms of",
    "disclaimer",
    "copyright",
    "impressum",
];

/// Phrases at the start of a short block that label an advertisement (`Phrases::AD` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const AD_PHRASES: &[&str] = &["advertisement", "sponsored"];

/// Phrases at the start of a short block that open readers' comments (`Phrases::COMMENTS` in
/// `lines::phrase_hints`), lower-case, in several languages. Weak evidence: the scorer never
/// drops a block for a phrase alone.
pub(crate) const COMMENTS_PHRASES: &[&str] =
    &["comments", "leave a reply", "leave a comment", "reply"];

/// Words that, anywhere in a short block, ask the reader to subscribe (`lines::mentions_subscription`):
/// whole words only ("subscribers" is not one).
pub(crate) const SUBSCRIPTION_WORDS: &[&str] =
    &["newsletter", "newsletters", "subscribe", "unsubscribe"];

/// Words of a shop's policy (delivery, shipping, returns), lower-case, in a few languages, matched as
/// whole words (`passes::furniture::mentions_shop_policy`).
pub(crate) const SHOP_POLICY_WORDS: &[&str] =
    &["delivery", "shipping", "returns", "refunds", "livraison"];

/// Currency codes next to a number that make a short line a price (`furniture_cues::is_price_line`).
///
/// A documented convention (ISO 4217 currency codes): kept whatever the count.
pub(crate) const CURRENCY_CODES: &[&str] = &[
    "EUR", "USD", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK",
];

/// Words that open a byline, lower-case: "By", "Par", "Door", "Av", "Af"
/// (`text_mode::title`, `text_mode::threads`, `features::furniture_cues`).
pub(crate) const BYLINE_WORDS: &[&str] = &["by", "par", "door", "av", "af"];

/// Byline openers a dump shows besides those of [`BYLINE_WORDS`], lower-case: "Written by Jane Doe", "Posted by Ana Ruiz" (`text_mode::title::is_byline`).
pub(crate) const MORE_BYLINE_WORDS: &[&str] = &["written by", "posted by"];

/// Openings of a shop's delivery or returns notice, lower-case, in several languages
/// (`text_mode::notices`).
pub(crate) const NOTICE_OPENINGS: &[&str] = &[
    "free shipping",
    "free standard shipping",
    "free express shipping",
    "free delivery",
    "free returns",
    "same day shipping",
];

/// Names of a site's policies, lower-case, in several languages, as a footer links them: a block
/// that is nothing but one of them is a policy's title (`text_mode::footer`).
pub(crate) const POLICY_TITLES: &[&str] = &[
    "privacy policy",
    "privacy notice",
    "privacy statement",
    "cookie policy",
    "cookies policy",
    "cookie notice",
    "refund policy",
    "return policy",
    "returns policy",
    "shipping policy",
    "terms of service",
    "terms of use",
    "terms and conditions",
    "terms & conditions",
    "legal notice",
    "impressum",
];

/// Words that name consent itself, lower-case, in several languages: a paragraph with one of
/// them can open a consent dialog (`text_mode::consent`).
pub(crate) const CONSENT_TERMS: &[&str] = &["cookie", "consent", "legitimate interest"];

/// Words that the rest of a consent dialog uses: its purposes, partners and choices
/// (`text_mode::consent`).
pub(crate) const DIALOG_TERMS: &[&str] = &[
    "partner",
    "advertis",
    "personalis",
    "personaliz",
    "privacy",
    "device",
    "tracking",
    "opt out",
    "opt-out",
    "preferences",
];

/// Values of a specification that hold no number, in several languages: "Yes", "N/A"
/// (`text_mode::specs`).
pub(crate) const CELL_WORDS: &[&str] = &["yes", "no", "n/a", "none", "ja", "-", "—", "✓", "✔"];

/// Words that head a comment section, lower-case, in several languages: after a count ("109
/// Comments", "34 responses to …", "3 thoughts on …") or alone ("Comments", "Comments (12)")
/// (`text_mode::threads`).
pub(crate) const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "response",
    "responses",
    "replies",
    "thoughts",
];

/// Entries of [`COMMENT_WORDS`] that head comments only after a count ("34 responses"): alone
/// they are ordinary words (`text_mode::threads`).
pub(crate) const COUNTED_COMMENT_WORDS: &[&str] = &["response", "responses", "replies", "thoughts"];

/// Headers of a comment section that are a phrase of their own (`text_mode::threads`).
pub(crate) const COMMENT_PHRASES: &[&str] = &["leave a reply", "leave a comment"];

/// Openings of the header over a shop's customer reviews, lower-case, in several languages:
/// "Customer reviews", "Reviews (76)", "Top reviews from …", "Write a review"
/// (`text_mode::tail`).
pub(crate) const REVIEW_HEADS: &[&str] = &[
    "reviews",
    "customer reviews",
    "customer ratings",
    "ratings & reviews",
    "top reviews",
    "write a review",
];

/// Phrases that only the posts of a shop's reviews carry, lower-case, in several languages:
/// the vote under a post ("12 people found this helpful") and the buyer's badge ("Verified
/// Purchase") (`text_mode::tail`).
pub(crate) const REVIEW_MARKERS: &[&str] = &["verified purchase", "verified buyer"];

/// Openings of the header over a shop's other products, lower-case, in several languages:
/// "You may also like", "Customers also bought", "Frequently bought together" (`text_mode::tail`).
pub(crate) const SHOP_TAIL_HEADS: &[&str] = &[
    "you may also like",
    "you might also like",
    "frequently bought together",
    "similar items",
    "recently viewed",
];

/// Words that open the header of an author's box under an article, lower-case: "About Jane
/// Doe", "Over Anna Jansen" (`text_mode::tail`).
pub(crate) const ABOUT_WORDS: &[&str] = &["about", "over", "om"];

/// What follows an [`ABOUT_WORDS`] entry in an author box's header that names no one: "About the
/// author" (`text_mode::tail`).
pub(crate) const AUTHOR_WORDS: &[&str] = &["the author"];

/// Words that do not open a person's name: articles and determiners (`text_mode::tail`).
pub(crate) const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "our", "my", "your", "der", "die", "das", "den", "le", "la", "les",
    "el", "los", "las", "o", "os", "as", "il", "lo", "de",
];

/// Month names and common abbreviations in English, French, German, Spanish, Italian, Portuguese
/// and Dutch, lowercase (`features::furniture_cues`).
///
/// A documented convention (month names of the languages named): kept whatever the count.
pub(crate) const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
];

/// Labels that announce an advertisement, in several languages: the first word of a short line
/// (`features::furniture_cues::is_ad_label`).
pub(crate) const AD_LABELS: &[&str] = &["advertisement", "advertising", "sponsored"];

/// Words that open a picture credit in parentheses: "(Image: Agency)", "(Photo credit: Name)"
/// (`features::furniture_cues::credit_label`).
pub(crate) const CREDIT_LABELS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "photograph",
    "picture",
    "pic",
    "credit",
    "foto",
    "bild",
];

/// Picture agencies whose name ends a bare credit line ("Jane Roe/City Times/Getty Images")
/// (`features::furniture_cues::is_picture_credit`).
pub(crate) const AGENCIES: &[&str] = &["getty images", "shutterstock"];

/// Words that open a publication stamp, lower-case, in a few languages (`features::furniture_cues::is_date_stamp`).
pub(crate) const STAMP_WORDS: &[&str] = &[
    "published",
    "last updated",
    "updated",
    "last modified",
    "modified",
    "posted",
];

/// Words that say a duration is a reading time, lower-case, in a few languages
/// (`features::furniture_cues::is_reading_time`).
pub(crate) const READING_WORDS: &[&str] = &["read", "reading", "lecture"];

/// Words for minutes in a reading time (`features::furniture_cues::is_reading_time`).
pub(crate) const MINUTE_WORDS: &[&str] = &["min", "mins", "minute", "minutes"];

/// Words that, with "javascript", make a short line a notice about the page's machinery:
/// "This slideshow requires JavaScript." (`features::furniture_cues::is_script_notice`).
pub(crate) const SCRIPT_NOTICE_WORDS: &[&str] = &[
    "enable", "disabled", "requires", "turn on", "activate", "is off",
];

/// Names forum software gives a kind of page, not a title, folded (`meta::title`).
pub(crate) const PAGE_LABELS: &[&str] = &["board index", "print view"];

/// A documented convention (the page-kind labels of the default title templates of phpBB,
/// "Site • View topic - Topic", and vBulletin, "Show thread"): kept whatever the count, read
/// with [`PAGE_LABELS`] (`meta::title`).
pub(crate) const FORUM_PAGE_KINDS: &[&str] =
    &["view topic", "view forum", "view thread", "show thread"];

/// Generic names of a home page rather than a title, folded (`meta::title`).
pub(crate) const HOME_TITLES: &[&str] =
    &["home", "homepage", "home page", "index", "welcome", "start"];

/// Openings of a byline that are not a name, lower-case: dropped before the names are read
/// (`meta::byline_names`).
pub(crate) const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reviewed by",
    "author:",
    "authors:",
    "by:",
    "by ",
    "par ",
    "door ",
];

/// Words of a job title in a byline ("Staff Writer"), lower-case: such a part is not another
/// author (`meta::is_role`).
pub(crate) const ROLE_WORDS: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "contributor",
    "staff",
    "producer",
    "photographer",
    "editors",
    "writers",
    "contributors",
];

/// First words of a link label or placeholder in a byline ("View all", "Follow the author"),
/// lower-case: not a name (`meta::is_label`).
pub(crate) const LABEL_WORDS: &[&str] = &[
    "follow",
    "view",
    "see",
    "more",
    "read",
    "share",
    "contact",
    "about",
    "all",
    "undefined",
    "null",
    "none",
    "by",
    "unknown",
];

/// Weekdays, lower-case: a byline part that opens with one is a date, not a name (`meta::is_label`).
///
/// A documented convention (English weekday names and abbreviations): kept whatever the count.
pub(crate) const WEEKDAYS: &[&str] = &[
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// How the code matches a list's entries, and so how the `lexicon` example counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// A whole token of a `class` or `id` value (cut at non-letters and camelCase, lowered).
    ClassToken,
    /// The start or the end of a `class` or `id` token.
    ClassStem,
    /// A whole word (or run of words) of the text, case-folded.
    Word,
    /// A whole word, case as written.
    WordCase,
    /// The opening of a line, case-folded, ending at a word boundary.
    LineStart,
    /// A whole line, case-folded, without trailing `:` or `.`.
    Line,
    /// Anywhere in the text, case-folded.
    Substring,
    /// A whole line that is an `ABOUT_WORDS` entry, a space and the entry.
    AfterAbout,
    /// A part of the page's `<title>` between separators, case-folded.
    TitlePart,
}

/// One list of the lexicon, for the `lexicon` example.
#[derive(Debug, Clone, Copy)]
pub struct List {
    /// The constant's name.
    pub name: &'static str,
    /// How the code matches its entries.
    pub how: Match,
    /// The documented convention the list follows, if any: its entries stay whatever their count.
    pub convention: Option<&'static str>,
    /// The entries.
    pub entries: &'static [&'static str],
}

/// Every list of the lexicon, by name.
pub fn all() -> Vec<List> {
    let list = |name, how, convention, entries| List {
        name,
        how,
        convention,
        entries,
    };
    vec![
        list("NAV_TOKENS", Match::ClassToken, None, NAV_TOKENS),
        list("FOOTER_TOKENS", Match::ClassToken, None, FOOTER_TOKENS),
        list("HEADER_TOKENS", Match::ClassToken, None, HEADER_TOKENS),
        list("SIDEBAR_TOKENS", Match::ClassToken, None, SIDEBAR_TOKENS),
        list("RELATED_TOKENS", Match::ClassToken, None, RELATED_TOKENS),
        list("SHARE_TOKENS", Match::ClassToken, None, SHARE_TOKENS),
        list("COMMENT_TOKENS", Match::ClassToken, None, COMMENT_TOKENS),
        list("AD_TOKENS", Match::ClassToken, None, AD_TOKENS),
        list("CONSENT_TOKENS", Match::ClassToken, None, CONSENT_TOKENS),
        list("META_TOKENS", Match::ClassToken, None, META_TOKENS),
        list("BYLINE_TOKENS", Match::ClassToken, None, BYLINE_TOKENS),
        list("DATE_TOKENS", Match::ClassToken, None, DATE_TOKENS),
        list("TAGS_TOKENS", Match::ClassToken, None, TAGS_TOKENS),
        list("REVIEW_TOKENS", Match::ClassToken, None, REVIEW_TOKENS),
        list("SHOP_TOKENS", Match::ClassToken, None, SHOP_TOKENS),
        list("FORM_TOKENS", Match::ClassToken, None, FORM_TOKENS),
        list("HIDDEN_TOKENS", Match::ClassToken, None, HIDDEN_TOKENS),
        list("CONTENT_TOKENS", Match::ClassToken, None, CONTENT_TOKENS),
        list("TEASER_TOKENS", Match::ClassToken, None, TEASER_TOKENS),
        list("CAPTION_TOKENS", Match::ClassToken, None, CAPTION_TOKENS),
        list("CLASS_STEMS", Match::ClassStem, None, CLASS_STEMS),
        list("STATE_PREFIXES", Match::ClassToken, None, STATE_PREFIXES),
        list("RELATED_PHRASES", Match::LineStart, None, RELATED_PHRASES),
        list("TAGS_PHRASES", Match::LineStart, None, TAGS_PHRASES),
        list("SOCIAL_PHRASES", Match::LineStart, None, SOCIAL_PHRASES),
        list("ACCOUNT_PHRASES", Match::LineStart, None, ACCOUNT_PHRASES),
        list("LEGAL_PHRASES", Match::Substring, None, LEGAL_PHRASES),
        list("AD_PHRASES", Match::LineStart, None, AD_PHRASES),
        list("COMMENTS_PHRASES", Match::LineStart, None, COMMENTS_PHRASES),
        list("SUBSCRIPTION_WORDS", Match::Word, None, SUBSCRIPTION_WORDS),
        list("SHOP_POLICY_WORDS", Match::Word, None, SHOP_POLICY_WORDS),
        list(
            "CURRENCY_CODES",
            Match::WordCase,
            Some("ISO 4217 currency codes"),
            CURRENCY_CODES,
        ),
        list("BYLINE_WORDS", Match::LineStart, None, BYLINE_WORDS),
        list(
            "MORE_BYLINE_WORDS",
            Match::LineStart,
            None,
            MORE_BYLINE_WORDS,
        ),
        list("NOTICE_OPENINGS", Match::LineStart, None, NOTICE_OPENINGS),
        list("POLICY_TITLES", Match::Line, None, POLICY_TITLES),
        list("CONSENT_TERMS", Match::Substring, None, CONSENT_TERMS),
        list("DIALOG_TERMS", Match::Substring, None, DIALOG_TERMS),
        list("CELL_WORDS", Match::Line, None, CELL_WORDS),
        list("COMMENT_WORDS", Match::Word, None, COMMENT_WORDS),
        list(
            "COUNTED_COMMENT_WORDS",
            Match::Word,
            None,
            COUNTED_COMMENT_WORDS,
        ),
        list("COMMENT_PHRASES", Match::LineStart, None, COMMENT_PHRASES),
        list("REVIEW_HEADS", Match::LineStart, None, REVIEW_HEADS),
        list("REVIEW_MARKERS", Match::Substring, None, REVIEW_MARKERS),
        list("SHOP_TAIL_HEADS", Match::LineStart, None, SHOP_TAIL_HEADS),
        list("ABOUT_WORDS", Match::LineStart, None, ABOUT_WORDS),
        list("AUTHOR_WORDS", Match::AfterAbout, None, AUTHOR_WORDS),
        list("NOT_NAMES", Match::Word, None, NOT_NAMES),
        list(
            "MONTHS",
            Match::Word,
            Some("month names of the languages named"),
            MONTHS,
        ),
        list("AD_LABELS", Match::LineStart, None, AD_LABELS),
        list("CREDIT_LABELS", Match::Word, None, CREDIT_LABELS),
        list("AGENCIES", Match::Substring, None, AGENCIES),
        list("STAMP_WORDS", Match::LineStart, None, STAMP_WORDS),
        list("READING_WORDS", Match::Word, None, READING_WORDS),
        list("MINUTE_WORDS", Match::Word, None, MINUTE_WORDS),
        list(
            "SCRIPT_NOTICE_WORDS",
            Match::Substring,
            None,
            SCRIPT_NOTICE_WORDS,
        ),
        list("PAGE_LABELS", Match::TitlePart, None, PAGE_LABELS),
        list(
            "FORUM_PAGE_KINDS",
            Match::TitlePart,
            Some("page-kind labels of phpBB's and vBulletin's default title templates"),
            FORUM_PAGE_KINDS,
        ),
        list("HOME_TITLES", Match::TitlePart, None, HOME_TITLES),
        list("BYLINE_PREFIXES", Match::LineStart, None, BYLINE_PREFIXES),
        list("ROLE_WORDS", Match::Word, None, ROLE_WORDS),
        list("LABEL_WORDS", Match::Word, None, LABEL_WORDS),
        list(
            "WEEKDAYS",
            Match::Word,
            Some("English weekday names and abbreviations"),
            WEEKDAYS,
        ),
    ]
}
