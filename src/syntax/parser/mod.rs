//! pest pairs → `ast`. Every node gets the span of the text it came from.
//! Raw pest errors are rewritten into the words a writer should type.

use super::ast::*;
use super::span::{Span, Spanned};
use super::Parsed;
use crate::diagnostic::Diagnostic;
use crate::t;
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/juknis.pest"]
struct JuknisParser;

type P<'a> = Pair<'a, Rule>;

mod blok;
use blok::*;

/// Upper bound on grammar steps, so no input can make the parser run for long.
const CALL_LIMIT: usize = 20_000_000;

pub fn parse(src: &str) -> Parsed {
    pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT));
    match JuknisParser::parse(Rule::file, src) {
        Ok(mut pairs) => {
            let file = pairs.next().and_then(|f| f.into_inner().next()).map(juknis);
            Parsed {
                file,
                diagnostics: Vec::new(),
            }
        }
        Err(e) => Parsed {
            file: None,
            diagnostics: vec![pest_error(src, e)],
        },
    }
}

/// The node's span without the whitespace and comments pest's implicit skipping
/// leaves at its end (`a ~ b?` consumes the gap even when `b` is absent), so a
/// label underlines exactly the statement.
fn sp(p: &P) -> Span {
    let s = p.as_span();
    // Fast path: drop trailing blanks; only a `//` on the last remaining line
    // (a comment, or a URL in a string) needs the exact walk below.
    let trimmed = s
        .as_str()
        .trim_end_matches(|c: char| c.is_ascii_whitespace() || c == '\u{FEFF}');
    let bytes = trimmed.as_bytes();
    let line = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if !bytes[line..].windows(2).any(|w| w == b"//") {
        return Span::new(s.start(), s.start() + trimmed.len());
    }
    let Some(last) = p.clone().into_inner().last() else {
        return s.into();
    };
    let inner_end = sp(&last).end;
    let tail = s.get_input().get(inner_end..s.end()).unwrap_or("");
    let bytes = tail.as_bytes();
    let (mut i, mut keep) = (0, 0);
    while i < bytes.len() {
        if bytes[i..].starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if bytes[i].is_ascii_whitespace() {
            i += 1;
        } else {
            i += 1;
            keep = i;
        }
    }
    Span::new(s.start(), inner_end + keep)
}

fn text(p: P) -> Text {
    Spanned::new(p.as_str().to_string(), sp(&p))
}

/// Children of a pair, skipping the keyword tokens (they carry no value).
fn values<'a>(p: P<'a>) -> impl Iterator<Item = P<'a>> {
    p.into_inner().filter(|c| !is_keyword(c.as_rule()))
}

/// Keyword tokens (`kw_*` in the grammar). A match, not a name test: it runs for
/// every child of every node.
fn is_keyword(r: Rule) -> bool {
    matches!(
        r,
        Rule::kw_acuan
            | Rule::kw_administratif
            | Rule::kw_biaya
            | Rule::kw_bukti
            | Rule::kw_dikecualikan
            | Rule::kw_bersama
            | Rule::kw_kuota_sekolah
            | Rule::kw_bagian
            | Rule::kw_dasar
            | Rule::kw_bulan
            | Rule::kw_cadangan
            | Rule::kw_daftar_ulang
            | Rule::kw_dan
            | Rule::kw_daya_tampung
            | Rule::kw_dengan
            | Rule::kw_ditetapkan
            | Rule::kw_dokumen
            | Rule::kw_gratis
            | Rule::kw_istimewa
            | Rule::kw_jalur
            | Rule::kw_jenjang
            | Rule::kw_juknis
            | Rule::kw_ke
            | Rule::kw_kelas
            | Rule::kw_kelompok
            | Rule::kw_kesepakatan
            | Rule::kw_km
            | Rule::kw_lainnya
            | Rule::kw_langsung_diterima
            | Rule::kw_lanjut
            | Rule::kw_jalur_per_tahap
            | Rule::kw_luar_wilayah
            | Rule::kw_jarak
            | Rule::kw_kurang_dari
            | Rule::kw_m
            | Rule::kw_atau
            | Rule::kw_tidak_menerima
            | Rule::kw_maksimal
            | Rule::kw_desimal
            | Rule::kw_mapel
            | Rule::kw_mekanisme
            | Rule::kw_metode
            | Rule::kw_minimal
            | Rule::kw_pemantauan
            | Rule::kw_pembulatan
            | Rule::kw_pemerintah
            | Rule::kw_pendaftaran
            | Rule::kw_pengaduan
            | Rule::kw_pengecualian
            | Rule::kw_pengumuman
            | Rule::kw_pengumuman_pendaftaran
            | Rule::kw_per
            | Rule::kw_perbatasan
            | Rule::kw_perluasan
            | Rule::kw_pilihan
            | Rule::kw_poin
            | Rule::kw_prioritas
            | Rule::kw_radius
            | Rule::kw_rapor
            | Rule::kw_rekomendasi
            | Rule::kw_rombel
            | Rule::kw_sampai
            | Rule::kw_seleksi
            | Rule::kw_semester
            | Rule::kw_sisa_kuota
            | Rule::kw_sisa_pembulatan
            | Rule::kw_pembulatan_sub
            | Rule::kw_pengisian_cadangan
            | Rule::kw_skor
            | Rule::kw_status
            | Rule::kw_sub
            | Rule::kw_syarat
            | Rule::kw_tahap
            | Rule::kw_tahun
            | Rule::kw_tahun_ajaran
            | Rule::kw_tanggal_acuan
            | Rule::kw_tes
            | Rule::kw_untuk
            | Rule::kw_urutan
            | Rule::kw_usia
            | Rule::kw_verifikasi
            | Rule::kw_wilayah
    )
}

fn string(p: P) -> Text {
    // string = "\"" str_inner "\""; unescape \" and \\.
    let span = sp(&p);
    let inner = p
        .into_inner()
        .next()
        .map(|i| i.as_str().to_string())
        .unwrap_or_default();
    Spanned::new(inner.replace("\\\"", "\"").replace("\\\\", "\\"), span)
}

fn juknis(p: P) -> File {
    let mut it = values(p);
    let judul = it
        .next()
        .map(string)
        .unwrap_or_else(|| Spanned::new(String::new(), Span::default()));
    let items = it.map(top_item).collect();
    File {
        judul,
        items,
        bagian: false,
    }
}

fn rusak(p: P) -> Rusak {
    let span = sp(&p);
    let s = p.as_str();
    let word_len = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '%'))
        .unwrap_or(s.len())
        .max(1);
    let word_len = s
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .find(|&e| e >= word_len)
        .unwrap_or(s.len());
    let trimmed = s.trim_end();
    Rusak {
        keyword: Spanned::new(
            s[..word_len].to_string(),
            Span::new(span.start, span.start + word_len),
        ),
        text: Spanned::new(
            trimmed.to_string(),
            Span::new(span.start, span.start + trimmed.len()),
        ),
    }
}

fn top_item(p: P) -> Spanned<Item> {
    let span = sp(&p);
    let rule = p.as_rule();
    let item = match rule {
        Rule::acuan => Item::Acuan(first_text(p)),
        Rule::pemerintah => {
            let mut it = values(p);
            let tingkat = it.next().map(text).unwrap_or_else(|| empty(span));
            let nama = it.next().map(string);
            Item::Pemerintah { tingkat, nama }
        }
        Rule::jenjang => Item::Jenjang(first_text(p)),
        Rule::tahun_ajaran => {
            let pair = values(p).next();
            let mut it = pair.into_iter().flat_map(|x| x.into_inner());
            let awal = it.next().map(text).unwrap_or_else(|| empty(span));
            let akhir = it.next().map(text).unwrap_or_else(|| empty(span));
            Item::TahunAjaran { awal, akhir }
        }
        Rule::ditetapkan => Item::Ditetapkan(first_waktu(p, span)),
        Rule::pengumuman_pendaftaran => Item::PengumumanPendaftaran(first_waktu(p, span)),
        Rule::usia => Item::Usia(values(p).map(usia_item).collect()),
        Rule::wilayah => Item::Wilayah(values(p).map(wilayah_item).collect()),
        Rule::daya_tampung => Item::DayaTampung(values(p).map(dt_item).collect()),
        Rule::pilihan => Item::Pilihan(values(p).map(pilihan_item).collect()),
        Rule::skor => {
            let mut it = values(p);
            let nama = it.next().map(text).unwrap_or_else(|| empty(span));
            let (mut terms, mut maksimal, mut desimal) = (Vec::new(), None, None);
            for c in it {
                if c.as_rule() == Rule::skor_opsi {
                    let mut inner = c.into_inner();
                    let kw = inner.next().map(|k| k.as_rule());
                    let v = inner.next().map(text);
                    if kw == Some(Rule::kw_maksimal) {
                        maksimal = v;
                    } else {
                        desimal = v;
                    }
                } else {
                    terms.push(suku(c));
                }
            }
            Item::Skor {
                nama,
                suku: terms,
                maksimal,
                desimal,
            }
        }
        Rule::poin => {
            let mut it = values(p);
            let nama = it.next().map(text).unwrap_or_else(|| empty(span));
            let mut baris = Vec::new();
            let mut rusak_rows = Vec::new();
            for row in it {
                if row.as_rule() == Rule::bad_stmt {
                    rusak_rows.push(rusak(row));
                } else {
                    baris.push(poin_baris(row));
                }
            }
            // A broken row inside a points table is reported like any broken line.
            if let Some(r) = rusak_rows.into_iter().next() {
                return Spanned::new(
                    Item::Rusak(Rusak {
                        keyword: r.keyword,
                        text: r.text,
                    }),
                    span,
                );
            }
            Item::Poin { nama, baris }
        }
        Rule::jalur => Item::Jalur(jalur(p)),
        Rule::lanjut => {
            let mut it = values(p);
            let dari = it.next().map(text).unwrap_or_else(|| empty(span));
            let ke = it.next().map(text).unwrap_or_else(|| empty(span));
            Item::Lanjut { dari, ke }
        }
        Rule::sisa_kuota => {
            let mut it = values(p);
            let dari = it.next().map(text).unwrap_or_else(|| empty(span));
            let ke = it.next().map(text).unwrap_or_else(|| empty(span));
            Item::SisaKuota { dari, ke }
        }
        Rule::cadangan => {
            let v = values(p).next();
            match v {
                Some(v) if v.as_rule() == Rule::percent => {
                    Item::Cadangan(Cadangan::Persen(persen(v)))
                }
                Some(v) => Item::Cadangan(Cadangan::Nama(text(v))),
                None => Item::Cadangan(Cadangan::Nama(empty(span))),
            }
        }
        Rule::tahap => {
            let mut it = values(p);
            let nomor = it.next().map(text).unwrap_or_else(|| empty(span));
            Item::Tahap {
                nomor,
                isi: it.map(tahap_item).collect(),
            }
        }
        Rule::biaya => {
            let v = values(p).next();
            match v {
                Some(v) if v.as_rule() == Rule::biaya_nominal => {
                    let mut untuk = None;
                    let mut jumlah = empty(span);
                    for c in v.into_inner() {
                        match c.as_rule() {
                            Rule::name => untuk = Some(text(c)),
                            Rule::uang => {
                                let s = sp(&c);
                                let num = c
                                    .into_inner()
                                    .next()
                                    .map(|n| n.as_str().to_string())
                                    .unwrap_or_default();
                                jumlah = Spanned::new(num, s);
                            }
                            _ => {}
                        }
                    }
                    Item::Biaya(Biaya::Nominal { untuk, jumlah })
                }
                _ => Item::Biaya(Biaya::Gratis),
            }
        }
        Rule::pendaftaran_moda => Item::Pendaftaran(values(p).map(text).collect()),
        Rule::bukti => {
            let mut it = values(p);
            let nama = it.next().map(text).unwrap_or_else(|| empty(span));
            let status = it.next().map(text).unwrap_or_else(|| empty(span));
            let keterangan = it.next().map(string);
            Item::Bukti {
                nama,
                status,
                keterangan,
            }
        }
        Rule::dikecualikan => {
            let mut it = values(p);
            let npsn = it.next().map(string).unwrap_or_else(|| empty(span));
            let alasan = it.next().map(text).unwrap_or_else(|| empty(span));
            let keterangan = it.next().map(string);
            Item::Dikecualikan {
                npsn,
                alasan,
                keterangan,
            }
        }
        Rule::bersama => {
            let mut it = values(p);
            let npsn = it.next().map(string).unwrap_or_else(|| empty(span));
            let kesepakatan = it.next().map(string);
            Item::Bersama { npsn, kesepakatan }
        }
        Rule::urutan => Item::Urutan(kriteria_list(p)),
        Rule::bagian => {
            let mut it = values(p);
            let jenjang = it.next().map(text).unwrap_or_else(|| empty(span));
            Item::Bagian {
                jenjang,
                items: it.map(top_item).collect(),
            }
        }
        Rule::kuota_sekolah => {
            let mut sekolah = Vec::new();
            let mut isi = Vec::new();
            for c in values(p) {
                match c.as_rule() {
                    Rule::string => sekolah.push(string(c)),
                    Rule::ks_dasar => {
                        let s = sp(&c);
                        let v = values(c).next().map(string).unwrap_or_else(|| empty(s));
                        isi.push(Spanned::new(KuotaSekolahItem::Dasar(v), s));
                    }
                    Rule::ks_kuota => {
                        let s = sp(&c);
                        let mut it = values(c);
                        let nama = it.next().map(text).unwrap_or_else(|| empty(s));
                        let Some(v) = it.next() else { continue };
                        isi.push(Spanned::new(
                            KuotaSekolahItem::Kuota {
                                nama,
                                persen: persen(v),
                            },
                            s,
                        ));
                    }
                    _ => {
                        let s = sp(&c);
                        isi.push(Spanned::new(KuotaSekolahItem::Rusak(rusak(c)), s));
                    }
                }
            }
            Item::KuotaSekolah { sekolah, isi }
        }
        Rule::pengaduan => {
            Item::Pengaduan(values(p).next().map(string).unwrap_or_else(|| empty(span)))
        }
        Rule::pemantauan => {
            Item::Pemantauan(values(p).next().map(string).unwrap_or_else(|| empty(span)))
        }
        _ => Item::Rusak(rusak(p)),
    };
    Spanned::new(item, span)
}

fn empty(span: Span) -> Text {
    Spanned::new(String::new(), Span::new(span.end, span.end))
}

fn first_text(p: P) -> Text {
    let span = sp(&p);
    values(p).next().map(text).unwrap_or_else(|| empty(span))
}

fn first_waktu(p: P, span: Span) -> Waktu {
    values(p).next().map(waktu).unwrap_or_else(|| Waktu {
        tanggal: empty(span),
        jam: None,
    })
}

fn waktu(p: P) -> Waktu {
    // datetime = date ~ time?
    let span = sp(&p);
    let mut tanggal = empty(span);
    let mut jam = None;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::date => tanggal = text(c),
            Rule::time => jam = Some(text(c)),
            _ => {}
        }
    }
    Waktu { tanggal, jam }
}

fn umur(p: P) -> Spanned<Umur> {
    let span = sp(&p);
    let mut it = values(p);
    let tahun = it.next().map(text).unwrap_or_else(|| empty(span));
    let bulan = it.next().map(text);
    Spanned::new(Umur { tahun, bulan }, span)
}

fn persen(p: P) -> Spanned<Persen> {
    let span = sp(&p);
    let mut angka = empty(span);
    let mut kata_persen = false;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::pct_num => angka = text(c),
            Rule::pct_unit => kata_persen = c.as_str() != "%",
            _ => {}
        }
    }
    let koma = angka.node.contains(',');
    Spanned::new(
        Persen {
            angka,
            koma,
            kata_persen,
        },
        span,
    )
}

fn names(p: P) -> Vec<Text> {
    p.into_inner()
        .filter(|c| c.as_rule() == Rule::name)
        .map(text)
        .collect()
}

// ---- error rewriting --------------------------------------------------------

/// What the writer should type for a grammar rule (Indonesian, English), or None
/// to leave the rule out of the list.
fn friendly(r: Rule) -> Option<(String, String)> {
    let name = format!("{r:?}");
    if let Some(kw) = name.strip_prefix("kw_") {
        return Some((format!("`{kw}`"), format!("`{kw}`")));
    }
    let (id, en) = match r {
        Rule::string | Rule::str_inner => {
            ("teks dalam tanda petik (\"…\")", "text in quotes (\"…\")")
        }
        Rule::name | Rule::free_name | Rule::ref_name | Rule::name_list => ("nama", "a name"),
        Rule::int => ("bilangan bulat", "a whole number"),
        Rule::number => ("angka", "a number"),
        Rule::percent | Rule::pct_num => ("persentase (mis. `35%`)", "a percentage (e.g. `35%`)"),
        Rule::datetime | Rule::date => ("tanggal (TTTT-BB-HH)", "a date (YYYY-MM-DD)"),
        Rule::umur => ("usia (mis. `21 tahun`)", "an age (e.g. `21 tahun`)"),
        Rule::EOI => ("akhir berkas", "end of file"),
        Rule::juknis => ("`juknis \"JUDUL\" {`", "`juknis \"TITLE\" {`"),
        _ => return None,
    };
    Some((id.to_string(), en.to_string()))
}

fn pest_error(src: &str, e: pest::error::Error<Rule>) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let pos = pos.min(src.len());
    if e.variant.message().contains("call limit") {
        return Diagnostic::new(
            "batas.ukuran",
            t!(
                "berkas terlalu rumit untuk dibaca",
                "file too complex to parse"
            ),
        )
        .at(Span::new(pos, pos), None);
    }
    let end = src[pos..]
        .find(|c: char| c.is_whitespace())
        .map(|n| pos + n)
        .unwrap_or(src.len())
        .max(pos);
    let found: String = src[pos..end].chars().take(30).collect();
    let (want_id, want_en) = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut v: Vec<(String, String)> =
                positives.iter().filter_map(|r| friendly(*r)).collect();
            v.sort();
            v.dedup();
            let id = v.iter().map(|x| x.0.clone()).collect::<Vec<_>>().join(", ");
            let en = v.iter().map(|x| x.1.clone()).collect::<Vec<_>>().join(", ");
            (id, en)
        }
        ErrorVariant::CustomError { message } => (message.clone(), message.clone()),
    };
    let at_start = src[..pos].trim_start_matches('\u{feff}').trim().is_empty();
    let msg = if at_start {
        t!(
            "berkas juknis harus diawali `juknis \"JUDUL\" {{`",
            "a juknis file must start with `juknis \"TITLE\" {{`"
        )
    } else if found.is_empty() {
        t!(
            "berkas berakhir di tengah pernyataan; diharapkan {want_id}",
            "file ends in the middle of a statement; expected {want_en}"
        )
    } else if want_id.is_empty() {
        t!("tidak terduga: `{found}`", "unexpected `{found}`")
    } else {
        t!(
            "tidak terduga: `{found}`; diharapkan {want_id}",
            "unexpected `{found}`; expected {want_en}"
        )
    };
    let w_end = if end > pos {
        end
    } else {
        (pos + 1).min(src.len())
    };
    let w_end = (pos..=w_end)
        .rev()
        .find(|i| src.is_char_boundary(*i))
        .unwrap_or(pos);
    let mut d = Diagnostic::new("sintaks", msg).at(Span::new(pos, w_end), None);
    if at_start {
        d = d.help(t!(
            "contoh: `juknis \"SPMB SMA Jawa Timur 2025\" {{ … }}`",
            "example: `juknis \"SPMB SMA Jawa Timur 2025\" {{ … }}`"
        ));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_keyword_knows_every_kw_rule() {
        for r in Rule::all_rules() {
            let named_kw = format!("{r:?}").starts_with("kw_");
            assert_eq!(is_keyword(*r), named_kw, "{r:?}");
        }
    }
}
