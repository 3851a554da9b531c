//! The resolved juknis: typed values (exact percentages, validated dates, enums
//! instead of words), names resolved, spans kept for diagnostics. The checks in
//! `rules` and the plan compiler read only this.

pub mod batas;
pub mod lower;

// The plan's vocabulary and arithmetic, used by the model as they are.
pub use crate::plan::jenis::{
    Arah, Cadangan, Dokumen, Jenjang, Kriteria, KriteriaJenis, Mekanisme, Metode, Pembulatan,
    Sumber, Syarat, Tahapan, TingkatPemerintah,
};
pub use crate::plan::{angka, kursi, persen, waktu};

use crate::span::{Span, Spanned};
pub use angka::Angka;
pub use persen::Persen;
pub use waktu::{Tanggal, Waktu};

/// Age in months (`5 tahun 6 bulan` = 66).
pub type Bulan = u32;

#[derive(Debug, Clone, Default)]
pub struct Usia {
    pub span: Option<Span>,
    pub tanggal_acuan: Option<Spanned<Waktu>>,
    pub minimal: Option<Spanned<Bulan>>,
    pub maksimal: Option<Spanned<Bulan>>,
    pub prioritas: Option<Spanned<Bulan>>,
    pub istimewa: Option<Spanned<Istimewa>>,
    pub kelompok: Vec<Spanned<Kelompok>>,
    pub pengecualian: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Clone)]
pub struct Istimewa {
    pub minimal: Spanned<Bulan>,
    pub rekomendasi: Vec<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct Kelompok {
    pub nama: Spanned<String>,
    pub dari: Spanned<Bulan>,
    pub sampai: Spanned<Bulan>,
}

#[derive(Debug, Clone, Default)]
pub struct Wilayah {
    pub span: Option<Span>,
    pub metode: Option<Spanned<Metode>>,
    /// A `metode` line was unreadable (already reported).
    pub metode_rusak: bool,
    pub perluasan: Option<Spanned<String>>,
    pub perbatasan: Vec<Spanned<Perbatasan>>,
}

#[derive(Debug, Clone)]
pub struct Perbatasan {
    pub tingkat: TingkatPemerintah,
    pub nama: String,
    pub kesepakatan: Option<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct DayaTampung {
    pub span: Option<Span>,
    pub rombel: Option<Spanned<u32>>,
    pub pengecualian: Option<Spanned<PengecualianRombel>>,
    pub pembulatan: Spanned<Pembulatan>,
    pub pembulatan_ditulis: bool,
    /// How sub-jalur seats are rounded (`pembulatan_sub`), when stated.
    pub pembulatan_sub: Option<Spanned<Pembulatan>>,
    /// A jalur, or a sub-jalur (which then also takes its jalur's sub-split
    /// leftover).
    pub sisa_ke: Option<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct PengecualianRombel {
    pub rombel: Spanned<u32>,
    pub sampai: Option<Waktu>,
}

#[derive(Debug, Clone)]
pub struct Pilihan {
    pub span: Option<Span>,
    pub maksimal: Spanned<u32>,
    pub mekanisme: Spanned<Mekanisme>,
    /// How many jalur an applicant may register in per wave (default 1).
    pub jalur_per_tahap: Spanned<u32>,
    /// `luar_wilayah maksimal N`: at most N chosen schools outside the zone.
    pub luar_wilayah: Option<Spanned<u32>>,
}

#[derive(Debug, Clone)]
pub struct Skor {
    pub nama: Spanned<String>,
    pub suku: Vec<Spanned<Suku>>,
    /// Written without weights: a plain sum (each term counts 100%).
    pub jumlah: bool,
    /// `maksimal N`: the score is capped at N.
    pub maksimal: Option<Spanned<Angka>>,
    /// `desimal N`: decimals kept, rounding half up.
    pub desimal: Option<Spanned<u32>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Suku {
    pub bobot: Spanned<Persen>,
    pub sumber: Spanned<Sumber>,
}

#[derive(Debug, Clone)]
pub struct TabelPoin {
    pub nama: Spanned<String>,
    pub baris: Vec<Spanned<BarisPoin>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct BarisPoin {
    pub kategori: Spanned<String>,
    pub jenis: JenisBaris,
    pub nilai: Vec<(Spanned<String>, Spanned<Angka>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisBaris {
    /// Competition level: index 0 = kabupaten_kota … 3 = internasional.
    Tingkat(u8),
    Organisasi,
}

pub const TINGKAT_LOMBA: [&str; 4] = ["kabupaten_kota", "provinsi", "nasional", "internasional"];
pub const ORGANISASI: [&str; 2] = ["osis", "pramuka"];

#[derive(Debug, Clone)]
pub struct Jalur {
    /// `domisili` or, for a sub-jalur, `domisili.reguler`.
    pub id: String,
    pub nama: Spanned<String>,
    pub kuota: Option<Spanned<Persen>>,
    pub syarat: Vec<Spanned<Syarat>>,
    pub dokumen: Vec<Spanned<Dokumen>>,
    pub dokumen_span: Option<Span>,
    pub urutan: Option<Spanned<Vec<Spanned<Kriteria>>>>,
    pub per: Option<Spanned<String>>,
    pub langsung_diterima: Option<Span>,
    /// Documents this (sub-)jalur refuses (`tidak_menerima`).
    pub tidak_menerima: Vec<Spanned<String>>,
    pub sub: Vec<Jalur>,
    /// A sub-jalur name was written twice (reported as nama.ganda); the
    /// sub-quota sum is then not checked, as one of the two was dropped.
    pub sub_ganda: bool,
    pub span: Span,
}

impl Jalur {
    /// The national jalur this one is (domisili/afirmasi/prestasi/mutasi), from
    /// the top-level name.
    pub fn induk(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }
    /// Leaves: the sub-jalur, or the jalur itself when it has none.
    pub fn leaves(&self) -> Vec<&Jalur> {
        if self.sub.is_empty() {
            vec![self]
        } else {
            self.sub.iter().collect()
        }
    }
}

#[derive(Debug, Clone)]
pub struct SisaKuota {
    pub dari: Spanned<String>,
    pub ke: Spanned<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Jadwal {
    pub tahapan: Tahapan,
    pub mulai: Waktu,
    pub selesai: Waktu,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Tahap {
    pub nomor: Spanned<u32>,
    /// A schedule line was unreadable (already reported): skip "missing stage" checks.
    pub jadwal_rusak: bool,
    /// The `jalur` line was unreadable (already reported): skip "no jalur" and
    /// "in no wave", which would only repeat it.
    pub jalur_rusak: bool,
    pub jalur: Vec<Spanned<String>>,
    pub jadwal: Vec<Jadwal>,
    pub span: Span,
}

impl Tahap {
    pub fn get(&self, t: Tahapan) -> Option<&Jadwal> {
        self.jadwal.iter().find(|j| j.tahapan == t)
    }
}

#[derive(Debug, Clone)]
pub struct Biaya {
    pub untuk: Option<String>,
    pub rupiah: u64,
}

#[derive(Debug, Clone)]
pub struct Juknis {
    pub judul: Spanned<String>,
    pub span: Span,
    pub acuan: Option<Spanned<String>>,
    pub pemerintah: Option<Spanned<(TingkatPemerintah, String)>>,
    pub jenjang: Option<Spanned<Jenjang>>,
    pub tahun_ajaran: Option<Spanned<(i32, i32)>>,
    pub ditetapkan: Option<Spanned<Waktu>>,
    pub pengumuman_pendaftaran: Option<Spanned<Waktu>>,
    pub usia: Usia,
    pub wilayah: Wilayah,
    pub daya_tampung: DayaTampung,
    pub pilihan: Pilihan,
    pub skor: Vec<Skor>,
    pub poin: Vec<TabelPoin>,
    pub jalur: Vec<Jalur>,
    pub sisa_kuota: Vec<SisaKuota>,
    /// `lanjut A ke B`: applicants not accepted in unit A compete in unit B
    /// in the same wave (a cascade, e.g. domisili reguler → sebaran).
    pub lanjut: Vec<SisaKuota>,
    pub cadangan: Option<Spanned<Cadangan>>,
    pub tahap: Vec<Tahap>,
    pub biaya: Vec<Spanned<Biaya>>,
    pub pendaftaran: Option<Spanned<Vec<Spanned<String>>>>,
    pub pengaduan: Option<Spanned<String>>,
    pub pemantauan: Option<Spanned<String>>,
    /// Regional proof documents (`bukti NAME untuk STATUS "…"`).
    pub bukti: Vec<Spanned<Bukti>>,
    /// Schools outside the four jalur (`dikecualikan "NPSN" REASON "…"`).
    pub dikecualikan: Vec<Spanned<Dikecualikan>>,
    /// Schools joining by agreement (`bersama "NPSN" "agreement"`).
    pub bersama: Vec<Spanned<Bersama>>,
    /// Schools with their own split (`kuota_sekolah "NPSN", … { … }`).
    pub kuota_sekolah: Vec<Spanned<KuotaSekolah>>,
    /// TK: the ranking inside each age group (`urutan …` outside a jalur).
    pub urutan_tk: Option<Spanned<Vec<Spanned<Kriteria>>>>,
    /// One section of a juknis split by jenjang: its waves keep the shared
    /// schedule's numbers.
    pub bagian: bool,
}

/// Schools the juknis gives their own quotas: the listed jalur and sub-jalur
/// take these percentages there, the others keep the juknis's. The span of the
/// `Spanned` is the whole block; `kepala` is the keyword and school list.
#[derive(Debug, Clone)]
pub struct KuotaSekolah {
    pub sekolah: Vec<Spanned<String>>,
    pub dasar: Option<Spanned<String>>,
    pub kuota: Vec<(Spanned<String>, Spanned<Persen>)>,
    pub kepala: Span,
}

impl Juknis {
    /// This juknis with the quotas of variant `v` in place of its own (spans
    /// pointing into the variant), for checking a variant as the main split is.
    pub fn with_quotas_of(&self, v: &KuotaSekolah) -> Juknis {
        let mut j = self.clone();
        j.kuota_sekolah.clear();
        let of = |id: &str| {
            v.kuota
                .iter()
                .find(|(n, _)| n.node == id)
                .map(|(_, p)| p.clone())
        };
        for jl in &mut j.jalur {
            if let Some(p) = of(&jl.id) {
                jl.kuota = Some(p);
            }
            for x in &mut jl.sub {
                if let Some(p) = of(&x.id) {
                    x.kuota = Some(p);
                }
            }
        }
        j
    }
}

/// A school that admits outside the four jalur (Pasal 7(2), FAQ 8), with the
/// reason the regulation gives.
#[derive(Debug, Clone)]
pub struct Dikecualikan {
    pub npsn: Spanned<String>,
    pub alasan: Spanned<String>,
    pub keterangan: Option<Spanned<String>>,
}

/// A private or other-ministry school taking part through an agreement
/// ("SPMB Bersama", FAQ 6, 7, 98).
#[derive(Debug, Clone)]
pub struct Bersama {
    pub npsn: Spanned<String>,
    pub kesepakatan: Option<Spanned<String>>,
}

/// A document the region accepts as proof of a status, e.g. a city's own
/// poverty-programme card (FAQ 40: the kind of proof is not limited).
#[derive(Debug, Clone)]
pub struct Bukti {
    pub nama: Spanned<String>,
    pub status: Spanned<String>,
    pub keterangan: Option<Spanned<String>>,
}

impl Juknis {
    pub fn jenjang(&self) -> Option<Jenjang> {
        self.jenjang.as_ref().map(|j| j.node)
    }
    /// The first year of the school year: the admission year.
    pub fn tahun(&self) -> Option<i32> {
        self.tahun_ajaran.as_ref().map(|t| t.node.0)
    }
    pub fn jalur(&self, name: &str) -> Option<&Jalur> {
        self.jalur.iter().find(|j| j.id == name)
    }
    /// A jalur or sub-jalur by its dotted id.
    pub fn find(&self, id: &str) -> Option<&Jalur> {
        self.jalur
            .iter()
            .flat_map(|j| std::iter::once(j).chain(j.sub.iter()))
            .find(|j| j.id == id)
    }
    /// Every selection unit: sub-jalur, or jalur without subs, in declaration order.
    pub fn leaves(&self) -> Vec<&Jalur> {
        self.jalur.iter().flat_map(|j| j.leaves()).collect()
    }
    pub fn skor(&self, name: &str) -> Option<&Skor> {
        self.skor.iter().find(|s| s.nama.node == name)
    }
    /// The effective ranking of a leaf: its own, else its parent's.
    pub fn urutan_of<'a>(&'a self, leaf: &'a Jalur) -> Option<&'a Spanned<Vec<Spanned<Kriteria>>>> {
        leaf.urutan
            .as_ref()
            .or_else(|| self.parent(leaf).and_then(|p| p.urutan.as_ref()))
    }
    pub fn parent(&self, leaf: &Jalur) -> Option<&Jalur> {
        let (p, _) = leaf.id.split_once('.')?;
        self.jalur(p)
    }
    /// Effective documents (own, else parent's).
    pub fn dokumen_of<'a>(&'a self, leaf: &'a Jalur) -> &'a [Spanned<Dokumen>] {
        if !leaf.dokumen.is_empty() {
            &leaf.dokumen
        } else {
            self.parent(leaf)
                .map(|p| p.dokumen.as_slice())
                .unwrap_or(&[])
        }
    }
    pub fn syarat_of<'a>(&'a self, leaf: &'a Jalur) -> &'a [Spanned<Syarat>] {
        if !leaf.syarat.is_empty() {
            &leaf.syarat
        } else {
            self.parent(leaf)
                .map(|p| p.syarat.as_slice())
                .unwrap_or(&[])
        }
    }
    /// The wave a jalur closes in: its own wave, or, for a jalur whose
    /// sub-jalur run in different waves, the last of theirs.
    pub fn tahap_akhir_of(&self, id: &str) -> Option<&Tahap> {
        self.tahap_semua(id).into_iter().last().or_else(|| {
            let prefix = format!("{id}.");
            self.tahap
                .iter()
                .filter(|t| t.jalur.iter().any(|j| j.node.starts_with(&prefix)))
                .max_by_key(|t| t.nomor.node)
        })
    }

    /// The first wave a (sub)jalur is selected in (directly or through its
    /// parent); see `tahap_semua` for a jalur selected in several.
    pub fn tahap_of(&self, id: &str) -> Option<&Tahap> {
        self.tahap_semua(id).into_iter().next()
    }

    /// Every wave a (sub)jalur is selected in, directly or through its parent,
    /// by wave number: a jalur may be reopened in a later wave for the seats
    /// left over (FAQ 70, 110: the number and order of waves is the region's).
    pub fn tahap_semua(&self, id: &str) -> Vec<&Tahap> {
        let parent = id.split('.').next().unwrap_or(id);
        let mut out: Vec<&Tahap> = self
            .tahap
            .iter()
            .filter(|t| t.jalur.iter().any(|j| j.node == id || j.node == parent))
            .collect();
        out.sort_by_key(|t| t.nomor.node);
        out.dedup_by_key(|t| t.nomor.node);
        out
    }
}
