//! The guided start (src/template/; the web page's form and `juknis init
//! --tanya`): every question left unanswered fails `check` until filled, never
//! with another region's value; a complete set of answers conforms; the answers
//! read back from the text write the same text (the form reopens on a draft it
//! wrote); placeholders are one diagnostic each, not a cascade.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use juknis::plan::jenis::Jenjang;
use juknis::template::{self, Jawaban};

const TAHUN: i32 = 2026;

fn rb() -> &'static juknis::rulebook::Rulebook {
    juknis::rulebook::default_rulebook()
}

/// Every question answered: the defaults, and what a Dinas must name itself.
fn complete(j: Jenjang) -> Jawaban {
    let mut a = template::defaults(rb(), j, TAHUN);
    let pemerintah = if matches!(j, Jenjang::SMA | Jenjang::SMK) {
        "Provinsi Bali"
    } else {
        "Kabupaten Sleman"
    };
    a.insert("pemerintah".into(), pemerintah.into());
    a.insert(
        "pengaduan".into(),
        "https://spmb.example-dinas.go.id/aduan".replace("example-", ""),
    );
    a.insert(
        "pemantauan".into(),
        "Tim Pemantauan SPMB Dinas Pendidikan".into(),
    );
    a
}

fn errors(text: &str) -> Vec<(String, String)> {
    let c = juknis::check_bytes(text.as_bytes());
    c.diagnostics
        .iter()
        .filter(|d| d.severity == juknis::text::Severity::Error)
        .map(|d| (d.code.clone(), d.message.id.clone()))
        .collect()
}

#[test]
fn every_question_has_a_national_bound_or_a_form_and_the_keys_are_unique() {
    for j in Jenjang::ALL {
        let qs = template::pertanyaan(rb(), j, TAHUN);
        let mut keys: Vec<&str> = qs.iter().map(|q| q.kunci.as_str()).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "{j:?}: duplicate keys");
        for q in &qs {
            assert!(
                !q.judul.id.is_empty() && !q.judul.en.is_empty(),
                "{}",
                q.kunci
            );
            assert!(!q.contoh.is_empty(), "{}", q.kunci);
        }
        // Quotas show the national bound from the rulebook, with its article.
        for (jalur, _) in template::jalur_of(j) {
            // The rulebook bounds mutasi for SD, SMP and SMA (Pasal 30), not SMK.
            if j == Jenjang::SMK && *jalur == "mutasi" {
                continue;
            }
            let q = qs
                .iter()
                .find(|q| q.kunci == format!("kuota.{jalur}"))
                .unwrap();
            let b = q
                .batas
                .as_ref()
                .unwrap_or_else(|| panic!("{j:?} {jalur}: no bound"));
            // With its source in brackets (an article, an FAQ, a statement).
            assert!(b.id.contains('(') && b.en.contains('('), "{}", b.id);
        }
    }
    let smp = template::pertanyaan(rb(), Jenjang::SMP, TAHUN);
    let dom = smp.iter().find(|q| q.kunci == "kuota.domisili").unwrap();
    assert!(dom
        .batas
        .as_ref()
        .unwrap()
        .id
        .starts_with("paling sedikit 40%"));
    let mut_ = smp.iter().find(|q| q.kunci == "kuota.mutasi").unwrap();
    assert!(mut_
        .batas
        .as_ref()
        .unwrap()
        .id
        .starts_with("paling banyak 5%"));
}

#[test]
fn all_questions_answered_conforms_and_each_one_left_out_fails() {
    for j in Jenjang::ALL {
        let all = complete(j);
        let text = template::write(j, TAHUN, &all).unwrap();
        assert_eq!(errors(&text), vec![], "{j:?} complete:\n{text}");
        for q in template::pertanyaan(rb(), j, TAHUN) {
            let mut a = all.clone();
            a.remove(&q.kunci);
            let text = template::write(j, TAHUN, &a).unwrap();
            let e = errors(&text);
            assert!(
                !e.is_empty(),
                "{j:?}: without `{}` the draft passes:\n{text}",
                q.kunci
            );
            // The value the writer did not give is nowhere in the draft: no
            // number or name is made up for it.
            if let Some(b) = &q.bawaan {
                if q.kunci.starts_with("kuota.") {
                    let jalur = q
                        .kunci
                        .trim_start_matches("kuota.")
                        .rsplit('.')
                        .next()
                        .unwrap();
                    assert!(
                        !text.contains(&format!("{jalur} {b}")),
                        "{j:?}: `{}` left out but `{jalur} {b}` written",
                        q.kunci
                    );
                }
            }
        }
    }
}

#[test]
fn nothing_answered_is_one_diagnostic_per_gap_not_a_cascade() {
    let mut a = Jawaban::new();
    a.insert("pemerintah".into(), "Kota Malang".into());
    let text = template::write(Jenjang::SMP, TAHUN, &a).unwrap();
    let e = errors(&text);
    let codes: Vec<&str> = e.iter().map(|(c, _)| c.as_str()).collect();
    // A placeholder in a wave's jalur line or in the zone method is reported
    // once, as a placeholder; not again as "no jalur", "in no wave", "no method".
    for cascade in [
        "gelombang",
        "konsistensi.gelombang",
        "wilayah.metode",
        "sintaks.pernyataan",
    ] {
        let n = e
            .iter()
            .filter(|(c, m)| c == cascade && !m.contains("belum punya kuota"))
            .count();
        assert_eq!(n, 0, "{cascade} repeats a placeholder: {e:#?}");
    }
    let placeholders = codes.iter().filter(|c| **c == "nilai.kosong").count();
    assert!(placeholders >= 10, "{e:#?}");
    // Each placeholder names the statement and shows the form to write.
    let ditetapkan = e
        .iter()
        .find(|(_, m)| m.starts_with("`ditetapkan` masih berupa isian"))
        .unwrap();
    assert!(
        ditetapkan.1.contains("[tanggal penetapan"),
        "{ditetapkan:?}"
    );
    assert!(text.contains("pemerintah kota \"Malang\""));
    assert!(!text.contains("jalur domisili 50%"));
}

#[test]
fn answers_read_back_write_the_same_text() {
    for j in Jenjang::ALL {
        let mut partial = complete(j);
        // Some answers missing as well: the text still round-trips.
        partial.remove("ditetapkan");
        partial.remove("pengaduan");
        partial.retain(|k, _| !k.starts_with("kuota.afirmasi"));
        // Almost nothing answered: placeholders everywhere, read back as none.
        let mut few = Jawaban::new();
        few.insert("pemerintah".into(), complete(j)["pemerintah"].clone());
        if let Some((jalur, _)) = template::jalur_of(j).first() {
            few.insert(format!("kuota.{jalur}"), "50%".into());
        }
        for a in [complete(j), partial, few] {
            let text = template::write(j, TAHUN, &a).unwrap();
            let (jj, y, back) = template::answers_of(&text).unwrap();
            assert_eq!((jj, y), (j, TAHUN));
            assert_eq!(back, a, "{j:?}: answers read back differ");
            assert_eq!(template::write(j, TAHUN, &back).unwrap(), text);
        }
    }
}

#[test]
fn hostile_answers_cannot_break_the_structure() {
    let mut a = complete(Jenjang::SMA);
    a.insert(
        "urutan.domisili".into(),
        "jarak terdekat }\n}\njalur x 100% {".into(),
    );
    a.insert("pengaduan".into(), "a \"quoted\" \\ line\nbreak".into());
    a.insert("pemerintah".into(), "Provinsi Jawa \"Timur\"".into());
    let text = template::write(Jenjang::SMA, TAHUN, &a).unwrap();
    let j = juknis::check_bytes(text.as_bytes()).juknis.unwrap();
    let ids: Vec<&str> = j.jalur.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        ["domisili", "afirmasi", "prestasi", "mutasi"],
        "{text}"
    );
    assert!(
        text.contains(r#"pengaduan "a \"quoted\" \\ line break""#),
        "{text}"
    );
}

#[test]
fn the_government_must_be_the_level_that_issues_the_jenjang() {
    let mut a = Jawaban::new();
    a.insert("pemerintah".into(), "Kota Surabaya".into());
    let e = template::write(Jenjang::SMA, TAHUN, &a).unwrap_err();
    assert!(e.id.contains("FAQ 15"), "{}", e.id);
    a.insert("pemerintah".into(), "Surabaya".into());
    assert!(template::write(Jenjang::SMP, TAHUN, &a).is_err());
}

#[test]
fn init_tanya_asks_with_the_bounds_and_leaves_gaps_as_placeholders() {
    // Jenjang, year, government; then the quota of domisili; the rest empty.
    let qs = template::pertanyaan(rb(), Jenjang::SMP, 2027);
    let mut lines = vec!["SMP".to_string(), "2027".into()];
    for q in &qs {
        lines.push(match q.kunci.as_str() {
            "pemerintah" => "Kota Malang".into(),
            "kuota.domisili" => "55%".into(),
            _ => String::new(),
        });
    }
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["init", "--tanya"])
        .write_stdin(lines.join("\n") + "\n")
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let asked = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        asked.contains("Kuota jalur domisili — paling sedikit 40%"),
        "{asked}"
    );
    assert!(asked.contains("Pasal 30"), "{asked}");
    assert!(text.contains("pemerintah kota \"Malang\""), "{text}");
    assert!(text.contains("jalur domisili 55% {"), "{text}");
    assert!(text.contains("jalur afirmasi {"), "{text}");
    assert!(text.contains("ditetapkan [tanggal penetapan"), "{text}");
    // The answers given are what `answers_of` reads back.
    let (_, _, back) = template::answers_of(&text).unwrap();
    assert_eq!(back.get("kuota.domisili").map(String::as_str), Some("55%"));
    assert_eq!(
        back.get("pemerintah").map(String::as_str),
        Some("Kota Malang")
    );
    // The gaps fail the check.
    assert!(!errors(&text).is_empty());
}
