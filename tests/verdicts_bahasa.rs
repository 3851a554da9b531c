//! Verdicts on the language and on consistency (carry-over cycles and chains,
//! placeholders, unreadable statements, numbers out of range, zone method and
//! organisation names, rounding notes), on the same juknis as tests/verdicts.rs.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod putusan;

use juknis::check_bytes;
use putusan::*;

#[test]
fn carry_over_cycle() {
    let s = edit(
        SMA,
        &[(
            "sisa_kuota prestasi ke domisili",
            "sisa_kuota afirmasi ke prestasi\n  sisa_kuota prestasi ke afirmasi",
        )],
    );
    expect(
        &s,
        "konsistensi.sisa_siklus",
        "sisa_kuota afirmasi ke prestasi",
    );
}

/// A cycle through a name that does not exist is the typo, not a cycle: only
/// the unknown name is reported, on both lines that use it.
#[test]
fn carry_over_cycle_through_an_unknown_name() {
    let s = edit(
        SMA,
        &[(
            "sisa_kuota prestasi ke domisili",
            "sisa_kuota afirmasi ke prestasii\n  sisa_kuota prestasii ke afirmasi",
        )],
    );
    let got = codes(&s);
    assert_eq!(got, ["nama.tidak_dikenal", "nama.tidak_dikenal"]);
}

/// Every kind of placeholder in a text a juknis must fill in is caught, each
/// alone: an ellipsis (either spelling), square brackets, angle brackets, the
/// placeholder words, and a bare dash, question mark or "nama provinsi".
#[test]
fn placeholders_left_in_a_text() {
    let base = "pengaduan \"Dinas Pendidikan Kota Semarang, telepon 024-1234567\"";
    for text in [
        "",
        "Posko SPMB …",
        "Posko SPMB ...",
        "Posko [nama kantor]",
        "<alamat>",
        "TODO",
        "https://spmb.example.go.id",
        "-",
        "?",
        "Nama Kota",
        "tba",
    ] {
        let s = edit(SD, &[(base, &format!("pengaduan \"{text}\""))]);
        let got = codes(&s);
        assert_eq!(got, ["nilai.kosong"], "pengaduan {text:?}");
    }
    // Brackets that do not close, a dash inside a text: real texts.
    for text in ["Posko [lantai 2", "Posko SPMB - Dinas Pendidikan"] {
        let s = edit(SD, &[(base, &format!("pengaduan \"{text}\""))]);
        assert_eq!(found(&s), vec![], "pengaduan {text:?}");
    }
}

/// The note naming a real school size where rounding breaks a minimum appears
/// only when one exists: with rombel 30 every whole number of rombel gives
/// exactly 30 % of the seats, so only the small capacity is reported.
#[test]
fn rounding_note_names_a_real_size_only_when_there_is_one() {
    let notes = |rombel: &str| -> Vec<Vec<String>> {
        let s = edit(
            SMA,
            &[(
                "rombel maksimal 36",
                &format!("rombel maksimal {rombel}\n    pembulatan ke_bawah"),
            )],
        );
        check_bytes(s.as_bytes())
            .diagnostics
            .iter()
            .filter(|d| d.code == "kuota.pembulatan" && d.message.en.contains("afirmasi"))
            .map(|d| d.notes.iter().map(|n| n.en.clone()).collect())
            .collect()
    };
    let n36 = notes("36");
    assert_eq!(n36.len(), 1, "{n36:?}");
    assert!(
        n36[0]
            .iter()
            .any(|n| n.contains("also at 1 rombel × 36 = 36 seats")),
        "{n36:?}"
    );
    let n30 = notes("30");
    assert_eq!(n30.len(), 1, "{n30:?}");
    assert!(n30[0].iter().all(|n| !n.contains("rombel ×")), "{n30:?}");
}

/// Statements the grammar could not read: the word `zonasi` anywhere in one is
/// the old term, `kuota` inside a jalur is shown where the quota goes, any
/// other unknown statement in a jalur is named as such.
#[test]
fn unreadable_statements_are_explained() {
    let msgs = |s: &str| -> Vec<(String, String)> {
        check_bytes(s.as_bytes())
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.message.en))
            .collect()
    };
    let s = edit(
        SMA,
        &[(
            "metode radius 5 km",
            "metode radius 5 km\n    sistem zonasi",
        )],
    );
    let m = msgs(&s);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, "istilah.zonasi", "{m:?}");
    let s = edit(
        SMA,
        &[(
            "  jalur mutasi 5% {\n",
            "  jalur mutasi 5% {\n    kuota 5%\n",
        )],
    );
    let m = msgs(&s);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].1, "the quota goes after the jalur name", "{m:?}");
    let s = edit(
        SMA,
        &[("  jalur mutasi 5% {\n", "  jalur mutasi 5% {\n    zona 3\n")],
    );
    let m = msgs(&s);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(
        m[0].1, "unknown statement in block `jalur`: `zona 3`",
        "{m:?}"
    );
}

/// Whole numbers past their sensible range are reported with the range, not
/// dropped in silence: rombel size, number of choices.
#[test]
fn whole_numbers_out_of_range() {
    for (from, to, what) in [
        (
            "rombel maksimal 36",
            "rombel maksimal 201",
            "rombel size out of range: `201` (at most 200)",
        ),
        (
            "    maksimal 1\n",
            "    maksimal 21\n",
            "number of choices out of range: `21` (at most 20)",
        ),
    ] {
        let s = edit(SMA, &[(from, to)]);
        let d: Vec<_> = check_bytes(s.as_bytes())
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.message.en))
            .collect();
        assert!(
            d.iter().any(|(c, m)| c == "nilai.rentang" && m == what),
            "{to}: {d:?}"
        );
    }
}

/// A zone method the language does not know gets "did you mean", not the
/// `zonasi` message; `zonasi` itself gets the old-term message.
#[test]
fn unknown_zone_method_names() {
    let s = edit(SMA, &[("metode radius 5 km", "metode radiuss 5 km")]);
    let c = codes(&s);
    assert!(c.contains(&"nama.tidak_dikenal".to_string()), "{c:?}");
    assert!(!c.contains(&"istilah.zonasi".to_string()), "{c:?}");
    let s = edit(SMA, &[("metode radius 5 km", "metode zonasi")]);
    let c = codes(&s);
    assert!(c.contains(&"istilah.zonasi".to_string()), "{c:?}");
}

/// A rapor range that runs backwards is reported, not dropped.
#[test]
fn rapor_semesters_backwards() {
    let s = edit(SMA, &[("rapor(semester 1..5,", "rapor(semester 5..1,")]);
    let d: Vec<_> = check_bytes(s.as_bytes())
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.message.en))
        .collect();
    assert!(
        d.iter()
            .any(|(c, m)| c == "nilai.rentang" && m == "invalid semester range"),
        "{d:?}"
    );
}

/// `ketua_osis 20` is the organisation and the role in one word: read as
/// `osis ketua 20`, and `wakil_ketua_osis` as the vice-chair the rule excludes (FAQ 43, 45).
#[test]
fn organisation_and_role_in_one_word() {
    let s = edit(SMA, &[("osis ketua 20", "ketua_osis 20")]);
    assert_eq!(found(&s), vec![]);
    let s = edit(
        SMA,
        &[("osis ketua 20", "ketua_osis 20\n    wakil_ketua_osis 10")],
    );
    let got = codes(&s);
    assert_eq!(got, ["prestasi.kepemimpinan"]);
}

/// Where rounding leftovers go must name a jalur of the juknis.
#[test]
fn rounding_leftovers_to_an_unknown_jalur() {
    let s = edit(
        SMA,
        &[(
            "rombel maksimal 36",
            "rombel maksimal 36\n    sisa_pembulatan ke domisilii",
        )],
    );
    let d: Vec<_> = check_bytes(s.as_bytes())
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "nama.tidak_dikenal")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].message.en.contains("`domisilii`"), "{d:?}");
    let s = edit(
        SMA,
        &[(
            "rombel maksimal 36",
            "rombel maksimal 36\n    sisa_pembulatan ke domisili",
        )],
    );
    assert_eq!(found(&s), vec![]);
}

/// A wave without registration dates is ordered by its number: carrying seats
/// from wave 2 back to wave 1 is reported even then.
#[test]
fn carry_over_backwards_between_waves_without_dates() {
    let strip = |s: &str| -> String {
        s.lines()
            .filter(|l| !l.trim_start().starts_with("pendaftaran 2025"))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let back = strip(&edit(
        SMA,
        &[(
            "sisa_kuota prestasi ke domisili",
            "sisa_kuota domisili ke afirmasi",
        )],
    ));
    let got = codes(&back);
    assert!(
        got.contains(&"konsistensi.sisa_tahap".to_string()),
        "{got:?}"
    );
    let forward = strip(SMA);
    let got = codes(&forward);
    assert!(
        !got.contains(&"konsistensi.sisa_tahap".to_string()),
        "{got:?}"
    );
}
