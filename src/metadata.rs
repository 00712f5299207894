//! The public metadata type: what a page says about itself.

/// The direction in which the page's text is written.
///
/// ```
/// use unboil::TextDirection;
///
/// let page = "<html lang='he'><body><p>שלום עולם, זהו משפט ארוך מספיק כדי להיחשב לתוכן.</p></body></html>";
/// assert_eq!(unboil::extract(page).metadata().direction(), TextDirection::Rtl);
/// ```
///
/// With the `serde` feature it serialises as `"ltr"` or `"rtl"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum TextDirection {
    /// Left to right: Latin, Cyrillic, Greek, CJK, Indic scripts and most others. Also the
    /// answer when a page gives no evidence, as in HTML itself.
    #[default]
    Ltr,
    /// Right to left: Arabic, Hebrew, Persian, Urdu, Syriac, Thaana and the like.
    Rtl,
}

/// What a page says about itself: title, authors, dates, site, language and the like.
///
/// Each value comes from the most reliable place that states it: JSON-LD (schema.org
/// `Article`, `NewsArticle`, `BlogPosting`, `WebPage` and the rest, also inside `@graph`),
/// OpenGraph and Twitter card `<meta>` tags, other `<meta>` names, microdata `itemprop`,
/// `<time datetime>`, `<html lang>` and `dir`, and bylines in the page. Missing values are `None`
/// or empty, never guessed; malformed JSON-LD is skipped.
///
/// ```
/// let page = r#"<html lang="en"><head>
///   <title>Tides rise early - Harbour Post</title>
///   <meta property="og:site_name" content="Harbour Post">
///   <meta name="description" content="Spring tides came a day early.">
///   <link rel="canonical" href="https://harbour.example/tides">
///   <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tides rise early",
///     "author": {"@type": "Person", "name": "Ana Lima"}, "datePublished": "2024-03-05T08:00:00Z",
///     "keywords": ["tides", "weather"]}</script>
///   </head><body><article><h1>Tides rise early</h1>
///   <p>Spring tides reached the quay a day before the tables said they would.</p></article>
///   </body></html>"#;
/// let meta = unboil::extract(page).metadata().clone();
/// assert_eq!(meta.title(), Some("Tides rise early"));
/// assert_eq!(meta.authors(), ["Ana Lima"]);
/// assert_eq!(meta.published(), Some("2024-03-05T08:00:00Z"));
/// assert_eq!(meta.site_name(), Some("Harbour Post"));
/// assert_eq!(meta.language(), Some("en"));
/// assert_eq!(meta.description(), Some("Spring tides came a day early."));
/// assert_eq!(meta.canonical_url(), Some("https://harbour.example/tides"));
/// assert_eq!(meta.tags(), ["tides", "weather"]);
/// ```
///
/// With the `serde` feature it serialises as an object with a field for each of the methods
/// above (the `metadata` field of the crate docs' "JSON output").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) published: Option<String>,
    pub(crate) modified: Option<String>,
    pub(crate) site_name: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) direction: TextDirection,
    pub(crate) description: Option<String>,
    pub(crate) canonical_url: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) categories: Vec<String>,
}

impl Metadata {
    /// The page title: the page's main heading when the document title or the social
    /// (OpenGraph, Twitter) title or the JSON-LD headline confirms it, otherwise the best of
    /// those with the site name cut off (`"Headline | Site"` gives `"Headline"`).
    ///
    /// ```
    /// let page = "<title>Snow closes the pass | Alpine Times</title>
    ///   <h1>Snow closes the pass</h1><p>The road over the pass closed at noon on Friday.</p>";
    /// assert_eq!(unboil::extract(page).metadata().title(), Some("Snow closes the pass"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The authors' names, in the order the page gives them; empty when the page names none.
    /// Bylines are cleaned: `"By Ana Lima and Bo Chen"` gives `["Ana Lima", "Bo Chen"]`.
    ///
    /// ```
    /// let page = r#"<meta name="author" content="Ana Lima">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(unboil::extract(page).metadata().authors(), ["Ana Lima"]);
    /// ```
    pub fn authors(&self) -> &[String] {
        &self.authors
    }

    /// When the page was first published, in ISO 8601: `YYYY-MM-DD`, or a full timestamp such
    /// as `2024-03-05T08:00:00+01:00` when the page gives one.
    ///
    /// ```
    /// let page = r#"<meta property="article:published_time" content="2024-03-05 08:00:00">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(unboil::extract(page).metadata().published(), Some("2024-03-05T08:00:00"));
    /// ```
    pub fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }

    /// When the page was last modified, in ISO 8601 like [`published`](Self::published).
    ///
    /// ```
    /// let page = r#"<meta property="article:modified_time" content="2024-03-06">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(unboil::extract(page).metadata().modified(), Some("2024-03-06"));
    /// ```
    pub fn modified(&self) -> Option<&str> {
        self.modified.as_deref()
    }

    /// The name of the site or publication, such as `"The Valley Courier"`.
    ///
    /// ```
    /// let page = r#"<meta property="og:site_name" content="The Valley Courier">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(unboil::extract(page).metadata().site_name(), Some("The Valley Courier"));
    /// ```
    pub fn site_name(&self) -> Option<&str> {
        self.site_name.as_deref()
    }

    /// The page's language as a BCP 47 tag (`"en"`, `"pt-BR"`), from `<html lang>`,
    /// `Content-Language`, `og:locale` or JSON-LD `inLanguage`. `og:locale`'s `en_US` becomes
    /// `en-US`.
    ///
    /// ```
    /// let page = "<html lang='pt_br'><p>A estrada fechou ao meio-dia de sexta-feira.</p></html>";
    /// assert_eq!(unboil::extract(page).metadata().language(), Some("pt-BR"));
    /// ```
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The direction of the text: from a `dir` attribute on `<html>` or `<body>`, else from the
    /// language, else from the script of the main text; left to right when nothing tells.
    ///
    /// ```
    /// use unboil::TextDirection;
    ///
    /// let page = "<html dir='rtl'><p>Some text.</p></html>";
    /// assert_eq!(unboil::extract(page).metadata().direction(), TextDirection::Rtl);
    /// ```
    pub fn direction(&self) -> TextDirection {
        self.direction
    }

    /// The page's own summary, from OpenGraph, `<meta name="description">`, Twitter cards or
    /// JSON-LD.
    ///
    /// ```
    /// let page = r#"<meta name="description" content="Snow closed the pass on Friday.">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(
    ///     unboil::extract(page).metadata().description(),
    ///     Some("Snow closed the pass on Friday.")
    /// );
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The canonical URL the page gives for itself (`<link rel="canonical">`, `og:url` or
    /// JSON-LD). A path without a host is completed from an absolute `og:url` when there is one;
    /// otherwise URLs are returned as written.
    ///
    /// ```
    /// let page = r#"<link rel="canonical" href="https://news.example/pass">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(
    ///     unboil::extract(page).metadata().canonical_url(),
    ///     Some("https://news.example/pass")
    /// );
    /// ```
    pub fn canonical_url(&self) -> Option<&str> {
        self.canonical_url.as_deref()
    }

    /// The page's main image URL, as written (`og:image`, `twitter:image`, JSON-LD `image`).
    ///
    /// ```
    /// let page = r#"<meta property="og:image" content="https://news.example/pass.jpg">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(
    ///     unboil::extract(page).metadata().image(),
    ///     Some("https://news.example/pass.jpg")
    /// );
    /// ```
    pub fn image(&self) -> Option<&str> {
        self.image.as_deref()
    }

    /// Tags and keywords (`article:tag`, JSON-LD `keywords`, `rel="tag"` links, and
    /// `<meta name="keywords">` when nothing else gives any), without duplicates.
    ///
    /// ```
    /// let page = r#"<meta property="article:tag" content="roads">
    ///   <meta property="article:tag" content="weather">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(unboil::extract(page).metadata().tags(), ["roads", "weather"]);
    /// ```
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The sections or categories the page is filed under (`article:section`, JSON-LD
    /// `articleSection`, `rel="category"` links), without duplicates.
    ///
    /// ```
    /// let page = r#"<meta property="article:section" content="Travel">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// assert_eq!(unboil::extract(page).metadata().categories(), ["Travel"]);
    /// ```
    pub fn categories(&self) -> &[String] {
        &self.categories
    }
}
