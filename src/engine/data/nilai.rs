//! Cell values: dates, times, numbers and NISN, read strictly. A decimal comma
//! (`85,5`), a thousands separator (`1,000`) or an impossible date is a problem
//! with its own message, never a silently different value.

use crate::text::t;
use crate::text::Text;

/// A run of 1–9 ASCII digits.
fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, any year 1900–2100. Read byte by
/// byte: a million birth dates are parsed per run.
pub fn hari(s: &str) -> Option<i64> {
    hari_b(s.as_bytes())
}

fn hari_b(s: &[u8]) -> Option<i64> {
    let mut it = s.splitn(3, |&c| c == b'-');
    let y = digits(it.next()?)?;
    let m = digits(it.next()?)?;
    let d = digits(it.next()?)?;
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let (y, m) = (y as i32, m as u32);
    if d < 1 || d > i64::from(crate::plan::waktu::days_in_month(y, m)) {
        return None;
    }
    let t = crate::plan::waktu::Tanggal {
        tahun: y,
        bulan: m,
        hari: d as u32,
    };
    Some(t.days())
}

/// Seconds since 1970 of `YYYY-MM-DD HH:MM[:SS]` (or `T` between).
pub fn detik(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (d, t): (&[u8], &[u8]) = match b.iter().position(|&c| c == b' ' || c == b'T') {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, b"00:00"),
    };
    let days = hari_b(d)?;
    let mut it = t.split(|&c| c == b':');
    let h = digits(it.next()?)?;
    let m = it.next().map_or(Some(0), digits)?;
    let sec = it.next().map_or(Some(0), digits)?;
    if it.next().is_some()
        || !(0..24).contains(&h)
        || !(0..60).contains(&m)
        || !(0..61).contains(&sec)
    {
        return None;
    }
    Some(days * 86_400 + h * 3600 + m * 60 + sec)
}

/// A number written with a decimal dot: `87`, `87.5`, `-7.25`. A comma is
/// refused with a message saying whether it looks like a decimal comma or a
/// thousands separator.
pub fn angka(v: &str) -> Result<f64, Text> {
    if v.contains(',') {
        let ribuan = v
            .split(',')
            .skip(1)
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
            && v.split(',')
                .next()
                .is_some_and(|g| (1..=3).contains(&g.trim_start_matches('-').len()));
        let plain: String = v.chars().filter(|c| *c != ',').collect();
        let dot = v.replacen(',', ".", 1);
        return Err(if ribuan {
            t!(
                "`{v}` memakai koma ribuan; tulis tanpa pemisah: {plain} (atau, bila koma desimal, {dot})",
                "`{v}` uses a thousands comma; write it without separators: {plain} (or, if it is a decimal comma, {dot})"
            )
        } else {
            t!(
                "`{v}` memakai koma desimal; tulis dengan titik: {dot}",
                "`{v}` uses a decimal comma; write it with a dot: {dot}"
            )
        });
    }
    let ok = {
        let b = v.strip_prefix('-').unwrap_or(v).as_bytes();
        let mut parts = b.split(|&c| c == b'.');
        let whole = parts.next().unwrap_or(b"");
        let frac = parts.next();
        !whole.is_empty()
            && whole.iter().all(u8::is_ascii_digit)
            && frac.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit))
            && parts.next().is_none()
    };
    match v.parse::<f64>() {
        Ok(x) if ok && x.is_finite() => Ok(x),
        _ => Err(t!(
            "`{v}` bukan angka (tulis mis. 87.5)",
            "`{v}` is not a number (write e.g. 87.5)"
        )),
    }
}

/// The ASCII digit of a decimal digit in another script (full-width, Arabic-
/// Indic, Devanagari, …), whose zeros sit at these code points.
fn digit_lain(c: char) -> Option<u8> {
    const NOL: [u32; 22] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10, 0x1D7CE,
    ];
    let u = c as u32;
    if (0x1D7CE..0x1D800).contains(&u) {
        // Five sets of mathematical digits in a row.
        return Some(((u - 0x1D7CE) % 10) as u8);
    }
    NOL.iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|&z| (u - z) as u8)
}

/// Characters that change nothing a person sees: spaces of every kind,
/// zero-width characters, joiners, bidi controls, soft hyphens.
fn tak_terlihat(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
                | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Most digits in a NISN after normalising (a NISN has 10).
pub const MAKS_DIGIT_NISN: usize = 20;

/// A NISN as the engine compares it: digits only, in ASCII, with spaces,
/// invisible characters and digits of other scripts folded away, so that two
/// cells a person reads as the same number are the same NISN.
pub fn nisn(v: &str) -> Result<compact_str::CompactString, Text> {
    // Almost every cell is plain ASCII digits already.
    if !v.is_empty() && v.len() <= MAKS_DIGIT_NISN && v.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(compact_str::CompactString::from(v));
    }
    let mut out = compact_str::CompactString::default();
    for c in v.chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if let Some(d) = digit_lain(c) {
            out.push(char::from(b'0' + d));
        } else if tak_terlihat(c) {
            continue;
        } else {
            let u = c as u32;
            return Err(t!(
                "NISN `{v}` memuat `{c}` (U+{u:04X}); NISN hanya angka",
                "NISN `{v}` contains `{c}` (U+{u:04X}); a NISN is digits only"
            ));
        }
    }
    if out.is_empty() {
        return Err(t!("NISN kosong", "empty NISN"));
    }
    if out.len() > MAKS_DIGIT_NISN {
        let n = out.len();
        return Err(t!(
            "NISN {n} angka, paling banyak {MAKS_DIGIT_NISN}",
            "NISN of {n} digits, at most {MAKS_DIGIT_NISN}"
        ));
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dotted_and_commas_explained() {
        assert_eq!(angka("87.5"), Ok(87.5));
        assert_eq!(angka("-7.25"), Ok(-7.25));
        assert!(angka("85,5").unwrap_err().en.contains("decimal comma"));
        assert!(angka("1,000").unwrap_err().en.contains("thousands comma"));
        for bad in ["1.2.3", ".5", "5.", "1e3", "inf", "NaN", "", "--1", "0x10"] {
            assert!(angka(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lookalike_nisn_are_one() {
        let want = "0012345678";
        for v in [
            "0012345678",
            " 0012345678 ",
            "0012\u{00A0}345678",
            "\u{200B}0012345678",
            "００１２３４５６７８",
            "0012 345 678",
        ] {
            assert_eq!(nisn(v).ok().as_deref(), Some(want), "{v:?}");
        }
        assert!(nisn("A123").is_err());
        assert!(nisn("\u{200B}").is_err());
        assert!(nisn("baris:12").is_err());
    }
}
