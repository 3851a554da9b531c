//! The answers a juknis gives to the template's questions, read back from its
//! text (so the guided form reopens on a file it wrote). A statement the form
//! does not know is kept in the text and ignored here; a placeholder reads as
//! no answer.

use super::Jawaban;
use crate::plan::jenis::{Jenjang, Mekanisme, Metode, TingkatPemerintah};
use crate::rules::isian;

/// The text of a span of `src`, trimmed.
fn slice(src: &str, a: usize, b: usize) -> String {
    src.get(a..b).unwrap_or("").trim().to_string()
}

/// The jenjang, admission year and answers of a juknis; `None` when the text
/// has no readable juknis with a jenjang and a school year.
pub fn answers_of(src: &str) -> Option<(Jenjang, i32, Jawaban)> {
    let checked = crate::check_bytes(src.as_bytes());
    let j = checked.juknis?;
    let jenjang = j.jenjang.as_ref()?.node;
    let tahun = j.tahun_ajaran.as_ref()?.node.0;
    let mut a = Jawaban::new();
    let mut put = |k: &str, v: String| {
        if !v.trim().is_empty() && !isian::isian(&v) {
            a.insert(k.to_string(), v);
        }
    };
    if let Some(p) = &j.pemerintah {
        let t = match p.node.0 {
            TingkatPemerintah::Provinsi => "Provinsi",
            TingkatPemerintah::Kabupaten => "Kabupaten",
            TingkatPemerintah::Kota => "Kota",
        };
        if !isian::isian(&p.node.1) {
            put("pemerintah", format!("{t} {}", p.node.1));
        }
    }
    if let Some(d) = &j.ditetapkan {
        put("ditetapkan", d.node.to_string());
    }
    if let Some(d) = &j.pengumuman_pendaftaran {
        put("pengumuman_pendaftaran", d.node.to_string());
    }
    if let Some(r) = &j.daya_tampung.rombel {
        put("rombel", r.node.to_string());
    }
    if let Some(m) = &j.wilayah.metode {
        put(
            "wilayah",
            match &m.node {
                Metode::Administratif { satuan } => format!("administratif {}", satuan.join(", ")),
                Metode::Radius { meter } => {
                    let km = f64::from(*meter) / 1000.0;
                    format!("radius {km} km")
                }
                Metode::Lainnya { keterangan } => {
                    format!("lainnya \"{}\"", keterangan.as_deref().unwrap_or(""))
                }
            },
        );
    }
    // Only what is written: a statement not written keeps the model's default
    // with an empty span.
    let written = |s: crate::span::Span| s.end > s.start;
    if written(j.pilihan.maksimal.span) {
        put("pilihan", j.pilihan.maksimal.node.to_string());
    }
    if written(j.pilihan.mekanisme.span) {
        let m = j.pilihan.mekanisme.node;
        if let Some((w, _)) = Mekanisme::WORDS.iter().find(|(_, x)| *x == m) {
            put("mekanisme", w.to_string());
        }
    }
    if let Some(s) = j.skor.iter().find(|s| s.nama.node == "nilai_rapor") {
        let text = slice(src, s.span.start, s.span.end);
        if let Some(inner) = text
            .split_once("rapor(")
            .and_then(|(_, r)| r.rsplit_once(')'))
            .map(|(r, _)| r)
        {
            if let Some((rapor, mapel)) = inner.split_once(", mapel ") {
                put("rapor", rapor.trim().to_string());
                put("mapel", mapel.trim().to_string());
            }
        }
    }
    let span_of = |u: &crate::span::Spanned<Vec<crate::span::Spanned<crate::model::Kriteria>>>| {
        Some(slice(
            src,
            u.node.first()?.span.start,
            u.node.last()?.span.end,
        ))
    };
    if let Some(u) = j.urutan_tk.as_ref().and_then(span_of) {
        put("urutan", u);
    }
    for jl in &j.jalur {
        let urutan = |x: &crate::model::Jalur| x.urutan.as_ref().and_then(span_of);
        if let Some(k) = &jl.kuota {
            put(&format!("kuota.{}", jl.id), format!("{}%", k.node));
        }
        if let Some(u) = urutan(jl) {
            put(&format!("urutan.{}", jl.id), u);
        }
        for s in &jl.sub {
            if let Some(k) = &s.kuota {
                put(&format!("kuota.{}", s.id), format!("{}%", k.node));
            }
        }
    }
    for t in &j.tahap {
        let n = t.nomor.node;
        if !t.jalur.is_empty() {
            let names: Vec<&str> = t.jalur.iter().map(|x| x.node.as_str()).collect();
            put(&format!("tahap.{n}.jalur"), names.join(", "));
        }
        for d in &t.jadwal {
            let v = if d.mulai == d.selesai {
                d.mulai.to_string()
            } else {
                format!("{} sampai {}", d.mulai, d.selesai)
            };
            put(&format!("tahap.{n}.{}", d.tahapan.as_str()), v);
        }
    }
    if let Some(p) = &j.pengaduan {
        put("pengaduan", p.node.clone());
    }
    if let Some(p) = &j.pemantauan {
        put("pemantauan", p.node.clone());
    }
    Some((jenjang, tahun, a))
}
