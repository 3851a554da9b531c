//! The syntax tree: what the writer wrote, with a span on every node and no
//! interpretation yet. Names and numbers stay as text; `model::lower` gives them
//! meaning and reports what is wrong with them.

use super::span::Spanned;

pub type Text = Spanned<String>;

#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub judul: Text,
    pub items: Vec<Spanned<Item>>,
    /// One section of a juknis split by jenjang (`bagian`): its waves are
    /// numbered in the shared schedule, so they need not run 1, 2, 3.
    pub bagian: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Acuan(Text),
    Pemerintah {
        tingkat: Text,
        nama: Option<Text>,
    },
    Jenjang(Text),
    TahunAjaran {
        awal: Text,
        akhir: Text,
    },
    Ditetapkan(Waktu),
    PengumumanPendaftaran(Waktu),
    Usia(Vec<Spanned<UsiaItem>>),
    Wilayah(Vec<Spanned<WilayahItem>>),
    DayaTampung(Vec<Spanned<DayaTampungItem>>),
    Pilihan(Vec<Spanned<PilihanItem>>),
    Skor {
        nama: Text,
        suku: Vec<Spanned<Suku>>,
        /// `maksimal N`: the score is capped at N.
        maksimal: Option<Text>,
        /// `desimal N`: the score is rounded half up to N places.
        desimal: Option<Text>,
    },
    Poin {
        nama: Text,
        baris: Vec<Spanned<PoinBaris>>,
    },
    Jalur(Jalur),
    /// `lanjut A ke B`: applicants not accepted in A compete in B.
    Lanjut {
        dari: Text,
        ke: Text,
    },
    SisaKuota {
        dari: Text,
        ke: Text,
    },
    Cadangan(Cadangan),
    Tahap {
        nomor: Text,
        isi: Vec<Spanned<TahapItem>>,
    },
    Biaya(Biaya),
    Pendaftaran(Vec<Text>),
    Pengaduan(Text),
    Pemantauan(Text),
    /// `bukti NAME untuk STATUS "description"`: a regional proof document.
    Bukti {
        nama: Text,
        status: Text,
        keterangan: Option<Text>,
    },
    /// `dikecualikan "NPSN" REASON "description"`: a school outside the jalur.
    Dikecualikan {
        npsn: Text,
        alasan: Text,
        keterangan: Option<Text>,
    },
    /// `bersama "NPSN" "agreement"`: a school joining by agreement.
    Bersama {
        npsn: Text,
        kesepakatan: Option<Text>,
    },
    /// `kuota_sekolah "NPSN", … { dasar "…"  JALUR PERCENT … }`: schools with
    /// their own split.
    KuotaSekolah {
        sekolah: Vec<Text>,
        isi: Vec<Spanned<KuotaSekolahItem>>,
    },
    /// `urutan …` outside a jalur: a TK's ranking inside each age group.
    Urutan(Vec<Spanned<Kriteria>>),
    /// `bagian JENJANG { … }`: one jenjang of a juknis covering several.
    Bagian {
        jenjang: Text,
        items: Vec<Spanned<Item>>,
    },
    /// A line the grammar could not read; `keyword` is its first word.
    Rusak(Rusak),
}

/// A statement inside `kuota_sekolah`.
#[derive(Debug, Clone, PartialEq)]
pub enum KuotaSekolahItem {
    /// `dasar "…"`: the decision the split rests on.
    Dasar(Text),
    /// `domisili 50%`, `afirmasi.ketm 13%`.
    Kuota {
        nama: Text,
        persen: Spanned<Persen>,
    },
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rusak {
    pub keyword: Text,
    pub text: Text,
}

/// A date with an optional time, as written (`2025-06-24 08:00`).
#[derive(Debug, Clone, PartialEq)]
pub struct Waktu {
    pub tanggal: Text,
    pub jam: Option<Text>,
}

/// `N tahun` or `N tahun M bulan`.
#[derive(Debug, Clone, PartialEq)]
pub struct Umur {
    pub tahun: Text,
    pub bulan: Option<Text>,
}

/// A percentage as written; `koma` and `kata_persen` record the accepted slips.
#[derive(Debug, Clone, PartialEq)]
pub struct Persen {
    pub angka: Text,
    pub koma: bool,
    pub kata_persen: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum UsiaItem {
    TanggalAcuan(Waktu),
    Minimal(Spanned<Umur>),
    Maksimal(Spanned<Umur>),
    Prioritas(Spanned<Umur>),
    Istimewa {
        minimal: Spanned<Umur>,
        rekomendasi: Vec<Text>,
    },
    Kelompok {
        nama: Text,
        dari: Spanned<Umur>,
        sampai: Spanned<Umur>,
    },
    Pengecualian(Vec<Text>),
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub enum WilayahItem {
    Administratif(Vec<Text>),
    Radius(Text),
    Lainnya(Option<Text>),
    /// `metode X` with an unknown method word (e.g. the old `zonasi`).
    MetodeNama(Vec<Text>),
    Perluasan(Text),
    Perbatasan {
        tingkat: Text,
        nama: Text,
        kesepakatan: Option<Text>,
    },
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub enum DayaTampungItem {
    Rombel(Text),
    Pengecualian {
        rombel: Text,
        sampai: Option<Waktu>,
    },
    Pembulatan(Text),
    /// `pembulatan_sub METHOD`: how sub-jalur seats are rounded.
    PembulatanSub(Text),
    SisaPembulatan(Text),
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub enum PilihanItem {
    Maksimal(Text),
    /// `jalur_per_tahap N`.
    JalurPerTahap(Text),
    /// `luar_wilayah maksimal N`: at most N choices outside the zone.
    LuarWilayah(Text),
    Mekanisme(Text),
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suku {
    pub bobot: Option<Spanned<Persen>>,
    pub sumber: Spanned<Sumber>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Sumber {
    Rapor {
        dari: RaporTitik,
        sampai: RaporTitik,
        mapel: Vec<Text>,
    },
    Tes(Text),
    Poin(Text),
    Masukan(Text),
}

/// One end of a rapor range: `semester 5`, or `kelas 6 semester 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct RaporTitik {
    pub kelas: Option<Text>,
    pub semester: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PoinBaris {
    pub kategori: Text,
    pub nilai: Vec<(Text, Text)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Jalur {
    pub nama: Text,
    pub kuota: Option<Spanned<Persen>>,
    pub isi: Vec<Spanned<JalurItem>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JalurItem {
    Sub(Jalur),
    Syarat(Vec<Spanned<Syarat>>),
    Dokumen(Vec<Spanned<Dokumen>>),
    Urutan(Vec<Spanned<Kriteria>>),
    Per(Text),
    LangsungDiterima,
    /// `tidak_menerima A, B`: documents this jalur refuses.
    TidakMenerima(Vec<Text>),
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Syarat {
    Status(Text),
    /// `status A atau B`: any one of the statuses.
    SalahSatu(Vec<Text>),
    Nama(Text),
    /// `jarak kurang_dari X` (`dari` absent) or `jarak X sampai Y`: each a
    /// number and its unit (`km` or `m`).
    Jarak {
        dari: Option<(Text, Text)>,
        sampai: (Text, Text),
        kurang_dari: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dokumen {
    pub nama: Text,
    pub minimal: Option<Spanned<Umur>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kriteria {
    pub nama: Text,
    pub arah: Option<Text>,
    /// `undian benih "…"`: the announced seed.
    pub benih: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cadangan {
    Persen(Spanned<Persen>),
    Nama(Text),
}

#[derive(Debug, Clone, PartialEq)]
pub enum TahapItem {
    Jalur(Vec<Text>),
    Jadwal {
        tahapan: Text,
        mulai: Waktu,
        selesai: Option<Waktu>,
    },
    Rusak(Rusak),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Biaya {
    Gratis,
    Nominal { untuk: Option<Text>, jumlah: Text },
}
