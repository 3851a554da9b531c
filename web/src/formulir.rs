//! The guided form and the editor's tools: the questions for a jenjang, the
//! juknis text written from the answers, the answers read back from a text
//! (src/template/), and the canonical layout (`juknis fmt`). Each answers as
//! JSON through the same buffer interface as `juknis_check`.

use juknis::diagnostic::Lang;
use juknis::plan::jenis::Jenjang;
use serde::{Deserialize, Serialize};

fn jenjang_of(s: &str) -> Option<Jenjang> {
    Jenjang::ALL
        .into_iter()
        .find(|j| j.as_str().eq_ignore_ascii_case(s.trim()))
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"galat\":\"{e}\"}}"))
}

#[derive(Serialize)]
struct Galat {
    galat: String,
}

fn galat(s: impl Into<String>) -> String {
    json(&Galat { galat: s.into() })
}

/// `src` is "SMP 2027": the questions for that jenjang and admission year.
pub fn pertanyaan(_: &str, src: &[u8], _: Lang) -> String {
    let s = String::from_utf8_lossy(src);
    let mut w = s.split_whitespace();
    let (Some(j), Some(y)) = (
        w.next().and_then(jenjang_of),
        w.next().and_then(|y| y.parse::<i32>().ok()),
    ) else {
        return galat("jenjang dan tahun / jenjang and year");
    };
    json(&juknis::template::pertanyaan(
        juknis::rulebook::default_rulebook(),
        j,
        y,
    ))
}

#[derive(Deserialize, Serialize)]
struct Formulir {
    jenjang: String,
    tahun: i32,
    jawaban: juknis::template::Jawaban,
}

#[derive(Serialize)]
struct Teks {
    teks: String,
}

/// `src` is a `Formulir` as JSON: the juknis text written from it.
pub fn templat(_: &str, src: &[u8], lang: Lang) -> String {
    let f: Formulir = match serde_json::from_slice(src) {
        Ok(f) => f,
        Err(e) => return galat(e.to_string()),
    };
    let Some(j) = jenjang_of(&f.jenjang) else {
        return galat(format!("jenjang `{}`", f.jenjang));
    };
    if !(2025..=2099).contains(&f.tahun) {
        return galat(format!("tahun {}", f.tahun));
    }
    match juknis::template::write(j, f.tahun, &f.jawaban) {
        Ok(teks) => json(&Teks { teks }),
        Err(e) => galat(e.get(lang)),
    }
}

/// The answers a juknis text gives (`{"galat": …}` when it has no readable
/// jenjang and school year).
pub fn jawaban(_: &str, src: &[u8], _: Lang) -> String {
    match juknis::template::answers_of(&String::from_utf8_lossy(src)) {
        Some((j, tahun, jawaban)) => json(&Formulir {
            jenjang: j.as_str().to_string(),
            tahun,
            jawaban,
        }),
        None => galat("jenjang/tahun_ajaran"),
    }
}

/// The text in the canonical layout, or why it cannot be laid out.
pub fn fmt(_: &str, src: &[u8], lang: Lang) -> String {
    match juknis::format::format(&String::from_utf8_lossy(src)) {
        Ok(teks) => json(&Teks { teks }),
        Err(juknis::format::FmtError::Sintaks(d)) => galat(
            d.first()
                .map(|d| d.message.get(lang).to_string())
                .unwrap_or_default(),
        ),
    }
}
