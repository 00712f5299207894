//! The public metadata types: what a page says about itself, and the dates it states.

use jiff::civil;
use jiff::tz::Offset;

/// A date a page states (published, modified), as written: always a day, and a time and a UTC
/// offset when the page gives them. Nothing is converted between zones.
///
/// The ISO 8601 form is [`PageDate::as_str`] (also its `Display`): `YYYY-MM-DD`, or a timestamp
/// such as `2024-03-05T08:00:00+01:00` with the time and zone the page gave. The typed parts are
/// [jiff](https://docs.rs/jiff) values (jiff is re-exported as `unboil::jiff`).
///
/// ```
/// use unboil::jiff::civil::{date, time};
///
/// let page = r#"<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
///   <p>The road over the pass closed at noon on Friday.</p>"#;
/// let extracted = unboil::extract(page);
/// let published = extracted.metadata().published().expect("stated");
/// assert_eq!(published.date(), date(2024, 3, 5));
/// assert_eq!(published.time(), Some(time(8, 0, 0, 0)));
/// assert_eq!(published.offset().map(|o| o.seconds()), Some(3600));
/// assert_eq!(published.timestamp().map(|t| t.to_string()).as_deref(), Some("2024-03-05T07:00:00Z"));
/// assert_eq!(published.as_str(), "2024-03-05T08:00:00+01:00");
/// assert_eq!(published.to_string(), "2024-03-05T08:00:00+01:00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageDate {
    pub(crate) date: civil::Date,
    pub(crate) time: Option<civil::Time>,
    pub(crate) offset: Option<Offset>,
    pub(crate) iso: String,
}

impl PageDate {
    /// The day.
    ///
    /// ```
    /// let page = "<meta name='date' content='5 mars 2024'><p>La route du col a fermé à midi.</p>";
    /// let extracted = unboil::extract(page);
    /// let day = extracted.metadata().published().map(|d| d.date());
    /// assert_eq!(day, Some(unboil::jiff::civil::date(2024, 3, 5)));
    /// ```
    pub fn date(&self) -> civil::Date {
        self.date
    }

    /// The time of day, when the page gives one (to the minute at least).
    ///
    /// ```
    /// let page = "<meta name='date' content='2024-03-05 08:30'><p>The road closed at noon.</p>";
    /// let extracted = unboil::extract(page);
    /// let published = extracted.metadata().published().expect("stated");
    /// assert_eq!(published.time(), Some(unboil::jiff::civil::time(8, 30, 0, 0)));
    /// assert_eq!(published.offset(), None);
    /// ```
    pub fn time(&self) -> Option<civil::Time> {
        self.time
    }

    /// The date and time together, when the page gives a time.
    ///
    /// ```
    /// let page = "<meta name='date' content='2024-03-05 08:30'><p>The road closed at noon.</p>";
    /// let extracted = unboil::extract(page);
    /// let published = extracted.metadata().published().expect("stated");
    /// assert_eq!(published.datetime().map(|d| d.to_string()).as_deref(), Some("2024-03-05T08:30:00"));
    /// ```
    pub fn datetime(&self) -> Option<civil::DateTime> {
        self.time.map(|t| self.date.to_datetime(t))
    }

    /// The offset from UTC, when the page gives one with the time (`Z` is zero).
    /// See the example on [`PageDate`].
    pub fn offset(&self) -> Option<Offset> {
        self.offset
    }

    /// The instant, when the page gives both a time and an offset. See the example on
    /// [`PageDate`].
    pub fn timestamp(&self) -> Option<jiff::Timestamp> {
        let dt = self.datetime()?;
        self.offset?.to_timestamp(dt).ok()
    }

    /// The date in ISO 8601, as the page gave it (see [`PageDate`]).
    pub fn as_str(&self) -> &str {
        &self.iso
    }
}

impl std::fmt::Display for PageDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso)
    }
}

/// Serialised as the ISO 8601 string.
#[cfg(feature = "serde")]
impl serde::Serialize for PageDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso)
    }
}

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
/// assert_eq!(meta.published().map(|d| d.as_str()), Some("2024-03-05T08:00:00Z"));
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
    pub(crate) published: Option<PageDate>,
    pub(crate) modified: Option<PageDate>,
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

    /// When the page was first published: the day, and the time and zone when the page gives
    /// them (see [`PageDate`]). Dates are read in ISO 8601 and the other numeric forms that
    /// cannot be misread, and with month names in English, French, German, Spanish, Italian,
    /// Portuguese and Dutch (`March 5, 2024`, `5 mars 2024`, `5. März 2024`,
    /// `5 de marzo de 2024`). In plain-text mode the date is read from the lines around the
    /// headline (see [`extract_text`](crate::extract_text)).
    ///
    /// ```
    /// let page = r#"<meta property="article:published_time" content="2024-03-05 08:00:00">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// let extracted = unboil::extract(page);
    /// let published = extracted.metadata().published().expect("stated");
    /// assert_eq!(published.as_str(), "2024-03-05T08:00:00");
    /// assert_eq!(published.date(), unboil::jiff::civil::date(2024, 3, 5));
    /// ```
    pub fn published(&self) -> Option<&PageDate> {
        self.published.as_ref()
    }

    /// When the page was last modified, like [`published`](Self::published).
    ///
    /// ```
    /// let page = r#"<meta property="article:modified_time" content="2024-03-06">
    ///   <p>The road over the pass closed at noon on Friday.</p>"#;
    /// let extracted = unboil::extract(page);
    /// assert_eq!(extracted.metadata().modified().map(|d| d.as_str()), Some("2024-03-06"));
    /// ```
    pub fn modified(&self) -> Option<&PageDate> {
        self.modified.as_ref()
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
