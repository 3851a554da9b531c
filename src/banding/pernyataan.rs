//! The statements of a juknis, each reduced to what it says and named the same
//! way in any file (`jalur domisili · kuota`, `tahap 2 · pendaftaran`), so two
//! juknis compare statement by statement whatever their layout.

use super::Bidang;
use crate::model::{Jalur, Juknis, Persen};
use crate::span::Span;

/// A statement reduced to what it says: its kind, a key naming it the same way
/// in both files, its text with whitespace collapsed, and where it is.
pub(super) struct Item {
    pub bidang: Bidang,
    pub kunci: String,
    pub teks: String,
    pub span: Span,
    /// For a quota: its value, for the bound check.
    pub persen: Option<Persen>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Sumber<'a> {
    src: &'a str,
}

impl Sumber<'_> {
    fn text(&self, span: Span) -> String {
        collapse(self.src.get(span.range()).unwrap_or(""))
    }
}

/// Every statement of a juknis, keyed.
pub(super) fn items(j: &Juknis, src: &str) -> Vec<Item> {
    let s = Sumber { src };
    let mut out: Vec<Item> = Vec::new();
    let o = &mut out;
    use Bidang::*;
    for (k, sp) in [
        ("acuan", j.acuan.as_ref().map(|x| x.span)),
        ("pemerintah", j.pemerintah.as_ref().map(|x| x.span)),
        ("jenjang", j.jenjang.as_ref().map(|x| x.span)),
        ("tahun_ajaran", j.tahun_ajaran.as_ref().map(|x| x.span)),
        ("ditetapkan", j.ditetapkan.as_ref().map(|x| x.span)),
        (
            "pengumuman_pendaftaran",
            j.pengumuman_pendaftaran.as_ref().map(|x| x.span),
        ),
    ] {
        if let Some(sp) = sp {
            add(o, &s, Identitas, k.into(), sp);
        }
    }
    let u = &j.usia;
    for (k, sp) in [
        ("tanggal_acuan", u.tanggal_acuan.as_ref().map(|x| x.span)),
        ("minimal", u.minimal.as_ref().map(|x| x.span)),
        ("maksimal", u.maksimal.as_ref().map(|x| x.span)),
        ("prioritas", u.prioritas.as_ref().map(|x| x.span)),
        ("istimewa", u.istimewa.as_ref().map(|x| x.span)),
        ("pengecualian", u.pengecualian.as_ref().map(|x| x.span)),
    ] {
        if let Some(sp) = sp {
            add(o, &s, Usia, format!("usia · {k}"), sp);
        }
    }
    for g in &u.kelompok {
        add(
            o,
            &s,
            Usia,
            format!("usia · kelompok {}", g.node.nama.node),
            g.span,
        );
    }
    let w = &j.wilayah;
    if let Some(m) = &w.metode {
        add(o, &s, Wilayah, "wilayah · metode".into(), m.span);
    }
    if let Some(p) = &w.perluasan {
        add(o, &s, Wilayah, "wilayah · perluasan".into(), p.span);
    }
    for p in &w.perbatasan {
        let t = s.text(p.span);
        add(o, &s, Wilayah, format!("wilayah · {t}"), p.span);
    }
    let d = &j.daya_tampung;
    for (k, sp) in [
        ("rombel", d.rombel.as_ref().map(|x| x.span)),
        ("pengecualian", d.pengecualian.as_ref().map(|x| x.span)),
        ("pembulatan_sub", d.pembulatan_sub.as_ref().map(|x| x.span)),
        ("sisa_pembulatan", d.sisa_ke.as_ref().map(|x| x.span)),
    ] {
        if let Some(sp) = sp {
            add(o, &s, DayaTampung, format!("daya_tampung · {k}"), sp);
        }
    }
    if d.pembulatan.span.end > d.pembulatan.span.start {
        add(
            o,
            &s,
            DayaTampung,
            "daya_tampung · pembulatan".into(),
            d.pembulatan.span,
        );
    }
    if let Some(sp) = j.pilihan.span {
        add(o, &s, Pilihan, "pilihan".into(), sp);
    }
    for x in &j.skor {
        add(o, &s, Skor, format!("skor {}", x.nama.node), x.span);
    }
    for t in &j.poin {
        for b in &t.baris {
            add(
                o,
                &s,
                Poin,
                format!("poin {} · {}", t.nama.node, b.node.kategori.node),
                b.span,
            );
        }
    }
    for jl in &j.jalur {
        jalur_items(jl, &s, o);
    }
    for x in &j.sisa_kuota {
        add(
            o,
            &s,
            SisaKuota,
            format!("sisa_kuota {}", x.dari.node),
            x.span,
        );
    }
    for x in &j.lanjut {
        add(o, &s, SisaKuota, format!("lanjut {}", x.dari.node), x.span);
    }
    if let Some(c) = &j.cadangan {
        add(o, &s, Cadangan, "cadangan".into(), c.span);
    }
    if let Some(u) = &j.urutan_tk {
        add(o, &s, Urutan, "urutan".into(), u.span);
    }
    for t in &j.tahap {
        let n = t.nomor.node;
        if let (Some(a), Some(b)) = (t.jalur.first(), t.jalur.last()) {
            add(
                o,
                &s,
                Tahap,
                format!("tahap {n} · jalur"),
                a.span.join(b.span),
            );
        }
        for jd in &t.jadwal {
            add(
                o,
                &s,
                Tahap,
                format!("tahap {n} · {}", jd.tahapan.as_str()),
                jd.span,
            );
        }
    }
    for b in &j.biaya {
        add(
            o,
            &s,
            Kewajiban,
            format!("biaya {}", s.text(b.span)),
            b.span,
        );
    }
    for (k, sp) in [
        ("pendaftaran", j.pendaftaran.as_ref().map(|x| x.span)),
        ("pengaduan", j.pengaduan.as_ref().map(|x| x.span)),
        ("pemantauan", j.pemantauan.as_ref().map(|x| x.span)),
    ] {
        if let Some(sp) = sp {
            add(o, &s, Kewajiban, k.into(), sp);
        }
    }
    for b in &j.bukti {
        add(
            o,
            &s,
            Dokumen,
            format!("bukti {}", b.node.nama.node),
            b.span,
        );
    }
    for x in &j.dikecualikan {
        add(
            o,
            &s,
            Sekolah,
            format!("dikecualikan {}", x.node.npsn.node),
            x.span,
        );
    }
    for x in &j.bersama {
        add(
            o,
            &s,
            Sekolah,
            format!("bersama {}", x.node.npsn.node),
            x.span,
        );
    }
    for x in &j.kuota_sekolah {
        let npsn: Vec<&str> = x.node.sekolah.iter().map(|n| n.node.as_str()).collect();
        add(
            o,
            &s,
            Kuota,
            format!("kuota_sekolah {}", npsn.join(", ")),
            x.span,
        );
    }
    number_repeats(&mut out);
    out
}

/// A statement written twice (an error the checker reports) keeps a key of
/// its own: the second `sisa_kuota A` is `sisa_kuota A (2)`, so each pairs
/// with its namesake in the other file.
fn number_repeats(out: &mut [Item]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for it in out.iter_mut() {
        let n = seen.entry(it.kunci.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            it.kunci = format!("{} ({n})", it.kunci);
        }
    }
}

/// One statement, its text taken from the source.
fn add(out: &mut Vec<Item>, s: &Sumber, bidang: Bidang, kunci: String, span: Span) {
    out.push(Item {
        bidang,
        kunci,
        teks: s.text(span),
        span,
        persen: None,
    });
}

/// A jalur's (and its sub-jalur's) statements.
fn jalur_items(jl: &Jalur, s: &Sumber, out: &mut Vec<Item>) {
    let name = format!("jalur {}", jl.id);
    out.push(Item {
        bidang: Bidang::Jalur,
        kunci: name.clone(),
        teks: jl.id.clone(),
        span: jl.nama.span,
        persen: None,
    });
    if let Some(k) = &jl.kuota {
        out.push(Item {
            bidang: Bidang::Kuota,
            kunci: format!("{name} · kuota"),
            teks: format!("{}%", k.node),
            span: k.span,
            persen: Some(k.node),
        });
    }
    if let Some(u) = &jl.urutan {
        add(out, s, Bidang::Urutan, format!("{name} · urutan"), u.span);
    }
    for x in &jl.syarat {
        let t = s.text(x.span);
        add(out, s, Bidang::Syarat, format!("{name} · {t}"), x.span);
    }
    for x in &jl.dokumen {
        let t = s.text(x.span);
        // Keyed by the document's name: "kartu_keluarga minimal 1 tahun" and
        // "kartu_keluarga minimal 2 tahun" are one document changed.
        let key = t.split_whitespace().next().unwrap_or("").to_string();
        add(
            out,
            s,
            Bidang::Dokumen,
            format!("{name} · dokumen {key}"),
            x.span,
        );
    }
    for x in &jl.tidak_menerima {
        add(
            out,
            s,
            Bidang::Dokumen,
            format!("{name} · tidak_menerima {}", x.node),
            x.span,
        );
    }
    if let Some(p) = &jl.per {
        add(out, s, Bidang::Kuota, format!("{name} · per"), p.span);
    }
    if let Some(sp) = jl.langsung_diterima {
        add(
            out,
            s,
            Bidang::Urutan,
            format!("{name} · langsung_diterima"),
            sp,
        );
    }
    for x in &jl.sub {
        jalur_items(x, s, out);
    }
}
