//! The comparison for people: plain text for a terminal and Markdown for a
//! review; JSON is the `Banding` value itself.

use super::{Banding, JenisRelevansi, Perubahan, Sisi};
use crate::diagnostic::Lang;

fn lang_of(b: &Banding) -> Lang {
    if b.bahasa == "en" {
        Lang::En
    } else {
        Lang::Id
    }
}

fn w<'a>(lang: Lang, id: &'a str, en: &'a str) -> &'a str {
    lang.pick(id, en)
}

fn side(s: &Sisi, lang: Lang) -> String {
    let mut meta: Vec<&str> = Vec::new();
    if let Some(j) = &s.jenjang {
        meta.push(j);
    }
    if let Some(t) = &s.tahun_ajaran {
        meta.push(t);
    }
    format!(
        "{} — \"{}\" ({}): {} error, {} {}",
        s.berkas,
        s.judul,
        meta.join(", "),
        s.error,
        s.peringatan,
        w(lang, "peringatan", "warnings")
    )
}

fn mark(j: JenisRelevansi) -> &'static str {
    match j {
        JenisRelevansi::MasalahBaru => "✖",
        JenisRelevansi::MasalahHilang => "✓",
        JenisRelevansi::MendekatiBatas => "▲",
        JenisRelevansi::MenjauhiBatas => "▽",
        JenisRelevansi::KriteriaDihapus | JenisRelevansi::KriteriaDitambah => "•",
    }
}

fn lines(p: &Perubahan, lang: Lang) -> String {
    match (p.baris_lama, p.baris_baru) {
        (Some(a), Some(b)) => format!("{} {a} → {b}", w(lang, "baris", "line")),
        (Some(a), None) => format!("{} {a}", w(lang, "baris lama", "old line")),
        (None, Some(b)) => format!("{} {b}", w(lang, "baris baru", "new line")),
        (None, None) => String::new(),
    }
}

/// What happened to a statement: changed, added or removed.
fn what(p: &Perubahan, lang: Lang) -> &'static str {
    match (&p.lama, &p.baru, lang) {
        (Some(_), Some(_), Lang::Id) => "diubah",
        (Some(_), Some(_), Lang::En) => "changed",
        (None, _, Lang::Id) => "ditambah",
        (None, _, Lang::En) => "added",
        (_, None, Lang::Id) => "dihapus",
        (_, None, Lang::En) => "removed",
    }
}

/// The problems tied to no change, new and gone, with their titles.
fn problems(b: &Banding, lang: Lang) -> [(&'static str, &Vec<super::Temuan>); 2] {
    [
        (
            w(
                lang,
                "Masalah baru di luar perubahan",
                "New problems outside the changes",
            ),
            &b.masalah_baru,
        ),
        (
            w(
                lang,
                "Masalah yang hilang di luar perubahan",
                "Problems gone outside the changes",
            ),
            &b.masalah_hilang,
        ),
    ]
}

/// Plain text for a terminal.
pub fn human(b: &Banding) -> String {
    let lang = lang_of(b);
    let mut s = String::new();
    s += &format!("{}: {}\n", w(lang, "lama", "old"), side(&b.lama, lang));
    s += &format!("{}: {}\n\n", w(lang, "baru", "new"), side(&b.baru, lang));
    if b.perubahan.is_empty() {
        s += w(
            lang,
            "Tidak ada perubahan isi (tata letak dan komentar tidak dibandingkan).\n",
            "No change in content (layout and comments are not compared).\n",
        );
    } else {
        s += &format!(
            "{} {}:\n",
            b.perubahan.len(),
            w(lang, "perubahan", "changes")
        );
    }
    for p in &b.perubahan {
        s += &format!("\n  {} ({}, {})\n", p.subjek, what(p, lang), lines(p, lang));
        if let Some(l) = &p.lama {
            s += &format!("    - {l}\n");
        }
        if let Some(n) = &p.baru {
            s += &format!("    + {n}\n");
        }
        for r in &p.relevansi {
            let dasar = r
                .dasar
                .as_ref()
                .map(|d| format!(" [{d}]"))
                .unwrap_or_default();
            s += &format!("    {} {}{dasar}\n", mark(r.jenis), r.teks);
        }
    }
    for (title, list) in problems(b, lang) {
        if list.is_empty() {
            continue;
        }
        s += &format!("\n{title}:\n");
        for t in list {
            s += &format!(
                "  {} {} ({}): {}\n",
                t.tingkat,
                t.kode,
                t.baris.map(|x| x.to_string()).unwrap_or_default(),
                t.pesan
            );
        }
    }
    if !b.kursi.is_empty() {
        s += &format!("\n{}\n", seats_title(b, lang));
        let width = b.kursi.iter().map(|r| r.jalur.len()).max().unwrap_or(0);
        for r in &b.kursi {
            let fmt = |v: &Option<Vec<u32>>| {
                v.as_ref()
                    .map(|v| v.iter().map(|x| format!("{x:>4}")).collect::<String>())
                    .unwrap_or_else(|| "   —".repeat(r.daya_tampung.len()))
            };
            let flag = if r.lama == r.baru { "" } else { "  *" };
            s += &format!(
                "  {:<width$} {} →{}{flag}\n",
                r.jalur,
                fmt(&r.lama),
                fmt(&r.baru)
            );
        }
    }
    #[cfg(feature = "engine")]
    if let Some(d) = &b.dampak {
        s += &super::dampak::human(d, lang);
    }
    s
}

fn seats_title(b: &Banding, lang: Lang) -> String {
    let caps: Vec<String> = b
        .kursi
        .first()
        .map(|r| r.daya_tampung.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default();
    match lang {
        Lang::Id => format!(
            "Kursi per jalur pada daya tampung {} (lama → baru; * berubah):",
            caps.join(" / ")
        ),
        Lang::En => format!(
            "Seats per jalur at capacities {} (old → new; * changed):",
            caps.join(" / ")
        ),
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('`', "'")
}

/// Markdown for a review.
pub fn markdown(b: &Banding) -> String {
    let lang = lang_of(b);
    let mut s = format!(
        "# {}\n\n- {}: {}\n- {}: {}\n\n",
        w(lang, "Perbandingan juknis", "Juknis comparison"),
        w(lang, "lama", "old"),
        cell(&side(&b.lama, lang)),
        w(lang, "baru", "new"),
        cell(&side(&b.baru, lang))
    );
    if b.perubahan.is_empty() {
        s += w(
            lang,
            "Tidak ada perubahan isi.\n",
            "No change in content.\n",
        );
    } else {
        s += &format!(
            "## {} ({})\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
            w(lang, "Perubahan", "Changes"),
            b.perubahan.len(),
            w(lang, "Yang berubah", "What"),
            w(lang, "Baris", "Lines"),
            w(lang, "Lama", "Old"),
            w(lang, "Baru", "New"),
            w(
                lang,
                "Arti terhadap peraturan",
                "Meaning against the regulation"
            ),
        );
    }
    for p in &b.perubahan {
        let rel: Vec<String> = p
            .relevansi
            .iter()
            .map(|r| {
                let d = r
                    .dasar
                    .as_ref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                format!("{} {}{d}", mark(r.jenis), r.teks)
            })
            .collect();
        let code = |v: &Option<String>| {
            v.as_ref()
                .map(|x| format!("`{}`", cell(x)))
                .unwrap_or_else(|| "—".into())
        };
        s += &format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&p.subjek),
            lines(p, lang),
            code(&p.lama),
            code(&p.baru),
            cell(&rel.join("<br>"))
        );
    }
    for (title, list) in problems(b, lang) {
        if list.is_empty() {
            continue;
        }
        s += &format!("\n## {title}\n\n");
        for t in list {
            s += &format!("- {} `{}`: {}\n", t.tingkat, t.kode, cell(&t.pesan));
        }
    }
    if !b.kursi.is_empty() {
        s += &format!("\n## {}\n\n", seats_title(b, lang));
        let caps = b
            .kursi
            .first()
            .map(|r| r.daya_tampung.clone())
            .unwrap_or_default();
        s += "| jalur |";
        for c in &caps {
            s += &format!(" {c} |");
        }
        s += "\n|---|";
        s += &"---|".repeat(caps.len());
        s += "\n";
        for r in &b.kursi {
            s += &format!("| `{}` |", r.jalur);
            for i in 0..caps.len() {
                let get = |v: &Option<Vec<u32>>| {
                    v.as_ref()
                        .and_then(|v| v.get(i))
                        .map(|x| x.to_string())
                        .unwrap_or_else(|| "—".into())
                };
                let (a, n) = (get(&r.lama), get(&r.baru));
                if a == n {
                    s += &format!(" {a} |");
                } else {
                    s += &format!(" {a} → **{n}** |");
                }
            }
            s += "\n";
        }
    }
    #[cfg(feature = "engine")]
    if let Some(d) = &b.dampak {
        s += &super::dampak::markdown(d, lang);
    }
    s
}
