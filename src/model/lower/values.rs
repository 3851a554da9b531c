//! Values: percentages (exact, at most 100, a decimal comma caught), whole
//! numbers in range, ages (`5 tahun 6 bulan`), dates and times on the calendar.

use super::*;

impl Lower<'_> {
    pub(super) fn persen(&mut self, p: &Spanned<ast::Persen>) -> Option<Spanned<Persen>> {
        let text = &p.angka.node;
        if p.kata_persen {
            let fixed = text.replace(',', ".");
            self.push(
                Diagnostic::new(
                    "sintaks.persen",
                    t!("tulis persentase dengan `%`", "write percentages with `%`"),
                )
                .at(p.span, None)
                .help(t!("tulis `{fixed}%`", "write `{fixed}%`"))
                .fix(p.span, format!("{fixed}%")),
            );
        } else if p.koma {
            let fixed = text.replace(',', ".");
            self.push(
                Diagnostic::new(
                    "sintaks.koma_desimal",
                    t!(
                        "desimal ditulis dengan titik",
                        "decimals are written with a dot"
                    ),
                )
                .at(p.span, None)
                .help(t!(
                    "tulis `{fixed}%`; koma memisahkan daftar",
                    "write `{fixed}%`; commas separate list items"
                ))
                .fix(p.span, format!("{fixed}%")),
            );
        }
        match Persen::parse(text) {
            Ok(v) if v <= Persen::HUNDRED => Some(sp(v, p.span)),
            Ok(_) | Err(persen::ParseError::TooLarge) => {
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "persentase di atas 100%: `{text}%`",
                            "percentage above 100%: `{text}%`"
                        ),
                    )
                    .at(p.span, None)
                    .help(t!(
                        "kuota dan bobot adalah bagian dari 100%",
                        "quotas and weights are parts of 100%"
                    )),
                );
                None
            }
            Err(persen::ParseError::TooManyDecimals) => {
                let n = persen::DECIMALS;
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "persentase dengan lebih dari {n} angka desimal",
                            "percentage with more than {n} decimals"
                        ),
                    )
                    .at(p.span, None),
                );
                None
            }
            Err(persen::ParseError::NotANumber) => None,
        }
    }

    pub(super) fn int(
        &mut self,
        t: &Spanned<String>,
        max: u64,
        what_id: &str,
        what_en: &str,
    ) -> Option<Spanned<u32>> {
        match t.node.parse::<u64>() {
            Ok(v) if v <= max => Some(sp(v as u32, t.span)),
            _ if t.node.is_empty() => None,
            _ => {
                let v = &t.node;
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "{what_id} di luar batas wajar: `{v}` (paling besar {max})",
                            "{what_en} out of range: `{v}` (at most {max})"
                        ),
                    )
                    .at(t.span, None),
                );
                None
            }
        }
    }

    pub(super) fn umur(&mut self, u: &Spanned<ast::Umur>) -> Option<Spanned<Bulan>> {
        let tahun = self.int(&u.tahun, 100, "usia", "age")?;
        let bulan = match &u.bulan {
            Some(b) => self.int(b, 11, "bulan", "months")?.node,
            None => 0,
        };
        Some(sp(tahun.node * 12 + bulan, u.span))
    }

    pub(super) fn waktu(&mut self, w: &ast::Waktu) -> Option<Spanned<Waktu>> {
        if w.tanggal.node.is_empty() {
            return None;
        }
        let span = w
            .jam
            .as_ref()
            .map(|j| w.tanggal.span.join(j.span))
            .unwrap_or(w.tanggal.span);
        let s = &w.tanggal.node;
        let tanggal = match Tanggal::parse(s) {
            Ok(t) => t,
            Err(e) => {
                let (id, en) = match e {
                    waktu::DateError::Day { max } => (
                        format!(
                            "tanggal tidak ada di kalender: `{s}` (bulan itu hanya {max} hari)"
                        ),
                        format!("no such date: `{s}` (that month has {max} days)"),
                    ),
                    waktu::DateError::Month => (
                        format!("bulan tidak sah: `{s}`"),
                        format!("invalid month: `{s}`"),
                    ),
                    waktu::DateError::YearRange => {
                        let (a, b) = (waktu::YEARS.start(), waktu::YEARS.end());
                        (
                            format!("tahun di luar {a}–{b}: `{s}`"),
                            format!("year outside {a}–{b}: `{s}`"),
                        )
                    }
                    _ => (
                        format!("tanggal tidak sah: `{s}`"),
                        format!("invalid date: `{s}`"),
                    ),
                };
                let code = if matches!(e, waktu::DateError::YearRange) {
                    "nilai.rentang"
                } else {
                    "nilai.tanggal"
                };
                self.push(
                    Diagnostic::new(code, Text::new(id, en))
                        .at(w.tanggal.span, None)
                        .help(t!(
                            "tulis tanggal sebagai TTTT-BB-HH, mis. `2025-06-16`",
                            "write dates as YYYY-MM-DD, e.g. `2025-06-16`"
                        )),
                );
                return None;
            }
        };
        let menit = match &w.jam {
            Some(j) => match Waktu::parse_jam(&j.node) {
                Ok(m) => Some(m),
                Err(_) => {
                    let s = &j.node;
                    self.push(
                        Diagnostic::new(
                            "nilai.tanggal",
                            t!("jam tidak sah: `{s}`", "invalid time: `{s}`"),
                        )
                        .at(j.span, None)
                        .help(t!(
                            "tulis jam sebagai JJ:MM, 00:00–23:59",
                            "write times as HH:MM, 00:00–23:59"
                        )),
                    );
                    None
                }
            },
            None => None,
        };
        Some(sp(Waktu { tanggal, menit }, span))
    }
}

/// Month names as writers spell them (Indonesian and English, full and short).
const BULAN: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "pebruari", "february", "feb", "peb"],
    &["maret", "march", "mar"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["agustus", "august", "agu", "agt", "aug", "ags"],
    &["september", "sept", "sep"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nopember", "nov", "nop"],
    &["desember", "december", "des", "dec"],
];

fn month_named(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    BULAN
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

/// A date written in a form other than `YYYY-MM-DD` — `17-06-2027`,
/// `17/06/2027`, `2027/06/17`, `8 Juni 2027` — found in a statement's text:
/// its byte range in the text and the date it means, when that date exists.
/// Only unambiguous forms: day first with a four-digit year last, or a
/// four-digit year first.
pub(super) fn wrong_date(text: &str) -> Option<(usize, usize, crate::model::Tanggal)> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let num = |s: &str, lo: usize, hi: usize| -> Option<u32> {
        (s.len() >= lo && s.len() <= hi && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for (i, (at, w)) in words.iter().enumerate() {
        let w = w.trim_end_matches(',');
        let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
        if let [a, b, c] = parts.as_slice() {
            let sep_ok = !w.contains('-');
            let found = if let (Some(d), Some(m), Some(y)) =
                (num(a, 1, 2), num(b, 1, 2), num(c, 4, 4))
            {
                Some((y, m, d))
            } else if let (Some(y), Some(m), Some(d)) = (num(a, 4, 4), num(b, 1, 2), num(c, 1, 2)) {
                // YYYY-M-D with dashes is read as it is; only other separators.
                sep_ok.then_some((y, m, d))
            } else {
                None
            };
            if let Some((y, m, d)) = found {
                if let Ok(t) = crate::model::Tanggal::new(y as i32, m, d) {
                    return Some((*at, at + w.len(), t));
                }
            }
        }
        // `8 Juni 2027`
        if let (Some(d), Some((_, mw)), Some((yat, yw))) =
            (num(w, 1, 2), words.get(i + 1), words.get(i + 2))
        {
            let yw = yw.trim_end_matches(',');
            if let (Some(m), Some(y)) = (month_named(mw), num(yw, 4, 4)) {
                if let Ok(t) = crate::model::Tanggal::new(y as i32, m, d) {
                    return Some((*at, yat + yw.len(), t));
                }
            }
        }
    }
    None
}
