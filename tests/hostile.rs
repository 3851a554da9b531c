//! Hostile and broken input: each gets a diagnostic with a code and a location,
//! never a panic or a hang.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use juknis::check_bytes;

fn codes(bytes: &[u8]) -> Vec<String> {
    check_bytes(bytes)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn empty_file() {
    assert_eq!(codes(b""), vec!["berkas.kosong"]);
    assert_eq!(codes(b"  \n\t\n"), vec!["berkas.kosong"]);
}

#[test]
fn binary_garbage() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let c = codes(&bytes);
    assert_eq!(c.len(), 1);
    assert!(
        ["berkas.biner", "berkas.utf8"].contains(&c[0].as_str()),
        "{c:?}"
    );
}

#[test]
fn invalid_utf8_points_at_the_byte() {
    let mut bytes = b"juknis \"x\" {\n  jenjang SMA\n".to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n', b'}']);
    let checked = check_bytes(&bytes);
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].code, "berkas.utf8");
    assert_eq!(
        checked.diagnostics[0].primary_span().map(|s| s.start),
        Some(at)
    );
}

#[test]
fn ten_megabytes() {
    let bytes = vec![b'a'; 10 * 1024 * 1024];
    assert_eq!(codes(&bytes), vec!["batas.ukuran"]);
}

#[test]
fn ten_thousand_nested_braces() {
    let mut s = String::from("juknis \"x\" ");
    s.push_str(&"{".repeat(10_000));
    s.push_str(&"}".repeat(10_000));
    assert_eq!(codes(s.as_bytes()), vec!["batas.kedalaman"]);
}

#[test]
fn unclosed_block_points_at_its_opening_brace() {
    let src = "juknis \"x\" {\n  usia { maksimal 21 tahun\n}\n";
    let checked = check_bytes(src.as_bytes());
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].code, "sintaks");
    assert_eq!(
        checked.diagnostics[0].primary_span().map(|s| s.start),
        src.find('{')
    );
}

#[test]
fn not_a_juknis_at_all() {
    let c = codes(b"Hello, this is a letter.\n");
    assert_eq!(c, vec!["sintaks"]);
}

#[test]
fn crlf_bom_and_tabs_are_fine() {
    let src = "\u{feff}juknis \"x\" {\r\n\tacuan permendikdasmen-3-2025\r\n\tjenjang TK\r\n}\r\n";
    let checked = check_bytes(src.as_bytes());
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| d.code != "sintaks" && d.code != "sintaks.pernyataan"),
        "{:?}",
        checked.diagnostics
    );
}

#[test]
fn huge_numbers_are_range_errors() {
    let src = "juknis \"x\" {\n  tahun_ajaran 99999/100000\n  jalur domisili 1000000000000000000000000000000% \n}\n";
    let c = codes(src.as_bytes());
    assert!(c.contains(&"nilai.rentang".to_string()), "{c:?}");
}
