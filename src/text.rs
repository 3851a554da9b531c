//! Bilingual text and severity: the bottom of the crate. Every stage (rulebook,
//! diagnostics, the engine's messages) writes its texts as `Text` — Bahasa
//! Indonesia and English side by side, the renderer picks one — with the `t!`
//! macro. Imports nothing from the crate.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    /// The word reports write: `error`, `peringatan`, `catatan` (the same in
    /// every language, as the JSON reports spell them).
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "peringatan",
            Severity::Note => "catatan",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

/// A text in both languages; the renderer picks one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub id: String,
    pub en: String,
}

impl Lang {
    /// The text of this language among the two.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// `t!("… {x} …", "… {x} …")`: an Indonesian and an English text, both formatted
/// with the variables in scope.
#[macro_export]
macro_rules! t {
    ($id:literal, $en:literal) => {
        $crate::text::Text {
            id: format!($id),
            en: format!($en),
        }
    };
    // Positional arguments, shared by both languages.
    ($id:literal, $en:literal, $($arg:expr),+) => {
        $crate::text::Text {
            id: format!($id, $($arg),+),
            en: format!($en, $($arg),+),
        }
    };
}

/// The macro by its module path: `use crate::text::t;`.
pub use crate::t;

/// Text escaped for XML and HTML, in content and in quoted attributes; the
/// control characters XML 1.0 cannot carry become spaces.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Where a `//` comment starts on a line of juknis, outside quoted text.
pub fn comment_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut in_str = false;
    let mut i = 0;
    while i < b.len() {
        match (b[i], in_str) {
            (b'\\', true) => i += 1,
            (b'"', _) => in_str = !in_str,
            (b'/', false) if b.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The text with its first letter in capitals ("provinsi" → "Provinsi").
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
