//! The rulebook's own examples, as `juknis explain` shows them to a writer, are
//! true: each checked rule's `contoh_salah` put into a conforming juknis gets the
//! rule's code, its `contoh_benar` put in the same place does not. The snippets
//! are fragments (`...` for "the rest as it was"), so each case names a
//! conforming bundled example to put them in and the place each part goes; the
//! splicing is plain text, the checking is the real checker.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "contoh/bahasa.rs"]
mod bahasa;
mod common;
#[path = "contoh/tahun.rs"]
mod tahun;

use bahasa::KASUS_BAHASA;
use tahun::KASUS_TAHUN;

use std::collections::BTreeSet;

use juknis::rulebook::default_rulebook;

/// Where a rule's examples go. Each place takes the next part of the snippet
/// (a part is a line at the snippet's left margin with its indented
/// continuation):
/// - `"usia"`: the first line starting with `usia` (and its block, or its
///   continuation lines) is replaced;
/// - `"jalur domisili>urutan"`: the `urutan` line inside `jalur domisili`;
/// - `"+biaya"`: the part is inserted before the `biaya` line;
/// - `"-pengaduan"`: the `pengaduan` line is deleted (takes no part);
/// - `"skor nilai_akhir|rapor("`: inside that line, `rapor(` up to its closing
///   parenthesis is replaced.
///
/// A part `X { ... }` keeps the block's body and changes its header; a block
/// with `...` among its items keeps the items it does not name.
struct Kasus {
    kode: &'static str,
    dasar: &'static str,
    /// Plain replacements made in the base before splicing, for a case that
    /// needs a date or a name the bundled example lacks.
    siapkan: &'static [(&'static str, &'static str)],
    salah: &'static [&'static str],
    benar: &'static [&'static str],
}

const SD: &str = "dki-jakarta-sd-2025.juknis";
const SMP: &str = "kab-bantul-smp-2025.juknis";
const SMA: &str = "jatim-sma-2025.juknis";
const SMA_JABAR: &str = "jabar-sma-2025.juknis";
const SMA_DIY: &str = "diy-sma-2025.juknis";
const SMK: &str = "jatim-smk-2025.juknis";
const TK: &str = "kab-sidoarjo-tk-2025.juknis";

const fn k(
    kode: &'static str,
    dasar: &'static str,
    salah: &'static [&'static str],
    benar: &'static [&'static str],
) -> Kasus {
    Kasus {
        kode,
        dasar,
        siapkan: &[],
        salah,
        benar,
    }
}

const KASUS: &[Kasus] = &[
    k("kewenangan", SMA, &["pemerintah"], &["pemerintah"]),
    k("jalur.cakupan", SMP, &["jalur mutasi"], &["jalur mutasi"]),
    k(
        "jalur.prestasi.sd",
        SD,
        &["+sisa_kuota"],
        &["jalur domisili", "jalur afirmasi", "jalur mutasi"],
    ),
    k(
        "kuota.domisili.min",
        SMP,
        &["jalur domisili"],
        &["jalur domisili"],
    ),
    k(
        "kuota.afirmasi.min",
        SMA,
        &["jalur afirmasi"],
        &["jalur afirmasi"],
    ),
    k(
        "kuota.prestasi.min",
        SMA,
        &["jalur prestasi"],
        &["jalur prestasi"],
    ),
    k("kuota.mutasi.max", SD, &["jalur mutasi"], &["jalur mutasi"]),
    k(
        "kuota.total",
        SMP,
        &[
            "jalur domisili",
            "jalur afirmasi",
            "jalur prestasi",
            "jalur mutasi",
        ],
        &[
            "jalur domisili",
            "jalur afirmasi",
            "jalur prestasi",
            "jalur mutasi",
        ],
    ),
    k(
        "kuota.pembulatan",
        SMA,
        &["daya_tampung"],
        &["daya_tampung"],
    ),
    k(
        "mutasi.cap.sisa",
        SMP,
        &["jalur mutasi", "sisa_kuota"],
        &["jalur mutasi", "sisa_kuota"],
    ),
    k(
        "smk.afirmasi.min",
        SMK,
        &["jalur afirmasi"],
        &["jalur afirmasi"],
    ),
    k(
        "smk.domisili.max",
        SMK,
        &["jalur domisili"],
        &["jalur domisili"],
    ),
    k("tk.jalur", TK, &["+cadangan"], &["usia"]),
    k(
        "domisili.cakupan",
        SMP,
        &["jalur domisili"],
        &["jalur domisili"],
    ),
    k(
        "afirmasi.cakupan",
        SD,
        &["jalur afirmasi"],
        &["jalur afirmasi"],
    ),
    k("mutasi.cakupan", SD, &["jalur mutasi"], &["jalur mutasi"]),
    k(
        "syarat.objektif",
        SD,
        &["jalur domisili"],
        &["jalur domisili"],
    ),
    k(
        "urutan.domisili.sd",
        SD,
        &["jalur domisili>urutan"],
        &["jalur domisili>urutan"],
    ),
    k(
        "urutan.domisili.smp",
        SMP,
        &["jalur domisili>urutan"],
        &["jalur domisili>urutan"],
    ),
    k(
        "urutan.domisili.sma",
        SMA,
        &["jalur domisili>urutan"],
        &["jalur domisili>urutan"],
    ),
    k(
        "urutan.afirmasi",
        SMP,
        &["jalur afirmasi>urutan"],
        &["jalur afirmasi>urutan"],
    ),
    k(
        "urutan.mutasi",
        SMA,
        &["jalur mutasi>urutan"],
        &["jalur mutasi>urutan"],
    ),
    Kasus {
        kode: "urutan.prestasi",
        dasar: SMA_DIY,
        siapkan: &[("nilai_gabungan", "nilai_akhir")],
        salah: &["jalur prestasi>urutan"],
        benar: &["jalur prestasi>urutan"],
    },
    k(
        "urutan.akhir",
        SMP,
        &["jalur domisili>urutan"],
        &["jalur domisili>urutan"],
    ),
    k("usia.tanggal", SMA, &["usia"], &["usia"]),
    k(
        "usia.tk",
        TK,
        &["usia>kelompok A"],
        &["usia>kelompok A", "usia>kelompok B"],
    ),
    k("usia.sd", SD, &["usia"], &["usia"]),
    k(
        "usia.sd.prioritas",
        SD,
        &["jalur afirmasi"],
        &["jalur afirmasi"],
    ),
    k(
        "usia.sd.istimewa",
        SD,
        &["usia>istimewa"],
        &["usia>istimewa"],
    ),
    k("usia.smp", SMP, &["usia"], &["usia"]),
    k("usia.sma", SMA, &["usia"], &["usia"]),
    k(
        "usia.pengecualian",
        SMP,
        &["usia>pengecualian"],
        &["usia>pengecualian"],
    ),
    k(
        "sd.tanpa_tes",
        SD,
        &["+jalur domisili"],
        &["jalur domisili>urutan"],
    ),
    k(
        "sd.tanpa_prioritas_tk",
        SD,
        &["jalur domisili>syarat"],
        &["jalur domisili>syarat"],
    ),
    k("wilayah.metode", SD, &["wilayah"], &["wilayah"]),
    k("wilayah.sma.kabkota", SD, &["wilayah"], &["wilayah"]),
    k(
        "wilayah.perbatasan",
        SMP,
        &["wilayah>perbatasan"],
        &["wilayah>perbatasan"],
    ),
    k(
        "wilayah.prestasi",
        SMA,
        &["jalur prestasi"],
        &["jalur prestasi"],
    ),
    k(
        "dok.kk",
        SMA,
        &["jalur domisili>dokumen"],
        &["jalur domisili>dokumen"],
    ),
    k(
        "dok.afirmasi",
        SMA_JABAR,
        &["jalur afirmasi>dokumen"],
        &["jalur afirmasi>dokumen"],
    ),
    k(
        "dok.mutasi",
        SMA,
        &["jalur mutasi>dokumen"],
        &["jalur mutasi>dokumen"],
    ),
    k(
        "dok.prestasi",
        SMA,
        &["jalur prestasi>sub lomba"],
        &["jalur prestasi>sub lomba"],
    ),
    k(
        "prestasi.kepemimpinan",
        SMA_JABAR,
        &["poin kepemimpinan"],
        &["poin kepemimpinan"],
    ),
    k(
        "prestasi.bobot",
        SMA,
        &["poin lomba>provinsi", "poin lomba>nasional"],
        &["poin lomba>provinsi", "poin lomba>nasional"],
    ),
    k(
        "prestasi.tanpa_akreditasi",
        SMA,
        &["skor nilai_akhir"],
        &["skor nilai_akhir"],
    ),
    k(
        "prestasi.rapor",
        SMA,
        &["skor nilai_akhir|rapor("],
        &["skor nilai_akhir|rapor("],
    ),
    k("prestasi.tes", SMA, &["biaya"], &["biaya"]),
    k(
        "prestasi.tidak_otomatis",
        SMA,
        &["jalur prestasi>sub lomba"],
        &["jalur prestasi>sub lomba"],
    ),
    k(
        "tahapan",
        SMA,
        &["tahap 2>pendaftaran", "tahap 2>pengumuman"],
        &["tahap 2>pendaftaran", "tahap 2>pengumuman"],
    ),
    k(
        "gelombang",
        SD,
        &["jalur mutasi", "tahap 1"],
        &["tahap 1", "tahap 2"],
    ),
    Kasus {
        kode: "jadwal.gelombang",
        dasar: SMA,
        siapkan: &[
            ("pengumuman 2025-06-13", "pengumuman 2025-06-17"),
            (
                "daftar_ulang 2025-06-13 sampai 2025-06-14",
                "daftar_ulang 2025-06-17 sampai 2025-06-18",
            ),
            (
                "pendaftaran 2025-06-16 sampai 2025-06-17",
                "pendaftaran 2025-06-19 sampai 2025-06-20",
            ),
            ("pengumuman 2025-06-19", "pengumuman 2025-06-21"),
            (
                "daftar_ulang 2025-06-19 sampai 2025-06-20",
                "daftar_ulang 2025-06-21 sampai 2025-06-21",
            ),
        ],
        salah: &["tahap 2"],
        benar: &["tahap 2"],
    },
    k(
        "jadwal.pengumuman",
        SMA,
        &["pengumuman_pendaftaran"],
        &["pengumuman_pendaftaran"],
    ),
    k(
        "jadwal.juknis",
        SMA,
        &["ditetapkan", "pengumuman_pendaftaran"],
        &["ditetapkan", "pengumuman_pendaftaran"],
    ),
    k(
        "peraturan.tanggal",
        SMA,
        &["acuan", "ditetapkan"],
        &["acuan", "ditetapkan"],
    ),
    k("daftar_ulang", SMA, &["cadangan"], &["cadangan", "tahap 1"]),
    k("biaya", SMA, &["biaya"], &["biaya"]),
    k(
        "luring",
        SMA,
        &["pendaftaran daring"],
        &["pendaftaran daring"],
    ),
    k(
        "juknis.isi",
        SMA,
        &["biaya", "pendaftaran daring", "-pengaduan", "-pemantauan"],
        &["biaya", "pendaftaran daring", "pengaduan", "pemantauan"],
    ),
    k(
        "kapasitas.rombel",
        SMA,
        &["daya_tampung"],
        &["daya_tampung"],
    ),
    k("pilihan.luar_wilayah", SMA, &["pilihan"], &["pilihan"]),
    k("jalur.pengecualian", SMA, &["+cadangan"], &["+cadangan"]),
    k("bersama", SMA, &["+cadangan"], &["+cadangan"]),
];

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The line's text starts with `key` as whole words.
fn starts_with_key(line: &str, key: &str) -> bool {
    let t = line.trim_start();
    t.strip_prefix(key)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '{', ',']))
}

/// The last line of the item starting at `i`: the closing brace of a block
/// opened at the end of the line, or the last continuation line (indented
/// deeper) of a plain line.
fn item_end(lines: &[String], i: usize) -> usize {
    let line = &lines[i];
    if line.trim_end().ends_with('{') {
        let mut depth = 0i32;
        for (j, l) in lines.iter().enumerate().skip(i) {
            depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
            if depth == 0 {
                return j;
            }
        }
        panic!("unclosed block at line {}", i + 1);
    }
    let mut j = i;
    while j + 1 < lines.len()
        && !lines[j + 1].trim().is_empty()
        && indent(&lines[j + 1]) > indent(line)
    {
        j += 1;
    }
    j
}

/// The line a place names: `a>b` is the first `b` line inside the first `a`
/// item.
fn find(lines: &[String], place: &str) -> usize {
    let mut from = 0;
    let mut to = lines.len();
    let mut found = None;
    for key in place.split('>') {
        let i = (from..to)
            .find(|&i| starts_with_key(&lines[i], key))
            .unwrap_or_else(|| panic!("no `{key}` in the base for place `{place}`"));
        from = i + 1;
        to = item_end(lines, i) + 1;
        found = Some(i);
    }
    found.unwrap()
}

/// The snippet cut into its parts, with comments and `jenjang` lines removed.
fn parts(snippet: &str) -> (Vec<Vec<String>>, Option<String>) {
    let mut parts: Vec<Vec<String>> = Vec::new();
    let mut jenjang = None;
    let snippet = snippet.replace('…', "...");
    for line in snippet.lines() {
        let line = match line.find(" //") {
            Some(i) => &line[..i],
            None => line,
        }
        .trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(j) = line.strip_prefix("jenjang") {
            jenjang = Some(j.trim().to_string());
            continue;
        }
        if indent(line) == 0 && !line.starts_with('}') || parts.is_empty() {
            parts.push(vec![line.to_string()]);
        } else {
            parts.last_mut().unwrap().push(line.to_string());
        }
    }
    (parts, jenjang)
}

/// The key an item is matched by inside a block: its first word, or two for
/// the words that name a thing (`sub ketm`, `kelompok A`, ...).
fn item_key(item: &str) -> String {
    let mut words = item.split_whitespace();
    let first = words.next().unwrap_or("");
    match first {
        "jalur" if !item.contains('%') => first.to_string(),
        "sub" | "jalur" | "kelompok" | "poin" | "skor" | "tahap" => {
            format!("{first} {}", words.next().unwrap_or(""))
        }
        _ => first.to_string(),
    }
}

/// The items of a one-line block body, separated by two spaces.
fn inline_items(body: &str) -> Vec<String> {
    body.split("  ")
        .map(|s| s.trim().trim_end_matches("...").trim_end())
        .filter(|s| !s.is_empty())
        .map(|s| s.replace("{ ... }", "{ }"))
        .collect()
}

/// Replaces base lines `at..=end` with the part, re-indented to `at`'s margin.
fn splice_part(lines: &mut Vec<String>, at: usize, part: &[String]) {
    let pad = " ".repeat(indent(&lines[at]));
    let end = item_end(lines, at);
    let first = part[0].trim();
    let new: Vec<String> = if first.ends_with("{ ... }") && part.len() == 1
        || first.starts_with("jalur ") && !first.contains('{') && part.len() == 1
    {
        // A header: the block keeps its body.
        let head = first.trim_end_matches("{ ... }").trim_end();
        if lines[at].trim_end().ends_with('{') {
            lines[at] = format!("{pad}{head} {{");
        } else {
            lines[at] = format!("{pad}{head}");
        }
        return;
    } else if part.len() == 1 && first.contains("...") && first.ends_with('}') {
        // `X { a  b ... }`: merge a and b into the base block.
        let open = first.find('{').unwrap();
        let head = first[..open].trim_end();
        let items = inline_items(&first[open + 1..first.len() - 1]);
        merge(lines, at, end, head, &items);
        return;
    } else if part.iter().any(|l| l.trim() == "...") {
        let head = first.trim_end_matches('{').trim_end();
        let items: Vec<String> = part[1..part.len() - 1]
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| l != "...")
            .collect();
        merge(lines, at, end, head, &items);
        return;
    } else {
        part.iter().map(|l| format!("{pad}{l}")).collect()
    };
    lines.splice(at..=end, new);
}

/// The block at `at..=end` with a new header and the named items replaced
/// (or added); items it does not name stay.
fn merge(lines: &mut Vec<String>, at: usize, end: usize, head: &str, items: &[String]) {
    let pad = " ".repeat(indent(&lines[at]));
    if !lines[at].trim_end().ends_with('{') || at == end {
        // A one-line block in the base: spread it out first.
        let t = lines[at].trim().to_string();
        let open = t.find('{').unwrap();
        let mut new = vec![format!("{pad}{} {{", t[..open].trim_end())];
        for it in inline_items(&t[open + 1..t.len() - 1]) {
            new.push(format!("{pad}  {it}"));
        }
        new.push(format!("{pad}}}"));
        let n = new.len();
        lines.splice(at..=end, new);
        return merge(lines, at, at + n - 1, head, items);
    }
    lines[at] = format!("{pad}{head} {{");
    let inner = format!("{pad}  ");
    let mut end = end;
    for it in items {
        let key = item_key(it);
        match (at + 1..end)
            .find(|&i| indent(&lines[i]) == inner.len() && item_key(lines[i].trim()) == key)
        {
            Some(i) => {
                let e = item_end(lines, i);
                lines.splice(i..=e, [format!("{inner}{it}")]);
                end -= e - i;
            }
            None => {
                lines.insert(end, format!("{inner}{it}"));
                end += 1;
            }
        }
    }
}

fn splice(base: &str, snippet: &str, places: &[&str]) -> String {
    let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
    let (parts, jenjang) = parts(snippet);
    if let Some(j) = jenjang {
        assert!(
            lines.iter().any(|l| l.trim() == format!("jenjang {j}")),
            "the snippet is for jenjang {j}; the base is not"
        );
    }
    let mut parts = parts.into_iter();
    for place in places {
        if let Some(p) = place.strip_prefix('-') {
            let i = find(&lines, p);
            let e = item_end(&lines, i);
            lines.drain(i..=e);
            continue;
        }
        let part = parts
            .next()
            .unwrap_or_else(|| panic!("no part of the snippet left for `{place}`"));
        if let Some(p) = place.strip_prefix('+') {
            let i = find(&lines, p);
            let pad = " ".repeat(indent(&lines[i]));
            // Nothing to keep in a new item: `...` stands for nothing.
            let new: Vec<String> = part
                .iter()
                .filter(|l| l.trim() != "...")
                .map(|l| format!("{pad}{}", l.replace("{ ... }", "{ }").replace(" ...", "")))
                .collect();
            lines.splice(i..i, new);
        } else if let Some((p, sub)) = place.split_once('|') {
            let i = find(&lines, p);
            let l = &lines[i];
            let s = l.find(sub).unwrap_or_else(|| panic!("no `{sub}` in `{l}`"));
            let mut depth = 0;
            let mut e = s;
            for (j, c) in l[s..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            e = s + j + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            assert_eq!(part.len(), 1);
            lines[i] = format!("{}{}{}", &l[..s], part[0].trim(), &l[e..]);
        } else {
            let i = find(&lines, place);
            splice_part(&mut lines, i, &part);
        }
    }
    let left: Vec<_> = parts.collect();
    assert!(left.is_empty(), "parts of the snippet not placed: {left:?}");
    lines.join("\n") + "\n"
}

fn codes(src: &str) -> Vec<String> {
    juknis::check_bytes(src.as_bytes())
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn every_checked_rule_with_examples_has_a_case() {
    let rb = default_rulebook();
    let with_examples: BTreeSet<&str> = rb
        .aturan
        .iter()
        .filter(|r| r.diperiksa && r.contoh_salah.is_some() && r.contoh_benar.is_some())
        .map(|r| r.id.as_str())
        .collect();
    let cased: BTreeSet<&str> = KASUS.iter().chain(KASUS_TAHUN).map(|c| c.kode).collect();
    let bahasa: BTreeSet<&str> = KASUS_BAHASA.iter().map(|c| c.kode).collect();
    assert!(bahasa.len() >= 18, "the language cases went missing");
    let missing: Vec<_> = with_examples.difference(&cased).collect();
    let unknown: Vec<_> = cased.difference(&with_examples).collect();
    assert!(missing.is_empty(), "rules without a case: {missing:?}");
    assert!(unknown.is_empty(), "cases for no such rule: {unknown:?}");
}

#[test]
fn rulebook_examples_get_and_avoid_their_code() {
    let rb = default_rulebook();
    let mut bad = Vec::new();
    for c in KASUS.iter().chain(KASUS_TAHUN).chain(KASUS_BAHASA) {
        let rule = rb
            .rule(c.kode)
            .unwrap_or_else(|| panic!("no rule {}", c.kode));
        let mut base =
            std::fs::read_to_string(common::root().join("juknis-examples/sesuai").join(c.dasar))
                .unwrap();
        for (from, to) in c.siapkan {
            assert!(
                base.contains(from),
                "{}: no `{from}` in {}",
                c.kode,
                c.dasar
            );
            base = base.replace(from, to);
        }
        assert!(codes(&base).is_empty(), "{}: the base is not clean", c.kode);
        for (kind, snippet, places, want) in [
            (
                "contoh_salah",
                rule.contoh_salah.as_deref().unwrap(),
                c.salah,
                true,
            ),
            (
                "contoh_benar",
                rule.contoh_benar.as_deref().unwrap(),
                c.benar,
                false,
            ),
        ] {
            let src = splice(&base, snippet, places);
            let got = codes(&src);
            // Syntax errors stop the checker: only the code under test may be one.
            let lang: Vec<_> = got
                .iter()
                .filter(|g| g.starts_with("sintaks") && g.as_str() != c.kode)
                .collect();
            if !lang.is_empty() {
                bad.push(format!(
                    "{} {kind}: the spliced juknis does not read: {lang:?}\n{src}",
                    c.kode
                ));
            } else if got.iter().any(|g| g == c.kode) != want {
                bad.push(format!(
                    "{} {kind}: {} the code; got {got:?}\n{src}",
                    c.kode,
                    if want { "lacks" } else { "has" }
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{}\n\n{} failing",
        bad.join("\n\n"),
        bad.len()
    );
}
